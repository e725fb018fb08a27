import type { BarSeriesOption } from 'echarts';

/**
 * Card geometry. Charts are drawn at 360 px high (Chart.svelte) and ~600 px wide in exports and the
 * briefing; on screen at their card's width (chartWidth). Label decisions (does a number fit its cell
 * or segment?) are made for the width drawn at.
 */
export const CARD = { width: 600, height: 360 };

// The narrowest card labels are fitted for: a phone's (390 px less the page's and the card's margins).
const MIN_WIDTH = 300;

/**
 * The width in px a chart is drawn at: its card's on screen (ChartContext.width), else CARD's. Labels
 * are fitted for it: on a phone's card, heatmap cells keep only what fits, or leave it to the tooltip.
 */
export function chartWidth(ctx: { width?: number }): number {
  return Math.max(MIN_WIDTH, ctx.width ?? CARD.width);
}

/** First free line under the title and the as-of subtitle: the plot box (axis names included) starts here. */
export const PLOT_TOP = 56;

/** Height of a bottom legend or colour scale row. */
export const LEGEND_ROW = 26;

/**
 * The plot box of a cartesian chart. Axis labels *and axis names* are kept inside it (ECharts 6
 * outer bounds), so a name never runs into the subtitle above or the legend below, and ECharts
 * moves a name clear of multi-line labels (which `containLabel` switches off).
 */
export function cardGrid(box: { top?: number; right?: number; bottom?: number; left?: number }) {
  return {
    top: box.top ?? PLOT_TOP, right: box.right ?? 16, bottom: box.bottom ?? 8, left: box.left ?? 8,
    outerBoundsMode: 'same' as const, outerBoundsContain: 'all' as const,
  };
}

/** Estimated width in px of one line of text: CJK characters are square, Latin about half as wide. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) w += fontSize;
    else if (ch === '.' || ch === ',' || ch === ' ' || ch === '|' || ch === '/') w += fontSize * 0.34;
    else if (ch === '%' || ch === 'W' || ch === 'M' || ch === 'm' || ch === 'w') w += fontSize * 0.86;
    else w += fontSize * 0.58;
  }
  return Math.ceil(w);
}

/** Widest of several labels (each possibly multi-line). */
export function maxTextWidth(labels: string[], fontSize: number): number {
  return Math.max(0, ...labels.flatMap((l) => l.split('\n')).map((l) => textWidth(l, fontSize)));
}

/** Lines of the tallest label. */
export function maxLines(labels: string[]): number {
  return Math.max(1, ...labels.map((l) => l.split('\n').length));
}

/** The font sizes cell labels may use, largest first; below 9 px Chinese digits blur on a 1× screen. */
const CELL_FONTS = [10, 9];

/** Font size and line height at which labels fit a cell. */
export interface CellFont {
  fontSize: number;
  lineHeight: number;
}

/**
 * The largest cell font at which every label (lines split on \n) fits a cell of `cell` px with a
 * little padding, or null when none does (the labels are then left to the tooltip).
 */
export function fitCellLabels(labels: string[], cell: { width: number; height: number }): CellFont | null {
  if (!labels.length) return { fontSize: CELL_FONTS[0], lineHeight: CELL_FONTS[0] + 1 };
  const lines = maxLines(labels);
  for (const fontSize of CELL_FONTS) {
    const lineHeight = fontSize + 1;
    if (cell.height >= lines * lineHeight + 2 && cell.width >= maxTextWidth(labels, fontSize) + 4) return { fontSize, lineHeight };
  }
  return null;
}

/** ECharts' "nice" number (1, 2, 3, 5 × 10ⁿ, rounded), used for value-axis intervals. */
function nice(value: number): number {
  const exp = Math.floor(Math.log10(value));
  const f = value / 10 ** exp;
  const nf = f < 1.5 ? 1 : f < 2.5 ? 2 : f < 4 ? 3 : f < 7 ? 5 : 10;
  return nf * 10 ** exp;
}

/** The top of a count axis ECharts draws for a largest value `max` (about 5 integer intervals). */
export function niceAxisMax(max: number): number {
  if (!(max > 0)) return 1;
  const interval = Math.max(1, nice(max / 5));
  return Math.ceil(max / interval) * interval;
}

/**
 * Label formatter for the segments of stacked count bars: a segment prints its count only when
 * it is long enough for it along the bar (`plotPx` = the value axis length in px), so the
 * numbers of tiny segments never pile up; their counts stay in the tooltip and the total.
 */
export function segmentLabel(maxTotal: number, plotPx: number, horizontal: boolean, fontSize = 10) {
  const axisMax = niceAxisMax(maxTotal);
  return (value: number): string => {
    if (!(value > 0)) return '';
    const px = (value / axisMax) * plotPx;
    const need = horizontal ? textWidth(String(value), fontSize) + 4 : fontSize + 5;
    return px >= need ? String(value) : '';
  };
}

/**
 * An invisible last segment that prints each bar's total at its end: a zero-length bar stacked on
 * top carries the label, is not in the legend (legend `data` lists the real series) and takes no
 * clicks or tooltips.
 */
export function totalSeries(stack: string, name: string, totals: number[], horizontal: boolean): BarSeriesOption {
  return {
    type: 'bar', stack, name, id: '__total', silent: true,
    data: totals.map(() => 0),
    itemStyle: { color: 'transparent', decal: { symbol: 'none' } },
    label: {
      show: true, position: horizontal ? 'right' : 'top', fontSize: 10, fontWeight: 'bold', color: '#1f2933',
      formatter: (p) => (totals[p.dataIndex] ? String(totals[p.dataIndex]) : ''),
    },
    tooltip: { show: false },
    emphasis: { disabled: true },
  };
}

/**
 * A legend under the plot: all items on one or two rows when they fit the chart's `width` (long English
 * names wrap to a second row), else one scrolling row. `height` is the room it takes.
 */
export function bottomLegend(names: string[], maxRows = 2, width = CARD.width): { legend: Record<string, unknown>; height: number } {
  const ITEM = 14 + 5;
  const GAP = 10;
  const avail = width - 2 * 8;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = ITEM + textWidth(name, 11);
    if (x > 0 && x + w > avail) {
      rows += 1;
      x = 0;
    }
    x += w + GAP;
  }
  const style = { bottom: 0, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 }, data: names };
  if (rows <= maxRows) return { legend: { ...style, type: 'plain' }, height: rows * 20 + 6 };
  return { legend: { ...style, type: 'scroll' }, height: LEGEND_ROW };
}

/** Opacity of the items of values that are not selected while others are (cross-filter emphasis). */
export const DIMMED = 0.25;

/** Axis label of a selected value: marked in words (▶), not only by the dimming of the others. */
export function markSelected(label: string, isSelected: boolean): string {
  return isSelected ? `▶ ${label}` : label;
}
