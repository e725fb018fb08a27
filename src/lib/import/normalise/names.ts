import { UNIT_PREFIX_NOISE, UNIT_SUFFIX_NOISE } from '../../domain/vocabulary/rows';
import { COUNTY_PREFIXES, countyAliases } from '../../domain/vocabulary/places';
import { str } from '../../queries/sql';
import { bindSql } from './text';

/**
 * Comparison forms for repeat matching (DOMAIN.md §7.5): unit names without Party-organisation
 * noise, and problem titles without punctuation, digits, years or unit names.
 * Inputs are compact forms (see compactSql).
 */
const PUNCT = '[\\p{P}\\p{S}\\p{Z}\\s]+';

// A county's name (or the province and city before it) at the start of a unit's name: 义乌市佛堂镇 and
// 佛堂镇 are one unit of 义乌市. Longest first, so 义乌市 goes before 义乌.
// One county name only: 东阳市东阳江镇 is 东阳江镇, not 江镇.
const longestFirst = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join('|');
// The province and city alone too: 金华市教育局 is the city's 教育局, as 市教育局 is (a bare 市 below).
const PLACE = `(?:(?:${longestFirst(COUNTY_PREFIXES)})?(?:${longestFirst(countyAliases().map((a) => a.alias).filter((a) => a.length >= 2))})|(?:${longestFirst(COUNTY_PREFIXES)}))`;
const PLACE_PREFIX = `^${PLACE}`;
// The same with the county's full name only (东阳市), and with its short name (东阳): the short name is
// left out only where three characters remain, so 东阳江镇党委 is 东阳江镇 (a town of 东阳市), as
// 东阳市东阳江镇党委 is, not 江镇; 义乌佛堂镇党委 is still 佛堂镇.
const FULL_PLACE_PREFIX = `^(?:(?:${longestFirst(COUNTY_PREFIXES)})?(?:${longestFirst(countyAliases().filter((a) => a.alias === a.name).map((a) => a.alias))})|(?:${longestFirst(COUNTY_PREFIXES)}))`;
const SHORT_PLACE_PREFIX = `^(?:${longestFirst(COUNTY_PREFIXES)})?(?:${longestFirst(countyAliases().filter((a) => a.alias !== a.name && a.alias.length >= 2).map((a) => a.alias))})`;
// A bare 市 before a unit is the city's (市教育局 = 金华市教育局, 市民政局, 市政协, 市政府办公室), not the 市
// of a word (市场监管局, 市容环境卫生, 市政工程, 市民卡): the city's own is written 市市场监管局, 金华市市政工程管理处.
// So is a bare 县 or 区 the county's in its own ledger (县教育局 = 浦江县教育局, 区委组织部 = 婺城区委组织部), not
// the 县 or 区 of a word (县域, 县级, 区域, 区块).
const BARE_PLACE = '^(市([^场容政民]|政[协府法]|民[政宗])|[县区][^域级块])';
const CITY_PREFIX = `^(${longestFirst(COUNTY_PREFIXES.filter((p) => p.endsWith('市')))})`;

/**
 * 中共永康市委员会 / 永康市委 / 永康市委 党委 → 永康市; 义乌市佛堂镇党委 / 佛堂镇党委 → 佛堂镇; 金华市教育局 /
 * 市教育局党委 → 教育局. A place's name is left out only when at least two characters remain: 永康市委 is
 * the county committee, not 委.
 * Units are keyed by county too (UNIT_KEY in queries/measures.ts), so 人民政府 of two counties stay two.
 */
export function unitNameNormSql(unit: string): string {
  let x = `regexp_replace(${unit}, ${str(PUNCT)}, '', 'g')`;
  x = `regexp_replace(${x}, ${str(UNIT_PREFIX_NOISE)}, '')`;
  // Twice: 永康市委党委 has two layers of suffix.
  x = `regexp_replace(${x}, ${str(UNIT_SUFFIX_NOISE)}, '')`;
  x = `regexp_replace(${x}, ${str(UNIT_SUFFIX_NOISE)}, '')`;
  // Each step is bound once as a lambda's parameter (bindSql) and read by name: written out, the
  // name would be repeated some fifty times, which the engine takes long to plan. Distinct names only.
  const [n, full, short, placed, rest] = ['st_un', 'st_uf', 'st_us', 'st_up', 'st_ur'];
  // One character left after the city's name (金华市纪委 → 纪): 市纪, as 市纪委 gives.
  const named = `NULLIF(CASE WHEN length(${rest}) >= 2 THEN ${rest} WHEN length(${rest}) = 1 AND regexp_matches(${n}, ${str(CITY_PREFIX)}) THEN '市' || ${rest} ELSE ${n} END, '')`;
  const restOf = bindSql(`CASE WHEN regexp_matches(${placed}, ${str(BARE_PLACE)}) THEN substr(${placed}, 2) ELSE ${placed} END`, rest, named);
  const placedOf = bindSql(`CASE WHEN ${full} <> ${n} THEN ${full} WHEN length(${short}) >= 3 THEN ${short} ELSE ${n} END`, placed, restOf);
  return bindSql(x, n, bindSql(`regexp_replace(${n}, ${str(FULL_PLACE_PREFIX)}, '')`, full,
    bindSql(`regexp_replace(${n}, ${str(SHORT_PLACE_PREFIX)}, '')`, short, placedOf)));
}

/**
 * The unit's name without the place before it (义乌市佛堂镇党委 → 佛堂镇党委), as a problem's text names
 * it; NULL when under three characters are left (永康市委 → 委 is no name). Input: a compact form.
 */
export function unitLocalNameSql(unit: string): string {
  const local = `regexp_replace(regexp_replace(${unit}, ${str(UNIT_PREFIX_NOISE)}, ''), ${str(PLACE_PREFIX)}, '')`;
  return bindSql(local, 'st_ul', 'CASE WHEN length(st_ul) >= 3 THEN st_ul END');
}

// A unit's normalised name in a title (marked \x02 first), with the place, 市 and Party words written
// around it: 义乌市佛堂镇党委, 佛堂镇党委, 市教育局党组. Not the 党组 of 党组织 (教育局党组织建设薄弱): the
// character after 党组 is kept (\1), as RE2 has no look-ahead. One constant pattern, compiled once.
const UNIT_IN_TITLE = `(?:中国共产党|中共)?${PLACE}?市?\\x02(?:党工委|党委|党组([^织]|$)|委员会|党总支|总支部|党支部|支部)?`;

// A leading item number, however a ledger writes it: (1) （1） 【1】 [1] 1.1) | 1、 1， 1: 1） 1- | 1.2023年 (the year
// kept: \\1) | 1.违规, 1. 村级, 1.1 项目 (a dot: whatever word follows) | 1 违规, 1违规, 1 套取 (a space or nothing:
// any word but an amount's unit; 元旦 and 百姓 are words) | 1 30万元, 1. 5万元 (the amount kept: \\2). Not 3万元, 3 万元,
// 1.5万元, 3,000元 (an amount), 2023年 or 12345热线 (over three digits). A count at a title's start (12名干部,
// 12 名干部, 5年未审计) is read as one too: whether 1 村级… or 3 个村级… is item or count cannot be told (helper-124,
// -126, -127), so a title's leading number never tells two problems apart, however each copy of a ledger numbers
// it. Spaces are any Unicode space.
const SP = '[\\s\\p{Z}]*';
const GAP = '[\\s\\p{Z}]+';
const N = '[0-9]{1,3}';
// What makes a number an amount (3万元, 3 千元, 1.5亿, 5%): kept wherever it stands.
const AMOUNT_UNITS = '万亿千百元角%％';
const ITEM_NUMBER = `^${SP}(?:[（(【\\[]${SP}${N}(?:[.．\\-][0-9]+)*${SP}[)）】\\]]`
  + `|${N}(?:[.．\\-][0-9]+)*${SP}[、，:：)）】\\]\\-—]`
  + `|${N}[.．]${SP}((?:19|20)[0-9]{2})年`
  + `|${N}(?:[.．][0-9]+)*${SP}[.．]${SP}[^0-9.．,\\s\\p{Z}]`
  + `|${N}(?:[.．][0-9]+)*${SP}(?:[^0-9.．,\\s\\p{Z}${AMOUNT_UNITS}]|元旦|百姓|千方百计)`
  + `|${N}(?:[.．][0-9]+)*(?:${SP}[.．])?${GAP}([0-9]))`;

/**
 * The numbers of a problem title (DOMAIN.md §7.5's title words leave them out): its digit runs in order,
 * one space apart (1.5万元 is not 15万元), without a leading item number; NULL when it holds none. Within one
 * round, titles with the same words and other numbers are two problems (违规发放津补贴3万元, 5万元; a generated
 * 问题1, 问题2); same-finding.ts. Input: the title as stored (findings.problem_title), whose spaces are still
 * there (1 2023年…: an item number, then a year).
 */
export function titleNumbersSql(title: string): string {
  // translate() builds its map for every value (1.7 s a million titles): only where a full-width digit is.
  const digits = `CASE WHEN regexp_matches(${title}, '[０-９]') THEN translate(${title}, '０１２３４５６７８９', '0123456789') ELSE ${title} END`;
  // Twice: an item number, then a count after it (3. 3名干部… reads as 3名干部…, whose 3 is no title number either).
  const once = (x: string) => `regexp_replace(${x}, ${str(ITEM_NUMBER)}, '\\1\\2')`;
  const unnumbered = once(once(digits));
  // Most titles hold no digit: one scan for one, and the rest only where there is (the runs extracted, not the rest
  // replaced: 0.6 against 1.0 s a million titles, a quarter with digits).
  return `CASE WHEN regexp_matches(${title}, '[0-9０-９]') THEN NULLIF(array_to_string(regexp_extract_all(${unnumbered}, '[0-9]+'), ' '), '') END`;
}

/**
 * The problem title reduced to its words: no punctuation, digits, years, or the unit's name in any
 * of its forms: normalised with the place and Party words around it (UNIT_IN_TITLE), whole, or
 * without its place (unitLocalNameSql). 佛堂镇党委班子… gives the same words under 义乌市佛堂镇党委,
 * 中共义乌市佛堂镇委员会 and 佛堂镇党委, and 市教育局党组… under 金华市教育局 and 市教育局. `unitNorm` and
 * `unitLocal` are given when the caller already has them (the unit value map does).
 */
export function normTitleSql(title: string, unit: string, unitNorm = unitNameNormSql(unit), unitLocal = unitLocalNameSql(unit)): string {
  // The pattern runs only on titles that hold the name.
  let x = `CASE WHEN length(${unitNorm}) >= 2 AND contains(${title}, ${unitNorm}) THEN regexp_replace(replace(${title}, ${unitNorm}, chr(2)), ${str(UNIT_IN_TITLE)}, '\\1', 'g') ELSE ${title} END`;
  x = `replace(${x}, coalesce(${unit}, chr(1)), '')`;
  x = `replace(${x}, coalesce(${unitLocal}, chr(1)), '')`;
  x = `replace(${x}, coalesce(${unitNorm}, chr(1)), '')`;
  // Years (2019年, 2019年度), other digits, punctuation and spaces go in one pass: the three
  // classes are disjoint and each match only deletes, so this equals removing them in turn.
  x = `regexp_replace(${x}, ${str(`[0-9]+(?:年度?)?|${PUNCT}`)}, '', 'g')`;
  return `NULLIF(${x}, '')`;
}
