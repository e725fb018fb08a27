import type { BarSeriesOption, LineSeriesOption } from 'echarts';
import { translate } from '../../i18n/translate';
import type { CommonCoverageRow } from '../../queries/repeats/common';
import { noDataOption } from '../empty';
import { formatRate, percentValue } from '../format';
import { bottomLegend, cardGrid, chartWidth, maxLines, maxTextWidth } from '../layout';
import { roundAxisStyle, roundLabels, roundsOf } from '../roundAxis';
import { roundName } from '../roundNames';
import { baseOption } from '../theme';
import type { ChartContext, EChartsOption } from '../types';
import { plainText } from '../inertText';

/** A bar: the round's coverage in %, with the counts its label and tooltip print. */
export interface CoverageBar {
  value: number;
  round_key: string;
  round_label: string;
  covered: number;
  units: number;
  k: number;
  codes: number;
  rate: number | null;
}

/**
 * 共性问题覆盖率 per round (#24) as bars: each bar prints "covered/units", the tooltip adds the
 * round's k. Coverage is often near 100% (most units share some common problem), so a line on a
 * second axis shows how many L2 codes were common in each round: the breadth of what is shared.
 */
export function commonCoverageOption(rows: CommonCoverageRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'repeats.chart.coverage.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const bars = rounds.map((r): CoverageBar => ({
    value: percentValue(r.coverage_rate ?? 0), round_key: r.round_key, round_label: roundName(r, ctx.lang),
    covered: r.covered_units, units: r.units_in_round, k: r.k, codes: r.common_codes, rate: r.coverage_rate,
  }));
  const plotWidth = chartWidth(ctx) - 8 - 16 - 64 - 40;
  const countText = (b: CoverageBar) => `${b.covered}/${b.units}`;
  // "covered/units" over each bar where a round's column has room for it (a phone's card has not: the tooltip has it).
  const countsFit = plotWidth / rounds.length >= maxTextWidth(bars.map(countText), 10) + 4;
  const series: BarSeriesOption = {
    type: 'bar', name: translate(ctx.lang, 'repeats.axis.coverage'), data: bars, barMaxWidth: 36, itemStyle: { color: '#2874a6' },
    label: { show: countsFit, position: 'top', fontSize: 10, formatter: (p) => countText(p.data as CoverageBar) },
    tooltip: {
      formatter: (p) => {
        const b = p.data as CoverageBar;
        return translate(ctx.lang, 'repeats.tip.coverage', {
          round: plainText(b.round_label), rate: formatRate(b.rate), covered: b.covered, units: b.units, k: b.k, codes: b.codes,
        });
      },
    },
  };
  const codesName = translate(ctx.lang, 'repeats.series.commonCodes');
  const maxCodes = Math.max(1, ...bars.map((b) => b.codes));
  const codesLine: LineSeriesOption = {
    type: 'line', name: codesName, yAxisIndex: 1, data: bars.map((b) => ({ value: b.codes, round_key: b.round_key })),
    symbol: 'diamond', symbolSize: 9, lineStyle: { color: '#b9770e', type: 'dashed', width: 2 }, itemStyle: { color: '#b9770e' },
    label: { show: true, position: 'top', fontSize: 10, color: '#7e5109', backgroundColor: '#fff', padding: [1, 3], borderRadius: 2, formatter: (p) => String((p.data as { value: number }).value) },
    tooltip: { formatter: (p) => `${plainText(bars[p.dataIndex].round_label)}\n${codesName} ${(p.data as { value: number }).value}` },
  };
  const legend = bottomLegend([series.name as string, codesName], 2, chartWidth(ctx));
  const labels = roundLabels(rounds, ctx.lang, plotWidth);
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    // Top room for the "covered/units" labels above full bars.
    grid: cardGrid({ top: 72, bottom: 8 + legend.height }),
    legend: legend.legend,
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'repeats.axis.round'), nameLocation: 'middle', nameGap: maxLines(labels) * 13 + 12,
      data: labels, axisLabel: roundAxisStyle(rounds.length, plotWidth), axisTick: { show: false },
    },
    yAxis: [
      { type: 'value', name: translate(ctx.lang, 'repeats.axis.coverage'), nameLocation: 'middle', nameGap: 44, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      {
        type: 'value', name: translate(ctx.lang, 'repeats.axis.commonCodes'), nameLocation: 'middle', nameGap: 34, min: 0,
        max: Math.ceil((maxCodes * 1.25) / 5) * 5, minInterval: 1, splitLine: { show: false },
      },
    ],
    series: [series, codesLine],
  };
}
