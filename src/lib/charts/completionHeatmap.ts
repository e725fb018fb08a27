import type { HeatmapSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { CompletionCellRow } from '../queries/completionHeatmap';
import { countiesOf, countyLabels } from './countyAxis';
import { CELL_LABEL, NO_PATTERN, cellSeparator, countyRoundFrame } from './heatmapFrame';
import { noDataOption } from './empty';
import { formatRate } from './format';
import { roundsOf } from './roundAxis';
import { RATE_SCALE, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A heatmap cell: [round index, county index, rate %] plus what the label, tooltip and click need. */
export interface CompletionCell {
  value: [number, number, number];
  county: string;
  round_key: string;
  n: number;
  completed: number;
  rate: number | null;
}

const SMALL_N_GREY = '#e4e7eb';

/**
 * County × round heatmap of the strict completion rate. Every cell prints its rate and N; cells
 * with N < smallNMin are grey and say 样本不足 in words (a second series outside the colour scale).
 */
export function completionHeatmapOption(rows: CompletionCellRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.completionHeatmap.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const counties = countiesOf(rows);
  const min = ctx.params.smallNMin;
  const cells = rows.map((r): CompletionCell => ({
    value: [rounds.findIndex((x) => x.round_key === r.round_key), counties.indexOf(r.county), Math.round((r.completion_rate ?? 0) * 10000) / 100],
    county: r.county, round_key: r.round_key, n: r.n, completed: r.completed, rate: r.completion_rate,
  }));
  const smallLabel = translate(ctx.lang, 'chart.smallN');
  const sep = cellSeparator(counties.length);
  const cellName = (c: CompletionCell) => `${countyLabels([c.county], ctx.lang)[0]} · ${rounds[c.value[0]].round_label}`;
  const series = (data: CompletionCell[], small: boolean): HeatmapSeriesOption => ({
    type: 'heatmap',
    name: small ? smallLabel : translate(ctx.lang, 'axis.rate'),
    data,
    // Rates are printed in every cell, so only small-N cells get a pattern (a mark beyond grey).
    itemStyle: { borderColor: '#fff', borderWidth: 1, decal: small ? undefined : NO_PATTERN },
    label: {
      ...CELL_LABEL,
      formatter: (p) => {
        const c = p.data as CompletionCell;
        return `${small ? smallLabel : formatRate(c.rate)}${sep}N=${c.n}`;
      },
    },
    tooltip: {
      formatter: (p) => {
        const c = p.data as CompletionCell;
        const vars = { series: cellName(c), name: translate(ctx.lang, 'axis.rate'), rate: formatRate(c.rate), completed: c.completed, n: c.n, min };
        return translate(ctx.lang, small ? 'tip.smallN' : 'tip.rate', vars);
      },
    },
  });
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    ...countyRoundFrame(ctx, rounds, counties),
    // ECharts draws a heatmap only through a visualMap; the small-N series gets a hidden one that maps every value to grey.
    visualMap: [
      {
        type: 'continuous', min: 0, max: 100, seriesIndex: 0, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        itemWidth: 10, itemHeight: 140, text: ['100%', '0%'], inRange: { color: RATE_SCALE },
      },
      { type: 'continuous', min: 0, max: 100, seriesIndex: 1, show: false, inRange: { color: [SMALL_N_GREY, SMALL_N_GREY] } },
    ],
    series: [series(cells.filter((c) => c.n >= min), false), series(cells.filter((c) => c.n < min), true)],
  };
}
