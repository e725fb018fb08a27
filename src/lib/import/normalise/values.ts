import { BOOL_FALSE_PATTERN, BOOL_TRUE_PATTERN, BOOL_UNKNOWN_PATTERN } from '../../domain/vocabulary/status';
import { num, str } from '../../queries/sql';
import { hanDigitsSql } from './dates';
import { bindSql, compactSql, groups } from './text';

/**
 * Booleans, counts and amounts. Counts may carry a unit (3人, 2项); negatives are rejected to
 * NULL (the validator warns); amounts in 元 are converted to 万元. Inputs are compact forms
 * (see compactSql).
 */

/** 是/否/√/✓/Y/N/1/0 (and 已…/未… such as 已销号) → BOOLEAN; not known (nan, 未知, 不确定) and anything else NULL. */
export function boolSql(x: string): string {
  return `CASE WHEN ${x} IS NULL THEN NULL
    WHEN regexp_matches(${x}, ${str(BOOL_UNKNOWN_PATTERN)}) THEN NULL
    WHEN regexp_matches(${x}, ${str(BOOL_FALSE_PATTERN)}) THEN false
    WHEN regexp_matches(${x}, ${str(BOOL_TRUE_PATTERN)}) THEN true ELSE NULL END`;
}

// A cell that says there is none: 无, 暂无, 没有, 否, 不涉及, dashes and slashes, none, n/a (lower case).
const NONE = '无|暂无|尚无|没有|否|不涉及|未涉及|[-－—–/／\\\\]+|none|n/?a|null|nan';
/** `core` as typed alone, in brackets (spaces inside too: （ 无 ）) or with a full stop: （无）, 无。, 【不涉及】 (helper-135, helper-138). */
const bracketed = (core: string) => `[(（【〔［\\[]?\\s*(${core})\\s*[)）】〕］\\]]?[。.．]?`;
const INT = '^(-?\\d+)(\\.0+)?(人|项|件|个|条|次|名|家|人次)?$';
const DEC = '^(-?\\d+(\\.\\d+)?)(亿元|亿|万元|万|元)?$';

// A count in Chinese numerals, with its unit: 三项, 两人, 十, 十二人, 四十五 (0 to 99); not 两三项 or 二〇二四.
const HAN_COUNT = '^(?:([一二两三四五六七八九]?)(十))?([〇零一二两三四五六七八九]?)(人|项|件|个|条|次|名|家|人次)?$';
const hanDigit = (d: string) => `CAST(translate(${d}, '〇零一二两三四五六七八九', '001223456789') AS INTEGER)`;

/** The count a cell writes in Chinese numerals (HAN_COUNT), NULL for anything else. */
function hanCountSql(x: string): string {
  // The groups are extracted once, and only for a cell that is such a count (bindSql).
  const g = 'st_hc';
  const value = `CASE WHEN ${g}.ten <> '' OR ${g}.ones <> ''
    THEN CASE WHEN ${g}.ten <> '' THEN 10 * coalesce(${hanDigit(`nullif(${g}.tens, '')`)}, 1) ELSE 0 END + coalesce(${hanDigit(`nullif(${g}.ones, '')`)}, 0) END`;
  return `CASE WHEN regexp_full_match(${x}, ${str(HAN_COUNT)}) THEN ${bindSql(groups(x, HAN_COUNT, ['tens', 'ten', 'ones', 'unit']), g, value)} END`;
}

/**
 * The signed number a count cell holds (unit suffix allowed; Chinese numerals read only where
 * digits gave none: 三项, 十二人, 两项, hanCountSql), NULL if none.
 */
function signedIntSql(x: string): string {
  const read = `TRY_CAST(regexp_extract(replace(${x}, ',', ''), ${str(INT)}, 1) AS INTEGER)`;
  return `coalesce(${read}, ${hanCountSql(x)})`;
}

// A date cell that says there is no date yet: none (NONE), or one still to come (待定, 未填写, 待补充). The cell is read as
// written, so in any case (N/A, NULL, None).
const NO_DATE = `(?i)${bracketed(`${NONE}|待定|未定|待补充|待填写?|未填写?|空白?|暂未(确定|填写)?`)}`;

/** TRUE when a date cell is empty or says there is no date (/, —, 暂无, 待定): no date was given. */
export function noDateSql(x: string): string {
  return `(${x} IS NULL OR coalesce(regexp_full_match(${x}, ${str(NO_DATE)}), false))`;
}

/**
 * TRUE when a cell says there is none (无, /, —, 不涉及): a count or amount with no number and nothing unread to warn of,
 * a problem title that names no problem.
 */
export function noneSql(x: string): string {
  return `coalesce(regexp_full_match(${x}, ${str(NONE_CELL)}), false)`;
}
const NONE_CELL = bracketed(NONE);

/**
 * A count ≥ 0 as INTEGER; negatives, non-numbers and a cell saying none give NULL (a 问责人数 of /
 * beside its 党纪处分 and 诫勉 must leave the total to their sum, DOMAIN #17).
 */
export function intSql(x: string): string {
  // Negatives raised to -1 and then made NULL: the number is written once (it is long to plan).
  return `NULLIF(greatest(${signedIntSql(x)}, -1), -1)`;
}

/** TRUE when a count or amount cell is negative. */
export function negativeSql(x: string): string {
  return `coalesce(regexp_matches(${x}, '^-\\s*\\d'), false)`;
}

/** TRUE when a non-empty count cell is not a whole number ≥ 0, not negative and not none (e.g. "若干"). */
export function intUnparsedSql(x: string): string {
  return `(${x} IS NOT NULL AND ${signedIntSql(x)} IS NULL AND NOT ${noneSql(x)})`;
}

function signedDecimalSql(x: string): string {
  const y = `replace(${x}, ',', '')`;
  return `TRY_CAST(regexp_extract(${y}, ${str(DEC)}, 1) AS DOUBLE)`;
}

/**
 * An amount ≥ 0 as DOUBLE in 万元: a cell that says 元 is ÷ 10,000, one that says 万 or 万元 is
 * taken as it is, and a bare number is × `scale`, the unit its column's header names
 * (headers.ts headerAmountScale: 1 for 万元 or none, 1/10,000 for （元）).
 */
export function fundsWanSql(x: string, scale = 1): string {
  const v = signedDecimalSql(x);
  // Divided, not multiplied by 0.0001, so 50000 元 is exactly 5 万元.
  const scaled = scale >= 1 ? `${v} * ${num(scale)}` : `${v} / ${num(Math.round(1 / scale))}`;
  const bare = scale === 1 ? v : `CASE WHEN regexp_matches(${x}, '万元?$') THEN ${v} ELSE ${scaled} END`;
  return `CASE WHEN ${v} < 0 THEN NULL
    WHEN regexp_matches(${x}, '亿元?$') THEN ${v} * 10000
    WHEN regexp_matches(${x}, '[^万亿]元$') THEN ${v} / 10000 ELSE ${bare} END`;
}

/** TRUE when a non-empty amount cell is not a number and does not say none. */
export function decimalUnparsedSql(x: string): string {
  return `(${x} IS NOT NULL AND ${signedDecimalSql(x)} IS NULL AND NOT ${noneSql(x)})`;
}

// A 佐证材料 cell that says there is none: those, 未提供, an empty JSON list.
const NO_EVIDENCE = bracketed(`${NONE}|未提供|待(补充|提供|上传|补)|暂缺|无佐证(材料)?|\\[\\s*\\]`);
// A 上轮问题编号 that says there is no earlier finding: those, 空, 无编号, 首次发现, 新问题, 本轮新增, a link to none
// (无关联, 非重复问题, 不是, 无上轮问题, 上轮无, 上一轮无此问题, 上轮未发现, 无此问题, 无此类问题, 无重复问题), a 0 (a formula pointing at a blank cell saves 0; no 序号 is 0) or an Excel
// error written out as text (#N/A), also with a note in brackets after them (无（新发现问题）); matched on the compact
// form (Ｎ／Ａ is n/a).
const EXCEL_ERROR = '#(?:n/a|ref!|value!|div/0!|name\\?|null!|num!|getting_data)';
const NO_LINK = '(?:无|未|没有)(?:关联|对应)(?:的?(?:问题|编号))?|不是|(?:非|不是|不属于)(?:重复|上[轮次])(?:问题)?|无上[轮次](?:问题|编号)?'
  + '|上一?[轮次](?:无|没有|未发现)(?:此|该|相关|对应|类似)?(?:问题|编号)?|无(?:此类|此|该|相关|类似|同类|重复)(?:问题|项问题|项|情况)';
// Quoted (＂无此问题＂), with a note in brackets or after a comma (无此问题，本轮新发现, 无，2024年新发现, 新发现,第2轮)
// that names no finding by a code: letters or a hyphen (无,YK-2023-01 and 无,2023-01 are kept: helper-126, -127).
const NO_PRIOR_ID = `["“'(（【〔［\\[]?(${NONE}|空白?|无编号|首次(发现|巡[视察])?|首轮(发现)?|(本轮)?新(增|发现)(的?问题)?|新(发现的?)?问题|${NO_LINK}|0+(\\.0+)?|${EXCEL_ERROR})["”')）】〕］\\]]?(\\(.*\\)|,[^a-z\\-]*)?[。.．]?`;

/**
 * The cleaned text, NULL where it only says there is no earlier finding (上轮问题编号 无, —, /, nan).
 * Empty and long cells skip the pattern (the inner CASE runs on the short ones only).
 */
export function noneAsNullSql(clean: string): string {
  return `CASE WHEN strlen(${clean}) <= 60 THEN CASE WHEN regexp_full_match(${compactSql(clean)}, ${str(NO_PRIOR_ID)}) THEN NULL ELSE ${clean} END
    ELSE ${clean} END`;
}

/**
 * 佐证数量 from a 佐证材料 cell (DOMAIN.md #12 counts a completed finding as evidenced when it is
 * at least 1): the items between separators (; ；、，, and line breaks), leaving out items without a letter or
 * digit (blank, （）, 【 】, a bracket alone: helper-141) and ones that say there is none. NULL for an empty cell.
 */
export function evidenceCountSql(x: string): string {
  return `CASE WHEN ${x} IS NOT NULL THEN len(list_filter(regexp_split_to_array(${x}, '[;；、,，\\n]'),
    e -> regexp_matches(e, '[\\p{L}\\p{N}]') AND NOT regexp_full_match(lower(trim(e)), ${str(NO_EVIDENCE)}))) END`;
}

/**
 * The year a 年度 cell names (2019, 2019年度, 二〇一九年: 1900 to 2099), else NULL. Chinese numerals
 * are read only where the digits gave none (coalesce evaluates its second part for those rows only).
 */
export function yearSql(x: string): string {
  const year = (t: string) => `TRY_CAST(regexp_extract(${t}, '((19|20)\\d{2})', 1) AS INTEGER)`;
  return `coalesce(${year(x)}, ${year(hanDigitsSql(x))})`;
}

/** The year a raw 年度 cell names, as the row's year reads it (yearSql of its compact form); for the round lookup. */
export function yearCellSql(cell: string): string {
  return yearSql(compactSql(cell));
}
