import type { HeatmapSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { CompletionCellRow } from '../queries/completionHeatmap';
import { countiesOf, countyLabels } from './countyAxis';
import { roundName } from './roundNames';
import { NO_PATTERN, cellLabel, countyRoundCell, countyRoundFrame, dimUnselected, inkOn, sideScale, withInk } from './heatmapFrame';
import { fitCellLabels } from './layout';
import { noDataOption } from './empty';
import { formatRate, percentValue } from './format';
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
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

const SMALL_N_GREY = '#e4e7eb';

/**
 * County × round heatmap of the strict completion rate. Cells print their rate and N on two lines
 * when the cell is tall enough, else the rate alone, else nothing (the tooltip has it all); cells
 * with N < smallNMin are grey and say 样本不足 / Small in words (a second series outside the colour scale).
 * No pattern on cells whose number is printed: the number, not the colour, carries the value.
 * Selected counties stay, the others fade.
 */
export function completionHeatmapOption(rows: CompletionCellRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.completionHeatmap.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const counties = countiesOf(rows);
  const min = ctx.params.smallNMin;
  const isSmall = (c: CompletionCell) => c.n < min;
  // Ink for the cell's own fill: a small sample is grey whatever its rate.
  const cells = dimUnselected(withInk(rows.map((r): CompletionCell => ({
    value: [rounds.findIndex((x) => x.round_key === r.round_key), counties.indexOf(r.county), percentValue(r.completion_rate ?? 0)],
    county: r.county, round_key: r.round_key, n: r.n, completed: r.completed, rate: r.completion_rate,
  })), RATE_SCALE, 0, 100).map((c) => (isSmall(c) ? { ...c, label: { ...c.label, color: inkOn(SMALL_N_GREY) } } : c)), ctx.selected);
  const smallLabel = translate(ctx.lang, 'chart.smallN');
  // The cell's word for a small sample is short (样本不足, Small): the labels share one font, so
  // "Small sample" used to push every cell down to its short label, N and the marker gone.
  const smallMark = translate(ctx.lang, 'chart.smallNCell');
  // Label variants, most informative first; all cells share one font. A small sample says so in
  // words and keeps its rate and N where the cell has room (DOMAIN #27: greyed and flagged, N shown):
  // "样本不足\n40% N=5", else "样本不足\nN=5"; the others "66.67%\nN=15"; at the least, rate or word alone.
  const rateN = (c: CompletionCell) => `${formatRate(c.rate)}\nN=${c.n}`;
  const variants: ((c: CompletionCell) => string)[] = [
    (c) => (isSmall(c) ? `${smallMark}\n${formatRate(c.rate)} N=${c.n}` : rateN(c)),
    (c) => (isSmall(c) ? `${smallMark}\nN=${c.n}` : rateN(c)),
    (c) => (isSmall(c) ? smallMark : formatRate(c.rate)),
  ];
  const cell = countyRoundCell(ctx, rounds, counties);
  let text = variants[variants.length - 1];
  let font: ReturnType<typeof fitCellLabels> = null;
  for (const v of variants) {
    font = fitCellLabels(cells.map(v), cell);
    if (font) { text = v; break; }
  }
  const cellName = (c: CompletionCell) => `${countyLabels([c.county], ctx.lang)[0]} · ${roundName(rounds[c.value[0]], ctx.lang)}`;
  const series = (data: CompletionCell[], small: boolean): HeatmapSeriesOption => ({
    type: 'heatmap',
    name: small ? smallLabel : translate(ctx.lang, 'axis.rate'),
    data,
    // Small samples keep a pattern only when no label says 样本不足 (grey alone would be colour only).
    itemStyle: { borderColor: '#fff', borderWidth: 1, decal: small && !font ? undefined : NO_PATTERN },
    label: cellLabel(font, (p) => text(p.data as CompletionCell)),
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
      { ...sideScale(['100%', '0%'], RATE_SCALE, 0), min: 0, max: 100 },
      { type: 'continuous', min: 0, max: 100, seriesIndex: 1, show: false, inRange: { color: [SMALL_N_GREY, SMALL_N_GREY] } },
    ],
    series: [series(cells.filter((c) => !isSmall(c)), false), series(cells.filter(isSmall), true)],
  };
}
