import { countyLabel, countyOrder } from '../domain/counties';
import type { Lang } from '../i18n/translate';
import { textWidth } from './layout';

/** Counties present in the rows, in display order (GB/T 2260, 市本级 last, others by name). */
export function countiesOf(rows: { county: string }[]): string[] {
  const names = [...new Set(rows.map((r) => r.county))];
  return names.sort((a, b) => countyOrder(a) - countyOrder(b) || a.localeCompare(b, 'zh'));
}

/** County axis labels in the UI language (zone names such as 金华开发区 stay as written). */
export function countyLabels(counties: string[], lang: Lang): string[] {
  return counties.map((c) => countyLabel(c, lang));
}

/** Widest county label an axis prints, in px at the axis font: a place kept as written can be any length. */
export const COUNTY_LABEL_MAX_PX = 130;

/**
 * County axis labels: as countyLabels, cut with … past COUNTY_LABEL_MAX_PX so one long name kept as
 * typed cannot squeeze the plot; tooltips and tables keep the whole name.
 */
export function countyAxisLabels(counties: string[], lang: Lang, fontSize = 11): string[] {
  return countyLabels(counties, lang).map((label) => {
    if (textWidth(label, fontSize) <= COUNTY_LABEL_MAX_PX) return label;
    const chars = [...label];
    while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > COUNTY_LABEL_MAX_PX) chars.pop();
    return `${chars.join('')}…`;
  });
}

/** The card height that keeps 22 px a county line past the dozen a 360 px card holds, up to 1,000 px. */
export const CARD_HEIGHT = 360;
export function countyChartHeight(rows: { county: string }[]): number {
  const n = new Set(rows.map((r) => r.county)).size;
  return Math.min(1000, CARD_HEIGHT + Math.max(0, n - 12) * 22);
}
