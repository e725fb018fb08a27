import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import { STATUS_KEYS, type StatusCountRow } from '../queries/statusByCounty';
import { countiesOf, countyLabels } from './countyAxis';
import { noDataOption } from './empty';
import { statusLabel } from './labels';
import { STATUS_COLORS, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A bar segment: the count plus the county a click selects. */
export interface CountyCountItem {
  value: number;
  county: string;
  /** The segment's status key or warning colour. */
  key: string;
}

/** Horizontal stacked bars of the status composition per county; each county's segments sum to its N. */
export function statusByCountyOption(rows: StatusCountRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.statusByCounty.title');
  if (!rows.length) return noDataOption(ctx, title);
  const counties = countiesOf(rows);
  const present = STATUS_KEYS.filter((s) => rows.some((r) => r.status === s));
  const selected = new Set(ctx.selected ?? []);
  const series: BarSeriesOption[] = present.map((status) => {
    const name = statusLabel(status, ctx.lang);
    return {
      type: 'bar', stack: 'status', name, id: status, barMaxWidth: 22,
      data: counties.map((county): CountyCountItem => ({ value: rows.find((r) => r.county === county && r.status === status)?.n ?? 0, county, key: status })),
      itemStyle: { color: STATUS_COLORS[status] },
      label: { show: true, fontSize: 10, formatter: (p) => ((p.value as number) > 0 ? String(p.value) : '') },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: (p) => translate(ctx.lang, 'tip.count', { series: countyLabels([(p.data as CountyCountItem).county], ctx.lang)[0], name, count: p.value as number }) },
    };
  });
  return countyBarsFrame(ctx, title, counties, selected, series);
}

/** The frame shared by the per-county horizontal bar charts: county axis, count axis, legend. */
export function countyBarsFrame(ctx: ChartContext, title: string, counties: string[], selected: Set<string>, series: BarSeriesOption[]): EChartsOption {
  const base = baseOption(ctx, title);
  const labels = countyLabels(counties, ctx.lang);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend: { type: 'scroll', bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 24, top: 72, bottom: 48, containLabel: true },
    xAxis: { type: 'value', name: translate(ctx.lang, 'axis.findings'), nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.county'), nameLocation: 'start', inverse: true, data: labels,
      // A selected county is marked in words, not only by the other charts' colours.
      axisLabel: { interval: 0, fontSize: 11, formatter: (v: string, i: number) => (selected.has(counties[i]) ? `▶ ${v}` : v) },
    },
    series,
  };
}
