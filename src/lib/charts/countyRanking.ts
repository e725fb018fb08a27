import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { CountyRankRow } from '../queries/countyRanking';
import { countyAxisLabels, countyLabels } from './countyAxis';
import { noDataOption } from './empty';
import { formatRate, percentValue } from './format';
import { DIMMED, cardGrid, chartWidth, markSelected, maxTextWidth, textWidth } from './layout';
import { baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

// Room right of the bars for a county's rate, N and 样本不足.
const RIGHT_ROOM = 120;

/** A ranking bar: the rate (%) plus N, rank and the county a click selects. */
export interface RankBar {
  value: number;
  county: string;
  n: number;
  completed: number;
  rank: number | null;
  overdue: number;
  /** 同单位重复率, only where the last tiebreak was computed (tied counties). */
  unitRepeatRate: number | null;
  itemStyle?: { color?: string; opacity?: number };
}

const RANKED = '#2874a6';
const SMALL_N = '#c3c8cd';

/**
 * Horizontal bars of the strict completion rate in rank order, N printed on every bar, small
 * samples grey, unranked and labelled 样本不足, and the overall rate of all counties as a line.
 * While counties are selected the others' bars fade and the selected ones are marked ▶.
 */
export function countyRankingOption(rows: CountyRankRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.ranking.title');
  if (!rows.length) return noDataOption(ctx, title);
  const small = translate(ctx.lang, 'chart.smallN');
  const totalN = rows.reduce((s, r) => s + r.n, 0);
  const overall = totalN ? rows.reduce((s, r) => s + r.completed, 0) / totalN : null;
  const selected = new Set(ctx.selected ?? []);
  const labels = countyAxisLabels(rows.map((r) => r.county), ctx.lang)
    .map((name, i) => markSelected(rows[i].rank === null ? name : `${rows[i].rank}. ${name}`, selected.has(rows[i].county)));
  const faded = (county: string) => selected.size > 0 && !selected.has(county);
  const bars: RankBar[] = rows.map((r) => {
    const style = { ...(r.small_sample ? { color: SMALL_N } : {}), ...(faded(r.county) ? { opacity: DIMMED } : {}) };
    return {
      value: percentValue(r.completion_rate ?? 0), county: r.county, n: r.n, completed: r.completed, rank: r.rank,
      overdue: r.overdue, unitRepeatRate: r.unit_repeat_rate ?? null,
      ...(Object.keys(style).length ? { itemStyle: style } : {}),
    };
  });
  const series: BarSeriesOption = {
    // Above the overall line (ECharts draws every mark line at z 5, whatever its series says), so the
    // labels' white ground hides the line where it crosses them.
    type: 'bar', z: 6, name: translate(ctx.lang, 'axis.rate'), data: bars, barMaxWidth: 20, itemStyle: { color: RANKED },
    label: {
      // A white ground keeps the label readable where the dashed overall line passes behind it.
      show: true, position: 'right', fontSize: 10, backgroundColor: '#ffffff', padding: [1, 2],
      formatter: (p) => {
        const b = p.data as RankBar;
        return `${formatRate(b.n ? b.completed / b.n : null)}  N=${b.n}${b.rank === null ? `  ${small}` : ''}`;
      },
    },
    tooltip: {
      formatter: (p) => {
        const b = p.data as RankBar;
        const vars = { series: countyLabels([b.county], ctx.lang)[0], name: translate(ctx.lang, 'kpi.completionRate'), rate: formatRate(b.n ? b.completed / b.n : null), completed: b.completed, n: b.n, min: ctx.params.smallNMin };
        const tip = translate(ctx.lang, b.rank === null ? 'tip.smallN' : 'tip.rate', vars);
        // A tie the last key separated: the keys that decided it.
        return b.unitRepeatRate === null ? tip : `${tip}\n${translate(ctx.lang, 'tip.rankTiebreak', { overdue: b.overdue, rate: formatRate(b.unitRepeatRate) })}`;
      },
    },
    markLine: overall === null ? undefined : {
      symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#52606d' },
      // 'start' is the top: the county axis is inverted.
      label: { formatter: translate(ctx.lang, 'chart.average', { rate: formatRate(overall) }), position: 'start', fontSize: 10 },
      data: [{ xAxis: percentValue(overall) }],
    },
  };
  const base = baseOption(ctx, title);
  // Ticks every 20% where the plot has room for their labels, else every 50% (a phone's card).
  const plotWidth = chartWidth(ctx) - 8 - (maxTextWidth(labels, 11) + 8) - RIGHT_ROOM;
  const interval = plotWidth / 5 >= textWidth('100%', 12) + 12 ? 20 : 50;
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    // Top room for the overall line's label; right room for "92.79%  N=305  样本不足" past the bars.
    grid: cardGrid({ top: 64, right: RIGHT_ROOM }),
    xAxis: { type: 'value', name: translate(ctx.lang, 'axis.rate'), nameLocation: 'middle', nameGap: 24, min: 0, max: 100, interval, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.county'), nameLocation: 'start', nameGap: 22, nameTextStyle: { align: 'right', padding: [0, 6, 0, 0] },
      inverse: true, data: labels, axisLabel: { interval: 0, fontSize: 11 }, axisTick: { show: false },
    },
    series: [series],
  };
}
