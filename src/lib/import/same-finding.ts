import { unitNameKeySql } from '../queries/measures';

/**
 * When two findings are one problem, for every check that keeps a problem from being counted twice:
 * a row repeated in a sheet (duplicate_finding), the same problem already loaded (duplicate_existing,
 * term-duplicates.ts), sheets of one file that hold each other's rows (sheet-overlaps.ts) and a file
 * that is a later version of a dataset (later-version.ts).
 *
 * One round, the same title words (norm_title) and one unit: one county and one normalised name
 * (UNIT_KEY: 义乌市佛堂镇党委 and 佛堂镇党委 are one unit of 义乌市; 人民政府 of two counties are two).
 * Where a side's county may be only a 金华市委 round's default, the county cannot tell units apart:
 * the unit's name as written must then be the same (人民医院 and 人民医院, not 教育局 and 义乌市教育局).
 * Before, only the raw unit name was compared: a county's ledger and the city's 汇总 writing its
 * units with the county's name counted each problem twice, without a word.
 * The title words leave digits out (DOMAIN.md §7.5: a problem found again in a later round), but in
 * one round 违规发放津补贴3万元 and 违规发放津补贴5万元, or 问题1 and 问题2, are two problems: the titles
 * must also hold the same numbers (title_numbers: names.ts, which leaves a leading item number out).
 */

/** Sides whose county may be only a round's default. */
export interface VagueCounty {
  /** Aliases with a `county_by_round` column (rows being imported). */
  loose?: string[];
  /** Aliases of stored findings, which keep no such flag: their 市本级 may be a default. */
  city?: string[];
}

/** TRUE when the rows aliased `x` and `y` are one unit (see above). `keyed`: both hold `unit_key` (matchColumnsSql). */
export function sameUnitSql(x: string, y: string, vague: VagueCounty = {}, o: { keyed?: boolean } = {}): string {
  const unit = (t: string) => (o.keyed ? `${t}.unit_key` : unitNameKeySql(t));
  const byKey = `${y}.county IS NOT DISTINCT FROM ${x}.county AND ${unit(y)} IS NOT DISTINCT FROM ${unit(x)}`;
  const unsure = [...(vague.loose ?? []).map((t) => `${t}.county_by_round`), ...(vague.city ?? []).map((t) => `${t}.county = '市本级'`)];
  return unsure.length ? `(${byKey} OR (${y}.unit_name IS NOT DISTINCT FROM ${x}.unit_name AND (${unsure.join(' OR ')})))` : `(${byKey})`;
}

/** TRUE when the titles of the findings aliased `x` and `y` hold the same numbers (title_numbers, see above). */
export const sameNumbersSql = (x: string, y: string) => `${y}.title_numbers IS NOT DISTINCT FROM ${x}.title_numbers`;

/**
 * FALSE when the findings aliased `x` and `y` are surely of two times: fed back more than half a year apart, or, where
 * neither has a feedback date, of two years (年度). Not where one side has one: its year is the feedback's, the other's
 * the round's or the station's, and an autumn round is fed back the next January (helper-131). A committee that numbers its rounds within each year and writes no
 * 届次 has a 第一轮 every year, which the round key cannot tell apart (helper-130: a workbook's 2023年 sheet was left out
 * as held whole by its 2024年 sheet, the same problem found again). Both `feedback_date` and `year` are columns of each.
 */
export const sameTimeSql = (x: string, y: string) => `NOT coalesce(abs(date_diff('day', ${x}.feedback_date, ${y}.feedback_date)) > 183,
  CASE WHEN ${x}.feedback_date IS NULL AND ${y}.feedback_date IS NULL THEN ${x}.year <> ${y}.year END, false)`;

const keyPart = (t: string, i: number) => `split_part(${t}.round_key, '|', ${i})`;

/**
 * A finding's year for telling rounds of two times apart: its feedback's, else its own (a 年度 column, the title);
 * of the row aliased `t`, or of the table queried where none is given. round-merge.ts and term-duplicates.ts use it too.
 */
export const rowYearSql = (t?: string) => (t ? `coalesce(year(${t}.feedback_date), ${t}.year)` : 'coalesce(year(feedback_date), year)');

/**
 * TRUE when the rows aliased `x` and `y` are of one round, or of the same round written with and without its term
 * (十五届永康市委第三轮 and 永康市委第三轮: same committee, level and number, one key's term place empty) shown to be of
 * one time: both rows' years (the feedback's, else the 年度) known and at most a year apart, and not fed back over half a
 * year apart (sameTimeSql), as round-merge.ts asks rows' years to fit before it joins them at commit. A snapshot whose
 * title leaves the 届次 out was no later version of the one writing it, and every problem counted twice (helper-132);
 * a round of no known year is another term's as likely (helper-133: a 十四届 sheet of 2019 lost the problems found again
 * in a termless sheet fed back 2023). One termless key of two times is no one round either: a committee numbering its
 * rounds within the year without a 届次 has a 第一轮 every year (helper-136: 2024's rows were offered as an update of
 * 2023's); a key with its term is one round whatever its dates (helper-137: a snapshot whose feedback dates were
 * corrected by months is still a later version). A round numbered within its year and one written with its 届次 of
 * the same number are one when their rows fit one time (periodAndTermSql). Each side needs `feedback_date` and `year`.
 */
export const sameRoundSql = (x: string, y: string) => `${keyPart(x, 1)} = ${keyPart(y, 1)} AND ${keyPart(x, 2)} = ${keyPart(y, 2)}
  AND ${keyPart(x, 4)} = ${keyPart(y, 4)} AND (${x}.round_key = ${y}.round_key AND (${keyPart(x, 3)} <> '' OR ${sameTimeSql(x, y)})
    OR ((${keyPart(x, 3)} = '' OR ${keyPart(y, 3)} = '') AND coalesce(abs(${rowYearSql(x)} - ${rowYearSql(y)}) <= 1, false) AND ${sameTimeSql(x, y)})
    OR (${periodAndTermSql(x, y)} AND ${sameTimeSql(x, y)}))`;

// A key's term place holds a 届次 (十五届) or a year (2024年: a round numbered within it, round.ts period), as the
// importer writes them (formatRoundKey). The year is read only where the term place ends in 年 (a CASE below): a
// TRY_CAST failing on 十五届 or '' for every pair a join on title words finds was most of 68 s (helper-142).
const periodOfKeySql = (t: string) => `TRY_CAST(replace(${keyPart(t, 3)}, '年', '') AS INTEGER)`;

/** TRUE for a row (aliased `t`, else of the table queried) whose round key is numbered within its year (2024年|1). */
export const yearNumberedSql = (t?: string) => `ends_with(split_part(${t ? `${t}.` : ''}round_key, '|', 3), '年')`;

/**
 * TRUE when one of the rows aliased `x` and `y` is keyed by a round numbered within its year (永康市委2024年第一轮巡察)
 * and the other by the round of that number written with its 届次 (十五届永康市委第一轮巡察), and the rows fit one time:
 * both rows of that year (rowYearSql), or fed back in the first half of the next (a year's last round fed back the next
 * January). A 届次 row of the year before is an earlier round, or of the next year's autumn a later one, whose problems
 * found again must stay apart (helper-142: one fed back in 2023 was offered as a version of 2024's first round, and a
 * workbook's 十五届 sheet was left out as held by its 2024年 sheet). One office writes a round both ways (a title and a
 * file name, a June and a September snapshot); nothing else joins the two keys, and the same problems were counted
 * twice without a word (helper-140). Not enough alone: callers
 * also ask the rows to be one problem and, where both have one, fed back within half a year (sameTimeSql).
 * Each side needs `round_key`, `feedback_date` and `year`.
 */
export function periodAndTermSql(x: string, y: string): string {
  const is = (p: string, q: string) => `${yearNumberedSql(p)} AND ends_with(${keyPart(q, 3)}, '届')`;
  const inRound = (t: string, year: string) => `(${rowYearSql(t)} = ${year}
    OR year(${t}.feedback_date) = ${year} + 1 AND month(${t}.feedback_date) <= 6)`;
  const fits = (p: string, q: string) => `coalesce(${inRound(p, periodOfKeySql(p))} AND ${inRound(q, periodOfKeySql(p))}, false)`;
  return `CASE WHEN ${is(x, y)} THEN ${fits(x, y)} WHEN ${is(y, x)} THEN ${fits(y, x)} ELSE false END`;
}

/**
 * TRUE when the finding aliased `x` is the one aliased `y`. `acrossTerms`: the round as sameRoundSql compares it,
 * where the rows are not yet committed (round-merge.ts has not joined their round to its term).
 */
export function sameFindingSql(x: string, y: string, vague: VagueCounty = {}, o: { keyed?: boolean; acrossTerms?: boolean } = {}): string {
  // The round last: a join on title words meets every pair of units sharing a standard title (8M pairs for 20k rows
  // against 20k), and the unit rules out nearly all of them before the round's string work (helper-142: 68 s → 3 s).
  const round = o.acrossTerms ? sameRoundSql(x, y) : `${y}.round_key IS NOT DISTINCT FROM ${x}.round_key`;
  return `${y}.norm_title IS NOT DISTINCT FROM ${x}.norm_title AND ${sameNumbersSql(x, y)} AND ${sameUnitSql(x, y, vague, o)}
    AND ${round}`;
}

/** TRUE when the finding aliased `t` has all it is matched by (a row without them matches nothing for sure). */
export const matchableSql = (t: string) => `${t}.round_key IS NOT NULL AND ${unitNameKeySql(t)} IS NOT NULL AND ${t}.norm_title IS NOT NULL`;

/** The columns matched by, for a SELECT over a table aliased `t`: round_key, county, unit_key, unit_name, norm_title, title_numbers. */
export const matchColumnsSql = (t: string) => `${t}.round_key, ${t}.county, ${unitNameKeySql(t)} AS unit_key, ${t}.unit_name, ${t}.norm_title, ${t}.title_numbers`;

/** matchColumnsSql and the columns sameRoundSql reads (feedback_date, year). */
export const matchTimeColumnsSql = (t: string) => `${matchColumnsSql(t)}, ${t}.feedback_date, ${t}.year`;
