import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import { STATUS_KEYS } from '../queries/statusByCounty';
import type { RoundStatusRow } from '../queries/statusByRound';
import { noDataOption } from './empty';
import { statusLabel } from './labels';
import { roundLabels, roundsOf } from './roundAxis';
import { STATUS_COLORS, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A bar segment: the count plus the round and status a click selects. */
export interface RoundCountItem {
  value: number;
  round_key: string;
  key: string;
}

/** Stacked bars of the status composition per round (time order); each round's segments sum to its N. */
export function statusByRoundOption(rows: RoundStatusRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.statusByRound.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const present = STATUS_KEYS.filter((s) => rows.some((r) => r.status === s));
  const series: BarSeriesOption[] = present.map((status) => {
    const name = statusLabel(status, ctx.lang);
    return {
      type: 'bar', stack: 'status', name, id: status, barMaxWidth: 40,
      data: rounds.map((round): RoundCountItem => ({
        value: rows.find((r) => r.round_key === round.round_key && r.status === status)?.n ?? 0, round_key: round.round_key, key: status,
      })),
      itemStyle: { color: STATUS_COLORS[status] },
      label: { show: true, fontSize: 10, formatter: (p) => ((p.value as number) > 0 ? String(p.value) : '') },
      labelLayout: { hideOverlap: true },
      tooltip: { formatter: (p) => translate(ctx.lang, 'tip.count', { series: rounds[p.dataIndex].round_label, name, count: p.value as number }) },
    };
  });
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    legend: { type: 'scroll', bottom: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } },
    grid: { left: 24, right: 16, top: 72, bottom: 40, containLabel: true },
    xAxis: { type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: 44, data: roundLabels(rounds), axisLabel: { interval: 0, fontSize: 10, lineHeight: 13 } },
    yAxis: { type: 'value', name: translate(ctx.lang, 'axis.findings'), nameLocation: 'middle', nameGap: 44, minInterval: 1 },
    series,
  };
}
