import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import { translate } from '../i18n/translate';
import type { RoundColumns } from '../queries/roundMeta';
import { countyAxisLabels } from './countyAxis';
import { CARD, chartWidth, DIMMED, PLOT_TOP, cardGrid, markSelected, maxLines, maxTextWidth } from './layout';
import { roundAxisStyle, roundLabels } from './roundAxis';
import type { ChartContext } from './types';

const INK_DARK = '#1f2933';
const INK_LIGHT = '#ffffff';

/** Cell label style: plain text, no halo (a halo blurs 9–10 px digits); `withInk` picks its colour per cell. */
export const CELL_LABEL = { show: true, fontSize: 10, lineHeight: 11, color: INK_DARK };

/** Relative luminance (WCAG) of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The colour a continuous visualMap gives `t` ∈ [0, 1] over evenly spaced `#rrggbb` stops. */
export function scaleColour(scale: string[], t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (scale.length - 1);
  const i = Math.min(scale.length - 2, Math.floor(x));
  const f = x - i;
  const mix = (k: number) => Math.round(parseInt(scale[i].slice(k, k + 2), 16) * (1 - f) + parseInt(scale[i + 1].slice(k, k + 2), 16) * f);
  return `#${[1, 3, 5].map((k) => mix(k).toString(16).padStart(2, '0')).join('')}`;
}

/** The text colour with the higher contrast on a background: white on dark cells, ink on light ones. */
export function inkOn(background: string): string {
  const l = luminance(background);
  return (1.05) / (l + 0.05) >= (l + 0.05) / (luminance(INK_DARK) + 0.05) ? INK_LIGHT : INK_DARK;
}

/** Gives every cell the label colour that reads on its own fill (value[2] mapped over min..max of `scale`). */
export function withInk<C extends { value: [number, number, number]; label?: Record<string, unknown> }>(cells: C[], scale: string[], min: number, max: number): C[] {
  return cells.map((c) => ({ ...c, label: { ...c.label, color: inkOn(scaleColour(scale, (c.value[2] - min) / (max - min || 1))) } }));
}

/**
 * An empty decal for cells whose value is printed in them: the pattern would only hide the text.
 * (`decal: 'none'` crashes ECharts 6's heatmap, hence an explicit pattern without symbols.)
 */
export const NO_PATTERN = { symbol: 'none' as const };

/** Room for the vertical colour scale at the right of a county × round heatmap. */
const SCALE_WIDTH = 52;
const AXIS_FONT = 11;
const ROUND_LINE = 13;

/** The county axis (y) of a heatmap: name beside the labels, selected counties marked ▶. */
export function countyAxis(ctx: ChartContext, counties: string[]) {
  const selected = new Set(ctx.selected ?? []);
  return {
    type: 'category' as const, name: translate(ctx.lang, 'axis.county'), nameLocation: 'middle' as const, nameGap: countyNameGap(ctx, counties),
    inverse: true, data: countyAxisLabels(counties, ctx.lang, AXIS_FONT).map((l, i) => markSelected(l, selected.has(counties[i]))),
    axisLabel: { interval: 0, fontSize: AXIS_FONT }, axisTick: { show: false }, splitArea: { show: true },
  };
}

/** Distance of the rotated county axis name from the axis line: past the widest county label. */
function countyNameGap(ctx: ChartContext, counties: string[]): number {
  const selected = new Set(ctx.selected ?? []);
  const labels = countyAxisLabels(counties, ctx.lang, AXIS_FONT).map((l, i) => markSelected(l, selected.has(counties[i])));
  return maxTextWidth(labels, AXIS_FONT) + 14;
}

/** Estimated width in px of the plot of a county × round heatmap on the card. */
function countyRoundPlotWidth(ctx: ChartContext, counties: string[]): number {
  return chartWidth(ctx) - 8 - SCALE_WIDTH - countyNameGap(ctx, counties) - 16;
}

/** Estimated size in px of one cell of a county × round heatmap on the card. */
export function countyRoundCell(ctx: ChartContext, rounds: RoundColumns[], counties: string[]): { width: number; height: number } {
  const plotWidth = countyRoundPlotWidth(ctx, counties);
  const labels = roundLabels(rounds, ctx.lang, plotWidth);
  const plotHeight = (ctx.height ?? CARD.height) - PLOT_TOP - 8 - (maxLines(labels) * ROUND_LINE + 8) - 22;
  return { width: plotWidth / Math.max(1, rounds.length), height: plotHeight / Math.max(1, counties.length) };
}

/**
 * The frame shared by the county × round heatmaps: round axis (x), county axis (y, name rotated at
 * its side so it never meets the subtitle), axis labels and names inside the card.
 */
export function countyRoundFrame(ctx: ChartContext, rounds: RoundColumns[], counties: string[]): EChartsOption {
  const plotWidth = countyRoundPlotWidth(ctx, counties);
  const labels = roundLabels(rounds, ctx.lang, plotWidth);
  return {
    grid: cardGrid({ right: SCALE_WIDTH, bottom: 6 }),
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'axis.round'), nameLocation: 'middle', nameGap: maxLines(labels) * ROUND_LINE + 12, data: labels,
      axisLabel: roundAxisStyle(rounds.length, plotWidth), axisTick: { show: false }, splitArea: { show: true },
    },
    yAxis: countyAxis(ctx, counties),
  };
}

/** A vertical colour scale at the right of the plot (a heatmap's legend), `text` = [top, bottom]. */
export function sideScale(text: [string, string], color: string[], seriesIndex = 0) {
  return {
    type: 'continuous' as const, seriesIndex, calculable: false, orient: 'vertical' as const, right: 8, top: 'middle' as const,
    itemWidth: 10, itemHeight: 110, text, textStyle: { fontSize: 10 }, inRange: { color },
  };
}

/** A heatmap cell that can be dimmed and carry its own style. */
interface StyledCell {
  county: string;
  itemStyle?: Record<string, unknown>;
  label?: Record<string, unknown>;
}

/**
 * Cross-filter emphasis: while counties are selected, the cells of the other counties fade
 * (their numbers too), as the bar charts fade their bars.
 */
export function dimUnselected<C extends StyledCell>(cells: C[], selected: string[] | undefined): C[] {
  const chosen = new Set(selected ?? []);
  if (!chosen.size) return cells;
  return cells.map((c) => (chosen.has(c.county) ? c : { ...c, itemStyle: { ...c.itemStyle, opacity: DIMMED }, label: { ...c.label, opacity: 0.45 } }));
}

/** Label options for heatmap cells at a fitted font, or hidden (left to the tooltip) when nothing fits. */
export function cellLabel(font: { fontSize: number; lineHeight: number } | null, formatter: NonNullable<HeatmapSeriesOption['label']>['formatter']) {
  return font ? { ...CELL_LABEL, ...font, formatter } : { show: false };
}
