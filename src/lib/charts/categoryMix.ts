import type { BarSeriesOption } from 'echarts';
import { L1_CODES, categoryName } from '../domain/taxonomy';
import { translate } from '../i18n/translate';
import type { CategoryMixRow } from '../queries/categoryMix';
import { noDataOption } from './empty';
import { roundName } from './roundNames';
import { formatRate, percentValue } from './format';
import { bottomLegend, cardGrid, chartWidth, maxLines } from './layout';
import { roundAxisStyle, roundLabels, roundsOf } from './roundAxis';
import { CATEGORY_COLORS, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A bar segment: the share (%) it draws plus what a tooltip and a click need. */
export interface CategoryMixItem {
  value: number;
  count: number;
  code: string;
  round_key: string;
}

/** L1 codes present, in taxonomy order (unknown codes after). */
export function categoryCodesOf(rows: { category_l1: string }[]): string[] {
  const present = new Set(rows.map((r) => r.category_l1));
  const known = L1_CODES.filter((c) => present.has(c));
  return [...known, ...[...present].filter((c) => !L1_CODES.includes(c)).sort()];
}

/** Stacked 100% bars of L1 shares per round; the count is in the tooltip, the share on the axis and label. */
export function categoryMixOption(rows: CategoryMixRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.categoryMix.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const codes = categoryCodesOf(rows);
  const selected = new Set(ctx.selected ?? []);
  const series: BarSeriesOption[] = codes.map((code) => {
    const name = categoryName(code, ctx.lang);
    const data: CategoryMixItem[] = rounds.map((round) => {
      const row = rows.find((r) => r.round_key === round.round_key && r.category_l1 === code);
      const count = row?.n ?? 0;
      return { value: round.round_n ? percentValue(count / round.round_n) : 0, count, code, round_key: round.round_key };
    });
    return {
      type: 'bar', stack: 'mix', name, id: code, data, barMaxWidth: 48,
      itemStyle: { color: CATEGORY_COLORS[code] ?? CATEGORY_COLORS.Z, opacity: selected.size && !selected.has(code) ? 0.35 : 1 },
      label: { show: true, fontSize: 10, color: '#fff', formatter: (p) => {
        // The whole percentage from the count, not from the value already rounded to 2 places (12.495% is 12%, not 13%).
        const item = p.data as CategoryMixItem;
        const n = rounds[p.dataIndex].round_n;
        return (p.value as number) >= 8 && n ? `${percentValue(item.count / n, 0)}%` : '';
      } },
      tooltip: {
        formatter: (p) => {
          const item = p.data as CategoryMixItem;
          const round = rounds[p.dataIndex];
          return translate(ctx.lang, 'tip.share', {
            series: roundName(round, ctx.lang), name, count: item.count, share: formatRate(round.round_n ? item.count / round.round_n : null),
          });
        },
      },
    };
  });
  const plotWidth = chartWidth(ctx) - 8 - 16 - 60;
  const labels = roundLabels(rounds, ctx.lang, plotWidth);
  const { legend, height } = bottomLegend(series.map((s) => String(s.name)), 2, chartWidth(ctx));
  const base = baseOption(ctx, title);
  return {
    ...base,
    legend,
    grid: cardGrid({ bottom: height + 4 }),
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: maxLines(labels) * 13 + 12,
      data: labels, axisLabel: roundAxisStyle(rounds.length, plotWidth), axisTick: { show: false },
    },
    yAxis: { type: 'value', name: translate(ctx.lang, 'axis.share'), nameLocation: 'middle', nameGap: 40, max: 100, axisLabel: { formatter: '{value}%' } },
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    series,
  };
}
