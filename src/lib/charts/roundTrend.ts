import type { LineSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { RoundTrendRow } from '../queries/roundTrend';
import { noDataOption } from './empty';
import { formatRate } from './format';
import { cardGrid, maxLines } from './layout';
import { roundAxisStyle, roundLabels, roundsOf } from './roundAxis';
import { baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A trend point: the rate (%) plus the counts behind it and the round a click selects. */
export interface TrendPoint {
  value: number;
  completed: number;
  n: number;
  round_key: string;
}

/**
 * Strict completion rate per round in time order, one line per inspector level (DOMAIN §7.6 #28:
 * rounds are compared only within one level); a round of another level is a gap in the line.
 */
export function roundTrendOption(rows: RoundTrendRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.roundTrend.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const levels = [...new Set(rows.map((r) => r.inspector_level ?? '—'))];
  const series: LineSeriesOption[] = levels.map((level, i) => ({
    type: 'line', name: level, connectNulls: true, symbol: ['circle', 'rect', 'triangle', 'diamond'][i % 4], symbolSize: 8,
    data: rounds.map((round) => {
      const r = rows.find((x) => x.round_key === round.round_key && (x.inspector_level ?? '—') === level);
      return r ? ({ value: Math.round((r.completion_rate ?? 0) * 10000) / 100, completed: r.completed, n: r.n, round_key: r.round_key } as TrendPoint) : null;
    }),
    // Levels alternate above and below their points, so the labels of two levels at one round do not collide.
    label: { show: true, fontSize: 10, position: i % 2 ? 'bottom' : 'top', formatter: (p) => `${(p.data as TrendPoint).value}%` },
    labelLayout: { hideOverlap: true },
    tooltip: {
      formatter: (p) => {
        const d = p.data as TrendPoint;
        return translate(ctx.lang, 'tip.rate', { series: `${level} · ${rounds[p.dataIndex].round_label}`, name: translate(ctx.lang, 'kpi.completionRate'), rate: formatRate(d.n ? d.completed / d.n : null), completed: d.completed, n: d.n });
      },
    },
  }));
  const plotWidth = 600 - 24 - 24 - 64;
  const labels = roundLabels(rounds, plotWidth);
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend: { top: 30, right: 16, itemWidth: 18, itemHeight: 10, textStyle: { fontSize: 11 } },
    grid: cardGrid({ top: 64, left: 16, right: 24 }),
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: maxLines(labels) * 13 + 12, data: labels,
      axisLabel: roundAxisStyle(rounds.length, plotWidth),
    },
    yAxis: { type: 'value', name: translate(ctx.lang, 'axis.rate'), nameLocation: 'middle', nameGap: 40, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series,
  };
}
