import type { Filters } from '../queries/filters';
import type { Lang } from '../i18n/translate';
import { translate } from '../i18n/translate';
import { categoryName } from '../domain/taxonomy';
import { countyLabel } from '../domain/counties';
import { database } from './database.svelte';

/** One line naming the active filters, for export subtitles and briefings. */
export function filterSummary(filters: Filters, lang: Lang): string {
  const t = (key: string) => translate(lang, key);
  const parts: string[] = [];
  const roundLabel = (k: string) => database.rounds.find((r) => r.round_key === k)?.round_label ?? k;
  if (filters.rounds.length) parts.push(`${t('filter.rounds')}：${filters.rounds.map(roundLabel).join('、')}`);
  if (filters.counties.length) parts.push(`${t('filter.counties')}：${filters.counties.map((c) => countyLabel(c, lang)).join('、')}`);
  if (filters.categories.length) parts.push(`${t('filter.categories')}：${filters.categories.map((c) => categoryName(c, lang)).join('、')}`);
  if (filters.l2.length) parts.push(`${t('filter.categories')}：${filters.l2.map((c) => `${c} ${categoryName(c, lang)}`).join('、')}`);
  if (filters.statuses.length) parts.push(`${t('filter.statuses')}：${filters.statuses.map((s) => t(`status.${s}`)).join('、')}`);
  if (filters.units.length) parts.push(`${t('filter.units')}：${filters.units.join('、')}`);
  return parts.length ? parts.join('；') : t('filter.none');
}
