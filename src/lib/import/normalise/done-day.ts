import { str } from '../../queries/sql';
import { bindSql } from './text';
import { bareLimitSql, CLAUSE, CLAUSE_MARK, doneClauseSql, DONE_WHOLE, impliedDoneSql } from './date-parts';

/** A year, month and day in a text. */
export const A_DAY = String.raw`(19|20)[0-9]{2}\s*[年./-]\s*[0-9]{1,2}\s*[月./-]\s*[0-9]{1,2}`;

// A clause saying the work was done on a day (doneClauseSql: 2024年6月底前；已于2024年7月10日完成) is the day it was done, unless only a
// stage of it.
const STAGE_DONE = '阶段|部分|初步|[0-9]%';
const CLOSING = '销号|验收|办结';

/**
 * The last clause of a text of several saying the day the whole work was done ('bare'; every such clause, as a list, for 'any'), else
 * NULL: said so with 已 or 实际 (doneClauseSql, a day, DONE_WHOLE, not a stage: STAGE_DONE), or without them (IMPLIED_DONE). `implied`
 * says where the latter counts:
 * - 'bare': only beside a bare limit, on a day not a month's last (bareLimitSql: 2024年6月底前，2024年7月10日完成整改), for the date
 *   map's dr, which the row must hold done (findings.ts);
 * - 'any': on any day, for dw, which a status text that reads completed gives (status-date.ts: 已完成，2024年6月20日完成整改，
 *   2024年7月10日通过验收; helper-158).
 */
export function doneDaySql(x: string, implied: 'bare' | 'any'): string {
  const withWords = `${doneClauseSql('k')} AND regexp_matches(k, ${str(DONE_WHOLE)}) AND NOT regexp_matches(k, ${str(STAGE_DONE)})`;
  const whole = implied === 'bare' ? `(${withWords} OR ${impliedDoneSql('k')} AND st_bl)` : `(${withWords} OR ${impliedDoneSql('k', true)})`;
  const done = `regexp_matches(k, ${str(A_DAY)}) AND ${whole}`;
  // For dw, every such clause: its caller reads the latest day (parts done one after another, 2024年7月10日完成整改；2024年5月20日完成整改:
  // helper-159 A18, A53). A clause closing the item (…整改完成并销号, …办结, 整改完毕并通过验收) beside another done clause is its closure,
  // not its completion (helper-159 A28, A41, A47, A54, A55): only the clauses without such a tail, where there are any.
  const found = implied === 'bare' ? `list_filter(st_dk, lambda k: ${done})[-1]`
    : `coalesce(NULLIF(list_filter(st_dk, lambda k: ${done} AND NOT regexp_matches(k, ${str(CLOSING)})), []), list_filter(st_dk, lambda k: ${done}))`;
  return `CASE WHEN regexp_matches(${x}, ${str(A_DAY)}) AND regexp_matches(${x}, ${str(CLAUSE_MARK)}) THEN ${bindSql(`regexp_extract_all(${x}, ${str(CLAUSE)})`, 'st_dk',
    implied === 'bare' ? bindSql(bareLimitSql('st_dk'), 'st_bl', found) : found)} END`;
}
