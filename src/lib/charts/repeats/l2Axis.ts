import type { EChartsOption } from 'echarts';
import { L2, categoryLabel } from '../../domain/taxonomy';
import { translate } from '../../i18n/translate';
import { countyAxisLabels, countyLabels } from '../countyAxis';
import { countyAxis } from '../heatmapFrame';
import { CARD, PLOT_TOP, chartWidth } from '../layout';
import { LEGEND_ROW, cardGrid, maxTextWidth } from '../layout';
import { plainText } from '../inertText';
import type { ChartContext } from '../types';

const L2_ORDER = L2.map((c) => c.code);

/** L2 codes present in the rows, in taxonomy order (unknown codes after, alphabetically). */
export function l2CodesOf(rows: { category_l2: string }[]): string[] {
  const rank = (c: string) => (L2_ORDER.includes(c) ? L2_ORDER.indexOf(c) : L2_ORDER.length);
  return [...new Set(rows.map((r) => r.category_l2))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}


/** "D1 违规吃喝/公务接待": the code with its name, for tooltips (axes show the code only). */
export function l2Title(code: string, lang: 'zh' | 'en'): string {
  return plainText(categoryLabel(code, lang));
}

/** County name for a tooltip line, in the UI language. */
export function countyTitle(county: string, lang: 'zh' | 'en'): string {
  return plainText(countyLabels([county], lang)[0]);
}

/**
 * Frame of the county × L2 heatmaps on a ~600×360 card: L2 codes along x (short codes, names in
 * the tooltip), counties down y (name at the side, selected counties marked ▶), room at the
 * bottom for the colour scale and a note line.
 */
export function countyL2Frame(ctx: ChartContext, codes: string[], counties: string[]): EChartsOption {
  const fontSize = codes.length > 24 ? 8 : 10;
  // Every code where the cells are wide enough for one; else every second or third (a phone's card), the tooltip names each.
  const cell = countyL2Cell(ctx, codes, counties).width;
  const interval = Math.max(0, Math.ceil((maxTextWidth(codes, fontSize) + 2) / Math.max(1, cell)) - 1);
  return {
    grid: cardGrid({ bottom: LEGEND_ROW + 4 }),
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'repeats.axis.l2'), nameLocation: 'middle', nameGap: 22, data: codes,
      axisLabel: { interval, fontSize }, axisTick: { show: false }, splitArea: { show: true },
    },
    yAxis: { ...countyAxis(ctx, counties), name: translate(ctx.lang, 'repeats.axis.county') },
  };
}

/** Estimated size in px of one cell of a county × L2 heatmap on the card. */
export function countyL2Cell(ctx: ChartContext, codes: string[], counties: string[]): { width: number; height: number } {
  const nameGap = maxTextWidth(countyAxisLabels(counties, ctx.lang), 11) + 14 + (ctx.selected?.length ? 14 : 0);
  const plotWidth = chartWidth(ctx) - 8 - 16 - nameGap - 16;
  const plotHeight = CARD.height - PLOT_TOP - (LEGEND_ROW + 4) - 14 - 22;
  return { width: plotWidth / Math.max(1, codes.length), height: plotHeight / Math.max(1, counties.length) };
}
