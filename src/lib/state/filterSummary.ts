import type { Dimension, Filters } from '../queries/filters';
import type { Lang } from '../i18n/translate';
import { translate } from '../i18n/translate';
import { categoryLabel, categoryName } from '../domain/taxonomy';
import { isolateBidi } from '../text/bidi';
import { countyLabel } from '../domain/counties';
import { roundName } from '../charts/roundNames';
import { database } from './database.svelte';
import { ANALYSIS_CHARTS, DASHBOARD_CHARTS } from './chartSpecs';
import { REPEAT_CHARTS } from './repeatSpecs';

const DIMENSIONS: Dimension[] = ['rounds', 'counties', 'categories', 'l2', 'statuses', 'units', 'unitTypes', 'sources'];
const HEADINGS: Record<Dimension, string> = {
  rounds: 'filter.rounds', counties: 'filter.counties', categories: 'filter.categories', l2: 'filter.categories', statuses: 'filter.statuses', units: 'filter.units', unitTypes: 'filter.unitTypes', sources: 'filter.sources',
};

/**
 * The label of one filter value as the analyst reads it: a round's label, a category's name, a
 * status; isolated when it holds directional controls (it is set among other words).
 */
export function filterValueLabel(dimension: Dimension, value: string, lang: Lang): string {
  return isolateBidi(valueLabel(dimension, value, lang));
}

function valueLabel(dimension: Dimension, value: string, lang: Lang): string {
  switch (dimension) {
    case 'rounds': return roundName({ round_key: value, round_label: database.rounds.find((r) => r.round_key === value)?.round_label ?? null }, lang);
    case 'counties': return countyLabel(value, lang);
    case 'categories': return categoryName(value, lang);
    case 'l2': return categoryLabel(value, lang);
    case 'statuses': return translate(lang, `status.${value}`);
    default: return value;
  }
}

/** One line naming the active filters, for export subtitles and briefings. */
export function filterSummary(filters: Filters, lang: Lang): string {
  const t = (key: string) => translate(lang, key);
  const parts = DIMENSIONS.filter((d) => filters[d].length).map((d) =>
    `${t(HEADINGS[d])}${t('colon')}${filters[d].map((v) => filterValueLabel(d, v, lang)).join(t('listSeparator'))}`);
  return parts.length ? parts.join(t('clauseSeparator')) : t('filter.none');
}

/**
 * Every value that narrows `filters`, as the analyst reads it, in the filter bar's order, a
 * drill-down's facet last: [永康市, 已完成, 红色预警（已逾期）]. Export file names are tagged with it.
 */
export function scopeValues(filters: Partial<Filters>, lang: Lang): string[] {
  const values = DIMENSIONS.flatMap((d) => (filters[d] ?? []).map((v) => filterValueLabel(d, v, lang)));
  return [...values, ...(filters.facet ? [translate(lang, `drill.facet.${filters.facet}`)] : [])];
}

/** The values a drill-down selects, in the filter bar's order: 永康市 · 已完成. */
export function drillValues(filters: Partial<Filters>, lang: Lang): string {
  return scopeValues(filters, lang).join(' · ');
}

// Every chart a drill-down can start from, by id: a drill restored from a link names only its chart.
const CHART_TITLES = new Map([...DASHBOARD_CHARTS, ...ANALYSIS_CHARTS, ...REPEAT_CHARTS].map((spec) => [spec.id, spec.titleKey]));

/** A drill-down's chip text: the clicked chart's title and the values it selects, in `lang`. */
export function drillLabel(chart: string, filters: Partial<Filters>, lang: Lang): string {
  const titleKey = CHART_TITLES.get(chart);
  const values = drillValues(filters, lang);
  // A link may name a chart this build no longer has: the values still say what the table shows.
  return titleKey ? `${translate(lang, titleKey)} · ${values}` : values;
}
