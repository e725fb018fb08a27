import type { BarSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { OutcomeRow } from '../queries/outcomes';
import { noDataOption } from './empty';
import { formatCount, formatRate, formatWan } from './format';
import { chartWidth, textWidth } from './layout';
import { FONT_FAMILY, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** The accountability breakdown in the order public reports print it. */
export const ACCOUNTABILITY_PARTS = ['acc_party_discipline', 'acc_gov_sanction', 'acc_org_handling', 'acc_admonish', 'acc_light'] as const;

/** The outcome lines beside the bars, each stating its unit (人, 项, 万元, 件). */
export function outcomeLines(row: OutcomeRow, ctx: ChartContext): string[] {
  const t = (key: string, vars: Record<string, string | number>) => translate(ctx.lang, key, vars);
  const light = translate(ctx.lang, !row.parts_only ? 'def.accountabilityLedger' : row.light_included ? 'def.accountabilityLightIn' : 'def.accountabilityLightOut');
  const lines = [t('chart.outcomes.accTotal', { total: formatCount(row.acc_people), light })];
  if (row.systems) lines.push(t('chart.outcomes.systems', { n: formatCount(row.systems) }));
  if (row.funds_wan) lines.push(t('chart.outcomes.funds', { n: formatWan(row.funds_wan) }));
  if (row.clues_transferred) lines.push(t('chart.outcomes.clues', { n: formatCount(row.clues_transferred), closed: formatCount(row.clues_closed), rate: formatRate(row.clue_rate) }));
  return lines;
}

// The totals' text block: its width beside the bars and its line height.
const TEXT_WIDTH = 260;
const LINE = 22;

/**
 * Outcome totals (DOMAIN §7.4): the accountability breakdown as bars (人), and the totals in other
 * units (制度 项, 资金 万元, 线索 件) as text beside them, so no axis mixes units.
 */
export function outcomeTotalsOption(rows: OutcomeRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.outcomes.title');
  const row = rows[0];
  const empty = !row || (!row.acc_people && !row.systems && !row.funds_wan && !row.clues_transferred && ACCOUNTABILITY_PARTS.every((p) => !row[p]));
  if (empty) return noDataOption(ctx, title);
  const names = ACCOUNTABILITY_PARTS.map((p) => translate(ctx.lang, `acc.${p.replace('acc_', '')}`));
  const series: BarSeriesOption = {
    type: 'bar', name: translate(ctx.lang, 'chart.outcomes.people'), barMaxWidth: 18, itemStyle: { color: '#8e44ad' },
    data: ACCOUNTABILITY_PARTS.map((p) => row[p]),
    label: { show: true, position: 'right', fontSize: 10 },
    tooltip: { formatter: (p) => translate(ctx.lang, 'tip.people', { name: names[p.dataIndex], count: p.value as number }) },
  };
  const base = baseOption(ctx, title);
  const lines = outcomeLines(row, ctx);
  // Beside the bars where the card has room for both (TEXT_WIDTH each); on a phone's card, above them.
  const width = chartWidth(ctx);
  const above = width < 2 * TEXT_WIDTH + 40;
  // Lines as drawn: a long one breaks at the block's width.
  const drawn = lines.reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, 12) / (width - 32))), 0);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    grid: above ? { left: 8, right: 24, top: 60 + drawn * LINE + 8, bottom: 36, containLabel: true } : { left: 8, right: '48%', top: 72, bottom: 36, containLabel: true },
    xAxis: { type: 'value', name: translate(ctx.lang, 'axis.people'), nameLocation: 'middle', nameGap: 24, minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { interval: 0, fontSize: 11 } },
    graphic: [{
      type: 'text', ...(above ? { left: 16, top: 56 } : { right: 16, top: 'middle' }),
      style: { text: lines.join('\n'), fontFamily: FONT_FAMILY, fontSize: 12, lineHeight: LINE, fill: '#1f2933', width: above ? width - 32 : TEXT_WIDTH, overflow: 'break' },
    }],
    series: [series],
  };
}
