import type { HeatmapSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { RepeatCellRow } from '../queries/repeatsByRound';
import { countiesOf, countyLabels } from './countyAxis';
import { roundName } from './roundNames';
import { NO_PATTERN, cellLabel, countyRoundCell, countyRoundFrame, dimUnselected, sideScale, withInk } from './heatmapFrame';
import { fitCellLabels } from './layout';
import { noDataOption } from './empty';
import { formatRate } from './format';
import { roundsOf } from './roundAxis';
import { WARNING_COLORS, baseOption } from './theme';
import type { ChartContext, EChartsOption } from './types';

/** A heatmap cell: [round index, county index, repeats] plus N for the label. */
export interface RepeatCell {
  value: [number, number, number];
  county: string;
  round_key: string;
  n: number;
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

/**
 * County × round heatmap of explicit repeats; each cell prints "repeats/N" (or the repeats alone
 * in narrow cells, nothing in tiny ones: the tooltip has it), so the count never depends on
 * colour. Selected counties stay, the others fade.
 */
/** Colour scale of repeat counts, none → many. */
const REPEAT_SCALE = ['#f5f7fa', WARNING_COLORS.yellow, WARNING_COLORS.red];

export function repeatsByRoundOption(rows: RepeatCellRow[], ctx: ChartContext): EChartsOption {
  const title = translate(ctx.lang, 'chart.repeatsByRound.title');
  if (!rows.length) return noDataOption(ctx, title);
  const rounds = roundsOf(rows);
  const counties = countiesOf(rows);
  const max = rows.reduce((m, r) => Math.max(m, r.repeats), 1);
  const cells = dimUnselected(withInk(rows.map((r): RepeatCell => ({
    value: [rounds.findIndex((x) => x.round_key === r.round_key), counties.indexOf(r.county), r.repeats],
    county: r.county, round_key: r.round_key, n: r.n,
  })), REPEAT_SCALE, 0, max), ctx.selected);
  const full = (c: RepeatCell) => `${c.value[2]}/${c.n}`;
  const short = (c: RepeatCell) => String(c.value[2]);
  const cell = countyRoundCell(ctx, rounds, counties);
  const fullFont = fitCellLabels(cells.map(full), cell);
  const font = fullFont ?? fitCellLabels(cells.map(short), cell);
  const text = fullFont ? full : short;
  const name = translate(ctx.lang, 'kpi.repeat');
  const series: HeatmapSeriesOption = {
    type: 'heatmap', name, data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1, decal: NO_PATTERN },
    label: cellLabel(font, (p) => text(p.data as RepeatCell)),
    tooltip: {
      formatter: (p) => {
        const c = p.data as RepeatCell;
        return translate(ctx.lang, 'tip.repeats', {
          series: `${countyLabels([c.county], ctx.lang)[0]} · ${roundName(rounds[c.value[0]], ctx.lang)}`, name, count: c.value[2], n: c.n, rate: formatRate(c.n ? c.value[2] / c.n : null),
        });
      },
    },
  };
  const base = baseOption(ctx, title);
  return {
    ...base,
    tooltip: { ...(base.tooltip as object), trigger: 'item' },
    ...countyRoundFrame(ctx, rounds, counties),
    visualMap: { ...sideScale([String(max), '0'], REPEAT_SCALE), min: 0, max },
    series: [series],
  };
}
