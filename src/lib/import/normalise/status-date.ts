import { date, str } from '../../queries/sql';
import { rawCol as r } from './raw';
import { A_DATE, hanDigitsSql } from './dates';
import { A_DAY } from './done-day';
import { noDateSql } from './values';

// A status cell that says when the item was done (已完成（2024.6.30）, 2024年6月30日已完成, 已于2024年6月完成, 已销号
// （2024.6.30））: one date, and no words of a plan or a time limit, which name a day still to come (已完成，整改时限2024年12月底,
// 下步将于2025年6月底前开展回头看). Two dates (2024年3月完成，2024年5月销号) do not say which is which.
/** Words of a plan or a time limit beside a date: the date is still to come. Also read in a 完成时间 cell (findings.ts). */
export const PLAN_WORDS = '时限|期限|计划|预计|截止|下一?步|将于|力争|拟于|要求.{0,8}前';

/**
 * 'day' or 'month' when a status text (its compact form, Chinese numerals as digits: hanDigitsSql) states one date,
 * a day or a month alone (已完成（2024年6月）), and no plan or time limit (see above); else NULL.
 */
export function statusDatedSql(c: string): string {
  return `CASE WHEN len(regexp_extract_all(${c}, ${str(A_DATE)})) = 1 AND NOT regexp_matches(${c}, ${str(PLAN_WORDS)})
    THEN CASE WHEN regexp_matches(${c}, ${str(A_DAY)}) THEN 'day' ELSE 'month' END END`;
}

/**
 * The day a status states its item was done (completed) or closed (销号), for a row whose own 完成时间 or 销号时间
 * cell is empty or says there is none (/, —, 无: noDateSql); NULL when the status states none (statusDatedSql), states a time limit (2024年6月底前, the date
 * map's `by`), a day before the feedback or after the as-of date. A month alone (已完成（2024年6月）) is its last day,
 * or the as-of date within that month, as a 完成时间 is (findings.ts completionDateSql). Reads the columns
 * normalisedTableSql joins: dd_status, db_status, dw_status (the status text's date map), status_dated, status_read,
 * closed_word, dd_feedback_date.
 */
export function statusDaySql(key: 'completion_date' | 'closure_date', asOf: string | undefined): string {
  if (key === 'closure_date') return statedDaySql(key, { day: 'dd_status', limit: 'db_status', dated: 'status_dated', said: 'coalesce(closed_word, false)' }, asOf);
  // A clause saying the whole work was done on a day (dw_status, the date map's dw: 已于2024年5月20日完成整改，2024年6月10日通过验收, also
  // without 已: 已完成，2024年6月20日完成整改，2024年7月10日通过验收) is that day beside other dates, a plan or a limit (helper-153 S2, helper-158).
  return statedDaySql(key, { day: 'coalesce(dw_status, dd_status)', limit: 'db_status AND dw_status IS NULL',
    dated: "coalesce(status_dated, CASE WHEN dw_status IS NOT NULL THEN 'day' END)", said: "status_read = 'completed'" }, asOf);
}

/**
 * The day a 是否销号 cell states its item was closed (2024年6月30日, 已销号（2024.6.30）), for a row whose 销号时间 cell is empty
 * or says there is none, on statusDaySql's terms: one date, no time limit or plan words, not before the feedback, not after
 * the as-of date. `compact`: the cell's compact form; `closed`: its reading as the closed flag (closedCellSql). Reads
 * dd_closed and db_closed (the cell's date map) and dd_feedback_date. helper-141: the date was read as "closed" and then
 * dropped, so the row counted as closed at every date (closedAt) with no closure date.
 */
export function closedCellDaySql(compact: string, closed: string, asOf: string | undefined): string {
  return statedDaySql('closure_date', { day: 'dd_closed', limit: 'db_closed', dated: statusDatedSql(hanDigitsSql(compact)),
    said: `coalesce(${closed}, false)` }, asOf);
}

/** A cell's stated day: `day` its date (a date map's d), `limit` its time-limit flag (by), `dated` 'day'/'month'/NULL. */
function statedDaySql(key: 'completion_date' | 'closure_date', c: { day: string; limit: string; dated: string; said: string },
  asOf: string | undefined): string {
  const day = asOf === undefined ? c.day
    : `CASE WHEN ${c.day} <= ${date(asOf)} THEN ${c.day}
        WHEN ${c.dated} = 'month' AND date_trunc('month', ${c.day}) <= ${date(asOf)} THEN ${date(asOf)} END`;
  // The date first: most rows have none, and the CASE reads no text for them.
  return `CASE WHEN ${c.day} IS NOT NULL AND ${noDateSql(r(key))} AND ${c.said} AND NOT coalesce(${c.limit}, false)
    AND (dd_feedback_date IS NULL OR ${c.day} >= dd_feedback_date) AND ${c.dated} IS NOT NULL THEN ${day} END`;
}
