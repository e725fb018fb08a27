import { date, ident } from '../queries/sql';
import { codedDeadlineSql } from './normalise/deadline-code';

/**
 * A measure row that leaves 反馈时间 blank (a merged sheet saved as CSV writes it on the problem's row
 * only) is fed back with its problem: its dates without a year (12月底前, 3月1日), which had no feedback
 * to be dated from (or only the round's year), are dated from the problem's feedback date, as the
 * problem row's are (findings.ts), a completion day never moved past `lastDay` (the as-of date).
 */
export function datedByProblemSql(norm: string, groups: string, lastDay: string): string {
  const t = ident(norm);
  const coded = (code: string, notAfter?: string) => codedDeadlineSql(code, 'f.feedback_date', 'f.feedback_date', notAfter);
  // Each code dated once, in the join: a SET clause cannot read the value another one sets.
  return `UPDATE ${t} SET feedback_date = x.feedback_date,
      deadline = CASE WHEN ${t}.deadline_rel IS NOT NULL THEN x.deadline ELSE ${t}.deadline END,
      completion_date = CASE WHEN ${t}.completion_rel IS NOT NULL THEN x.completion_date ELSE ${t}.completion_date END,
      completion_year_inferred = ${t}.completion_year_inferred OR x.completion_date IS NOT NULL
    FROM (SELECT m.src_row, f.feedback_date, ${coded('m.deadline_rel')} AS deadline, ${coded('m.completion_rel', date(lastDay))} AS completion_date
      FROM ${ident(groups)} g, ${t} m, ${t} f
      WHERE m.src_row = g.src_row AND f.src_row = g.first_row AND g.src_row > g.first_row
        AND m.feedback_date IS NULL AND f.feedback_date IS NOT NULL) x
    WHERE ${t}.src_row = x.src_row`;
}
