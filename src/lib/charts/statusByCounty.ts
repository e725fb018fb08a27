import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import { STATUS_KEYS, type StatusCountRow } from '../queries/statusByCounty';
import { countiesOf, countyAxisLabels, countyLabels } from './countyAxis';
import { noDataOption } from './empty';
import { statusLabel } from './labels';
import { chartWidth, DIMMED, bottomLegend, cardGrid, markSelected, maxTextWidth, segmentLabel, totalSeries } from './layout';
import { STATUS_COLORS, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A bar segment: the count plus the county a click selects. */
export interface CountyCountItem {
  value: number;
  county: string;
  /** The segment's status key or warning colour. */
  key: string;
  itemStyle?: { opacity: number };
  label?: { show: boolean };
}

/**
 * Horizontal stacked bars of the status composition per county; each county's segments sum to its
 * N, printed at the end of the bar. Segments too short for their count leave it to the tooltip.
 */
export function statusByCountyOption(rows: StatusCountRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.statusByCounty.title');
  if (!rows.length) return noDataOption(ctx, title);
  const counties = countiesOf(rows);
  const present = STATUS_KEYS.filter((s) => rows.some((r) => r.status === s));
  const selected = new Set(ctx.selected ?? []);
  const count = (county: string, status: string) => rows.find((r) => r.county === county && r.status === status)?.n ?? 0;
  const totals = counties.map((county) => present.reduce((s, status) => s + count(county, status), 0));
  const label = segmentLabel(Math.max(...totals), countyBarsPlotWidth(ctx, counties), true);
  const series: BarSeriesOption[] = present.map((status) => {
    const name = statusLabel(status, ctx.lang);
    return {
      type: 'bar', stack: 'status', name, id: status, barMaxWidth: 22,
      data: counties.map((county): CountyCountItem => ({ value: count(county, status), county, key: status })),
      itemStyle: { color: STATUS_COLORS[status] },
      label: { show: true, fontSize: 10, formatter: (p) => label(p.value as number) },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: (p) => translate(ctx.lang, 'tip.count', { series: countyLabels([(p.data as CountyCountItem).county], ctx.lang)[0], name, count: p.value as number }) },
    };
  });
  return countyBarsFrame(ctx, title, counties, selected, series, totals);
}

/** Right margin for the totals printed past the bars' ends. */
const TOTAL_ROOM = 36;

/** Estimated length in px of the count axis of the per-county bar charts on the card. */
export function countyBarsPlotWidth(ctx: ChartContext, counties: string[]): number {
  return chartWidth(ctx) - 8 - TOTAL_ROOM - (maxTextWidth(countyAxisLabels(counties, ctx.lang), 11) + 24);
}

/**
 * The frame shared by the per-county horizontal bar charts: county axis, count axis, legend, each
 * bar's total at its end. While counties are selected the others' bars fade (their totals stay)
 * and the selected ones are marked ▶ in words.
 */
export function countyBarsFrame(
  ctx: ChartContext, title: string, counties: string[], selected: Set<string>, series: BarSeriesOption[], totals: number[],
): EChartsOption {
  const base = baseOption(ctx, title);
  const labels = countyAxisLabels(counties, ctx.lang).map((l, i) => markSelected(l, selected.has(counties[i])));
  const faded = selected.size
    ? series.map((s) => ({
      ...s,
      data: (s.data as CountyCountItem[]).map((d) => (selected.has(d.county) ? d : { ...d, itemStyle: { opacity: DIMMED }, label: { show: false } })),
    }))
    : series;
  const stack = String(series[0]?.stack ?? 'total');
  const { legend, height } = bottomLegend(series.map((s) => String(s.name)), 2, chartWidth(ctx));
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend,
    grid: cardGrid({ right: TOTAL_ROOM, bottom: height + 4 }),
    xAxis: { type: 'value', name: translate(ctx.lang, 'axis.findings'), nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.county'), nameLocation: 'start', nameGap: 8, inverse: true, data: labels,
      nameTextStyle: { align: 'right', padding: [0, 6, 0, 0] }, axisLabel: { interval: 0, fontSize: 11 }, axisTick: { show: false },
    },
    series: [...faded, totalSeries(stack, translate(ctx.lang, 'axis.findings'), totals, true)],
  };
}
