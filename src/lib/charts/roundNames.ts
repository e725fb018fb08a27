import { countyLabel } from '../domain/counties';
import { isPeriodTerm, parseRoundKey } from '../domain/roundKey';
import { parseChineseNumber } from '../domain/vocabulary/numerals';
import type { Lang } from '../i18n/translate';
import { translate } from '../i18n/translate';

/** The message key naming each inspector level (DOMAIN.md §6.1), as legends, details and exports name it. */
export const LEVEL_NAME_KEYS: Record<string, string> = {
  中央: 'level.central', 省委: 'level.province', 市委: 'level.city', '县(市、区)委': 'level.county', '党委(党组)内部': 'level.internal',
};

/** What a round's name is made from: its key and the label its files wrote (Chinese). */
export interface NamedRound {
  round_key: string;
  round_label: string | null;
}

// "十四届省委第四轮巡视" → "省委第四轮巡视": the term number says little on a chart; the year says when.
const TERM_PREFIX = /^(第?[一二三四五六七八九十百零〇\d]+届)/;

const ORDINAL = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** Who inspected, in English: the committee of the key (a county committee by its county's name). */
function englishBody(committee: string, level: string, short: boolean): string {
  const county = countyLabel(committee, 'en');
  switch (level) {
    case '中央': return translate('en', LEVEL_NAME_KEYS[level]);
    case '省委': return translate('en', short ? 'round.body.province' : LEVEL_NAME_KEYS[level]);
    case '市委': return translate('en', short ? 'round.body.city' : LEVEL_NAME_KEYS[level]);
    case '党委(党组)内部': return translate('en', 'round.body.internal', { county });
    default: return short ? county : translate('en', 'round.body.committee', { county });
  }
}

/**
 * A round's name in the UI language. Chinese: the label as the ledger wrote it. English: made from
 * the key ("Provincial round 4, 14th term"), since the label is Chinese text; a round whose key
 * is not the importer's (none here, but old data may hold one) keeps its label.
 */
export function roundName(round: NamedRound, lang: Lang, short = false): string {
  const label = round.round_label ?? round.round_key;
  const p = lang === 'en' ? parseRoundKey(round.round_key) : null;
  if (!p) return short ? label.replace(TERM_PREFIX, '') || label : label;
  const body = englishBody(p.committee, p.level, short);
  if (short) return translate('en', 'round.short', { body, no: p.roundNo });
  if (isPeriodTerm(p.term)) return translate('en', 'round.long.year', { body, no: p.roundNo, year: Number.parseInt(p.term, 10) });
  const term = parseChineseNumber(p.term.replace(/^第/, '').replace(/届$/, ''));
  return term
    ? translate('en', 'round.long.term', { body, no: p.roundNo, term: ORDINAL(term) })
    : translate('en', 'round.long', { body, no: p.roundNo });
}

/** Short round name for axes and legends: "2018 省委第四轮巡视", "2018 Prov. R4" (year first, term dropped). */
export function roundShortName(round: NamedRound & { round_year: number | null }, lang: Lang): string {
  const core = roundName(round, lang, true);
  return round.round_year && !core.includes(String(round.round_year)) ? `${round.round_year} ${core}` : core;
}
