import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import { STATUS_KEYS } from '../queries/statusByCounty';
import type { RoundStatusRow } from '../queries/statusByRound';
import { noDataOption } from './empty';
import { roundName } from './roundNames';
import { statusLabel } from './labels';
import { CARD, chartWidth, PLOT_TOP, bottomLegend, cardGrid, maxLines, segmentLabel, totalSeries } from './layout';
import { roundAxisStyle, roundLabels, roundsOf } from './roundAxis';
import { STATUS_COLORS, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A bar segment: the count plus the round and status a click selects. */
export interface RoundCountItem {
  value: number;
  round_key: string;
  key: string;
}

/**
 * Stacked bars of the status composition per round (time order); each round's segments sum to its
 * N, printed on top. Segments too short for their count leave it to the tooltip.
 */
export function statusByRoundOption(rows: RoundStatusRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.statusByRound.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const present = STATUS_KEYS.filter((s) => rows.some((r) => r.status === s));
  const count = (roundKey: string, status: string) => rows.find((r) => r.round_key === roundKey && r.status === status)?.n ?? 0;
  const totals = rounds.map((round) => present.reduce((s, status) => s + count(round.round_key, status), 0));
  const plotWidth = chartWidth(ctx) - 8 - 16 - 64;
  const labels = roundLabels(rounds, ctx.lang, plotWidth);
  const { legend, height } = bottomLegend(present.map((status) => statusLabel(status, ctx.lang)), 2, chartWidth(ctx));
  const plotHeight = CARD.height - PLOT_TOP - (height + 4) - (maxLines(labels) * 13 + 8) - 22 - 14;
  const label = segmentLabel(Math.max(...totals), plotHeight, false);
  const series: BarSeriesOption[] = present.map((status) => {
    const name = statusLabel(status, ctx.lang);
    return {
      type: 'bar', stack: 'status', name, id: status, barMaxWidth: 40,
      data: rounds.map((round): RoundCountItem => ({ value: count(round.round_key, status), round_key: round.round_key, key: status })),
      itemStyle: { color: STATUS_COLORS[status] },
      label: { show: true, fontSize: 10, formatter: (p) => label(p.value as number) },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: (p) => translate(ctx.lang, 'tip.count', { series: roundName(rounds[p.dataIndex], ctx.lang), name, count: p.value as number }) },
    };
  });
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend,
    grid: cardGrid({ bottom: height + 4 }),
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: maxLines(labels) * 13 + 12, data: labels,
      axisLabel: roundAxisStyle(rounds.length, plotWidth), axisTick: { show: false },
    },
    // The name sits above the axis (rotated it would need to clear labels of unknown width).
    yAxis: { type: 'value', name: translate(ctx.lang, 'axis.findings'), nameLocation: 'end', nameGap: 10, nameTextStyle: { align: 'left' }, minInterval: 1 },
    series: [...series, totalSeries('status', translate(ctx.lang, 'axis.findings'), totals, false)],
  };
}
