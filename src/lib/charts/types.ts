import type { EChartsOption } from 'echarts';
import type { Lang } from '../i18n/translate';
import type { MetricParams } from '../domain/params';
import type { Dimension, Filters } from '../queries/filters';
import type { SourceOptions } from '../queries/source';

export type { EChartsOption };

/** What every chart option builder gets besides its rows. */
export interface ChartContext {
  lang: Lang;
  /** As-of date T, printed on every chart. */
  asOf: string;
  params: MetricParams;
  /** Values of the chart's own dimension that are currently selected (to highlight them). */
  selected?: string[];
  /** True while the embedded sample is shown: charts say so. */
  isSample?: boolean;
  /** The card's height on screen when taller than the usual 360 px (ChartSpec.height); not for exports. */
  height?: number;
  /** The chart's width on screen (a card spanning the page, or a phone's); not for exports, drawn at CARD's. */
  width?: number;
  /** The first feedback date, when T lies before it: an empty chart says that, not "no data for the filters". */
  firstFeedback?: string;
  /** For exports: a line describing active filters and the data source, added under the title. */
  subtitle?: string;
  /** For exports: no animation, white background. */
  forExport?: boolean;
}

/** The parts of an ECharts click event a chart needs to turn a click into a filter. */
export interface ChartClick {
  componentType?: string;
  seriesType?: string;
  seriesName?: string;
  seriesIndex?: number;
  name?: string;
  dataIndex?: number;
  data?: unknown;
  value?: unknown;
  dataType?: string;
}

/**
 * One drill-down of a chart's data-table row. A row drawn as several elements (a county's red,
 * yellow and green counts) has one per element, each named by `part` (`drill.part.<part>`).
 */
export interface RowDrill {
  filters: Partial<Filters>;
  part?: string;
}

/**
 * A dashboard chart, declared rather than wired (Mosaic-style client): the SQL it needs for the
 * current filters, the option it draws from the rows, and how a click on it filters the rest.
 */
export interface ChartSpec<R = Record<string, unknown>> {
  /** `data-chart` id, stable (tests and URLs use it). */
  id: string;
  /** i18n key of the title. */
  titleKey: string;
  /** i18n key of the metric definition shown on hover and in exports. */
  definitionKey: string;
  /** The chart's own dimension: left out of its own filter so it keeps showing every value. */
  dimension?: Dimension;
  /**
   * True when the chart keeps every value of its dimension even when the selection was made
   * elsewhere (filter bar, another chart), and only highlights it: a ranking ranks against all.
   */
  highlightsOnly?: boolean;
  /** The figure greys rates over fewer than 最小样本数 findings with no flag in its rows: its data table says 样本不足 beside them. */
  flagsSmallSamples?: boolean;
  /** SQL of the chart's rows; `opts.source` lets the page answer from the cube (same answers). */
  query(filters: Filters, params: MetricParams, opts?: SourceOptions): string;
  option(rows: R[], ctx: ChartContext): EChartsOption;
  /** Maps a click to a filter value on `dimension` (null = the click selects nothing). */
  toFilter?(click: ChartClick, rows: R[]): { dimension: Dimension; value: string } | null;
  /** Optional: a click to drill down to findings; returns extra filters that select those findings. */
  drill?(click: ChartClick, rows: R[]): Partial<Filters> | null;
  /**
   * Optional: the drill-downs of one row of the chart's data table, the findings a click on an
   * element that row draws selects (the keyboard's way to `drill`); none when it stands for none.
   */
  rowDrills?(row: R): RowDrill[];
  /**
   * Optional: a second query whose rows replace the first's, when the first's rows need it (the
   * ranking's last tiebreak, costly, only for tied counties); null when they do not.
   */
  refine?(rows: R[], filters: Filters, params: MetricParams): string | null;
  /** Optional: the card's height in px for these rows (a county per line needs room past a dozen counties). */
  height?(rows: R[]): number;
}
