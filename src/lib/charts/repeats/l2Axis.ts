import type { EChartsOption } from 'echarts';
import { L2, categoryName } from '../../domain/taxonomy';
import { translate } from '../../i18n/translate';
import { countyLabels } from '../countyAxis';
import type { ChartContext } from '../types';

const L2_ORDER = L2.map((c) => c.code);

/** L2 codes present in the rows, in taxonomy order (unknown codes after, alphabetically). */
export function l2CodesOf(rows: { category_l2: string }[]): string[] {
  const rank = (c: string) => (L2_ORDER.includes(c) ? L2_ORDER.indexOf(c) : L2_ORDER.length);
  return [...new Set(rows.map((r) => r.category_l2))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Data strings shown through a function formatter: tooltips render as rich text, where `{a|…}`
 * would be read as markup, so braces and bars from a ledger are swapped for full-width look-alikes.
 */
export function plainText(text: string): string {
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝').replace(/\|/g, '｜');
}

/** "D1 违规吃喝/公务接待": the code with its name, for tooltips (axes show the code only). */
export function l2Title(code: string, lang: 'zh' | 'en'): string {
  return plainText(`${code} ${categoryName(code, lang)}`);
}

/** County name for a tooltip line, in the UI language. */
export function countyTitle(county: string, lang: 'zh' | 'en'): string {
  return plainText(countyLabels([county], lang)[0]);
}

/**
 * Frame of the county × L2 heatmaps on a ~600×360 card: L2 codes along x (short codes, names in
 * the tooltip), counties down y, room at the bottom for the colour scale and a note line.
 */
export function countyL2Frame(ctx: ChartContext, codes: string[], counties: string[]): EChartsOption {
  return {
    grid: { left: 8, right: 16, top: 76, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category', name: translate(ctx.lang, 'repeats.axis.l2'), nameLocation: 'middle', nameGap: 24, data: codes,
      axisLabel: { interval: 0, fontSize: codes.length > 24 ? 8 : 10 }, splitArea: { show: true },
    },
    yAxis: {
      type: 'category', name: translate(ctx.lang, 'repeats.axis.county'), nameLocation: 'start', inverse: true,
      data: countyLabels(counties, ctx.lang), axisLabel: { interval: 0, fontSize: 11 }, splitArea: { show: true },
    },
  };
}
