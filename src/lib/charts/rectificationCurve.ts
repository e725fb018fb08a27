import type { LineSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { CurvePointRow } from '../queries/rectificationCurve';
import { noDataOption } from './empty';
import { formatRate, percentValue } from './format';
import { roundShortName } from './roundNames';
import { bottomLegend, cardGrid, chartWidth } from './layout';
import { roundsOf } from './roundAxis';
import { baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A curve point: [day, rate %] plus the counts behind it and the round a click selects. */
export interface CurvePoint {
  value: [number, number];
  completed: number;
  n: number;
  round_key: string;
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'];

/**
 * Cumulative completion rate against days since feedback, one step line per round. Lines differ
 * by marker shape and dash as well as colour, and the legend names each round.
 */
export function rectificationCurveOption(rows: CurvePointRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.curve.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const selected = new Set(ctx.selected ?? []);
  const series: LineSeriesOption[] = rounds.map((round, i) => {
    const name = roundShortName(round, ctx.lang);
    const points = rows.filter((r) => r.round_key === round.round_key);
    return {
      type: 'line', name, id: round.round_key, step: 'end', sampling: 'lttb', showSymbol: points.length <= 40,
      symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: 6,
      lineStyle: { width: selected.has(round.round_key) ? 3 : 2, type: i < SYMBOLS.length ? 'solid' : 'dashed' },
      data: points.map((p): CurvePoint => ({
        value: [p.day, percentValue(p.completion_rate ?? 0)], completed: p.completed, n: p.n, round_key: p.round_key,
      })),
      tooltip: {
        formatter: (p) => {
          const d = p.data as CurvePoint;
          return translate(ctx.lang, 'tip.curve', { series: name, day: d.value[0], rate: formatRate(d.n ? d.completed / d.n : null), completed: d.completed, n: d.n });
        },
      },
    };
  });
  const base = baseOption(ctx, title);
  // Every round named on the page and in print: rows of legend rather than a scrolling one.
  const legend = bottomLegend(series.map((x) => String(x.name)), 4, chartWidth(ctx));
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend: { ...legend.legend, itemWidth: 18 },
    grid: cardGrid({ left: 16, right: 24, bottom: legend.height + 4 }),
    xAxis: { type: 'value', name: translate(ctx.lang, 'axis.days'), nameLocation: 'middle', nameGap: 26, min: 0 },
    yAxis: { type: 'value', name: translate(ctx.lang, 'axis.rate'), nameLocation: 'middle', nameGap: 40, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}
