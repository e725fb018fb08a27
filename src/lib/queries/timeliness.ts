import type { MetricParams } from '../domain/params';
import { date } from './sql';
import { scopedFindings, type Filters } from './filters';
import { IS_COMPLETED, NOT_COMPLETED, inDeadlineSet, isOverdue, isPastDeadline, rateOf, warningColour } from './measures';
import { scopeRows, type SourceOptions } from './source';

/** Timeliness at T (DOMAIN §7.3 #13–#16). Rates are fractions 0..1 or NULL. */
export interface TimelinessRow {
  findings: number;
  /** |D|: dated items (long-term ones only with longTermWithDeadline = 'include'). */
  deadline_set: number;
  /** |D_due| = f ∈ D with deadline ≤ T. */
  due: number;
  /** f ∈ D_due completed by T and no later than its deadline. */
  on_time: number;
  /** 按期完成率 = on_time / due (#13). */
  on_time_rate: number | null;
  /** 逾期未完成数 (#14). */
  overdue: number;
  past_deadline: number;
  /** 逾期率 = overdue / past_deadline (#14). */
  overdue_rate: number | null;
  /** 进度评价 (#15), summing to N: 已完成, 序时, 滞后, and 长期/无时限 (not completed, outside D). */
  progress_completed: number;
  progress_on_schedule: number;
  progress_lagging: number;
  progress_no_deadline: number;
  /** 三色预警 (#16) with the configured thresholds. */
  warn_red: number;
  warn_yellow: number;
  warn_green: number;
}

/**
 * One row of timeliness metrics for the current filters at T. A completion without a date
 * cannot be shown to be on time, so it is not counted in `on_time`.
 */
export function timelinessQuery(filters: Filters, params: MetricParams, opts: SourceOptions = {}): string {
  const t = date(filters.asOf);
  const inD = inDeadlineSet(params);
  const { from, count, countWhere } = scopeRows(filters, opts);
  return `WITH s AS (SELECT *, ${warningColour(filters.asOf, params)} AS warning FROM (${scopedFindings(filters, { from })})),
k AS (SELECT ${count} AS findings,
  ${countWhere(inD)} AS deadline_set,
  ${countWhere(`${inD} AND deadline <= ${t}`)} AS due,
  ${countWhere(`${inD} AND deadline <= ${t} AND ${IS_COMPLETED} AND completion_date <= deadline`)} AS on_time,
  ${countWhere(isOverdue(filters.asOf, params))} AS overdue,
  ${countWhere(isPastDeadline(filters.asOf, params))} AS past_deadline,
  ${countWhere(IS_COMPLETED)} AS progress_completed,
  ${countWhere(`${NOT_COMPLETED} AND ${inD} AND ${t} <= deadline`)} AS progress_on_schedule,
  ${countWhere(`${NOT_COMPLETED} AND ${inD} AND ${t} > deadline`)} AS progress_lagging,
  ${countWhere(`${NOT_COMPLETED} AND NOT ${inD}`)} AS progress_no_deadline,
  ${countWhere(`warning = 'red'`)} AS warn_red,
  ${countWhere(`warning = 'yellow'`)} AS warn_yellow,
  ${countWhere(`warning = 'green'`)} AS warn_green
FROM s)
SELECT findings, deadline_set, due, on_time, ${rateOf('on_time', 'due')} AS on_time_rate,
  overdue, past_deadline, ${rateOf('overdue', 'past_deadline')} AS overdue_rate,
  progress_completed, progress_on_schedule, progress_lagging, progress_no_deadline, warn_red, warn_yellow, warn_green
FROM k`;
}
