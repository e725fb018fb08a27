import { unitNameKeySql } from '../queries/measures';

/**
 * When two findings are one problem, for every check that keeps a problem from being counted twice:
 * a row repeated in a sheet (duplicate_finding), the same problem already loaded (duplicate_existing,
 * term-duplicates.ts), sheets of one file that hold each other's rows (sheet-overlaps.ts) and a file
 * that is a later version of a dataset (later-version.ts).
 *
 * One round, one county, one unit by its normalised name (UNIT_KEY: 义乌市佛堂镇党委 and 佛堂镇党委 are
 * one unit of 义乌市; 人民政府 of two counties are two) and the same title words (norm_title). Before,
 * the raw unit name was compared: a county's ledger and the city's 汇总 writing its units with the
 * county's name counted each problem twice, without a word.
 */

/** The unit of the row aliased `t`, as findings are matched by. */
export const unitMatchSql = (t: string) => unitNameKeySql(t);

/**
 * TRUE when the finding aliased `x` is the one aliased `y`. `loose`: aliases whose county may be only
 * the default of a 金华市委 round (their `county_by_round` column): such a row matches any county.
 */
export function sameFindingSql(x: string, y: string, loose: string[] = [], o: { keyed?: boolean } = {}): string {
  const county = [`${y}.county IS NOT DISTINCT FROM ${x}.county`, ...loose.map((t) => `${t}.county_by_round`)].join(' OR ');
  // keyed: both hold the unit's key already, as matchColumnsSql selects it.
  const unit = (t: string) => (o.keyed ? `${t}.unit_key` : unitMatchSql(t));
  return `${y}.round_key IS NOT DISTINCT FROM ${x}.round_key AND ${unit(y)} IS NOT DISTINCT FROM ${unit(x)}
    AND ${y}.norm_title IS NOT DISTINCT FROM ${x}.norm_title AND (${county})`;
}

/** TRUE when the finding aliased `t` has all it is matched by (a row without them matches nothing for sure). */
export const matchableSql = (t: string) => `${t}.round_key IS NOT NULL AND ${unitMatchSql(t)} IS NOT NULL AND ${t}.norm_title IS NOT NULL`;

/** The columns matched by, for a SELECT over a table aliased `t`: round_key, county, unit_key, norm_title. */
export const matchColumnsSql = (t: string) => `${t}.round_key, ${t}.county, ${unitMatchSql(t)} AS unit_key, ${t}.norm_title`;
