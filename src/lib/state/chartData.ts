import type { ChartContext, ChartSpec, RowDrill } from '../charts/types';
import { figureColumns, specDataTable, type DataTable } from '../charts/dataTable';
import { ARIA_ROWS, chartAriaDescription } from '../charts/aria';
import { datedLine } from '../charts/theme';
import { translate } from '../i18n/translate';
import { downloadTable } from './tableDownload';
import { scopeValues } from './filterSummary';
import { scopeTag } from '../text/fileName';
import type { Filters } from '../queries/filters';
import type { Lang } from '../i18n/translate';

/** The numbers behind a chart as its card shows them under 查看数据: caption, the table, figure columns. */
export interface ChartDataView {
  /** The chart's title, the as-of date and, on the embedded sample, the sample mark. */
  caption: string;
  table: DataTable;
  /** Per column: true when it holds figures (aligned right). */
  figures: boolean[];
  /** Per row: the findings its elements drill into (ChartSpec.rowDrills); empty for a chart without. */
  drills: RowDrill[][];
}

type DataContext = Pick<ChartContext, 'lang' | 'asOf' | 'params' | 'isSample'>;

/**
 * A chart's data as a table for reading on screen (the keyboard and screen-reader path to the
 * figure's numbers): the same table the briefing pack prints (`specDataTable`), captioned as the
 * chart is titled.
 */
export function chartDataView(spec: ChartSpec<any>, rows: Record<string, unknown>[], ctx: DataContext): ChartDataView {
  const table = specDataTable(spec, rows, ctx.lang, ctx.params);
  const drills = spec.rowDrills ? table.source.map((row) => spec.rowDrills!(row)) : [];
  return { caption: chartCaption(spec, ctx), table, figures: figureColumns(table), drills };
}

/** The chart's title, the as-of date and, on the embedded sample, the sample mark. */
function chartCaption(spec: ChartSpec<any>, ctx: DataContext): string {
  return [translate(ctx.lang, spec.titleKey), ...datedLine(ctx)].join(' · ');
}

/**
 * Downloads a chart's data table as CSV through the app's table export (UTF-8 BOM, formula-like
 * cells neutralised), named like the chart's images: title, as-of date and the scope tag of the
 * filters in force (`tag`, '' for none). Rejects with a message in `ctx.lang` when the download fails.
 */
export function downloadChartData(spec: ChartSpec<any>, rows: Record<string, unknown>[], ctx: DataContext, tag = ''): Promise<void> {
  const { table } = chartDataView(spec, rows, ctx);
  const records = table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.key, row[i]])));
  return downloadTable(records, table.columns, 'csv', translate(ctx.lang, spec.titleKey), ctx.lang, { asOf: ctx.asOf, tag });
}

/**
 * The scope tag of a chart's downloads (images, data CSV): the filters that narrow its rows. Its own
 * dimension does not (the chart shows every county and highlights the one chosen), so it is left out.
 */
export function chartScopeTag(spec: Pick<ChartSpec, 'dimension'>, filters: Filters, lang: Lang): string {
  return scopeTag(scopeValues(spec.dimension ? { ...filters, [spec.dimension]: [] } : filters, lang));
}

/** What a screen reader says for the chart: its caption and the first rows of its data table (charts/aria.ts). */
export function chartAriaText(spec: ChartSpec<any>, rows: Record<string, unknown>[], ctx: DataContext): string {
  // Only the rows it reads are formatted: a curve of many rounds has tens of thousands, and this runs on every draw.
  const table = specDataTable(spec, rows, ctx.lang, ctx.params, ARIA_ROWS);
  return chartAriaDescription(chartCaption(spec, ctx), table, ctx.lang);
}
