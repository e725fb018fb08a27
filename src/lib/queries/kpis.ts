import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { scopeRows, type SourceOptions } from './source';
import { IS_COMPLETED, IS_COMPLETED_OR_BASIC, isOverdue, isPastDeadline, rateOf } from './measures';

/** The headline numbers of the current view (DOMAIN §7.1–7.3, 7.5 #21). Rates are fractions 0..1 or NULL. */
export interface KpiRow {
  /** N = |S| (#1). */
  findings: number;
  completed: number;
  basically_completed: number;
  in_progress: number;
  not_completed: number;
  /** Status not recognised at import (NULL); part of N, never of "completed". */
  unknown_status: number;
  /** Strict 整改完成率 = completed / N (#5). */
  completion_rate: number | null;
  /** 完成及基本完成率 = (completed + basically_completed) / N (#6). */
  completion_basic_rate: number | null;
  /** 逾期未完成数 (#14). */
  overdue: number;
  /** Items of D past their deadline (the 逾期率 denominator). */
  past_deadline: number;
  /** 逾期率 = overdue / past_deadline (#14). */
  overdue_rate: number | null;
  /** Explicit repeats |E| (#21). */
  repeat: number;
  /** 显式重复率 = |E| / N (#21). */
  repeat_rate: number | null;
  /** U = distinct (round, unit) (#2). */
  units: number;
  /** N / U (#2). */
  findings_per_unit: number | null;
  /** 立行立改数 |L| (#4). */
  immediate: number;
  immediate_completed: number;
  /** 立行立改完成率 (#8). */
  immediate_rate: number | null;
}

/**
 * One row of KPIs for the current filters at T. U is counted over a DISTINCT subquery: on the
 * wasm engine that is about 3× faster than count(DISTINCT (round_key, unit)). `source: 'cube'`
 * reads the derived tables (same answers, a fraction of the time).
 */
export function kpisQuery(filters: Filters, params: MetricParams, opts: SourceOptions = {}): string {
  const asOf = filters.asOf;
  const rows = scopeRows(filters, opts);
  const { count, countWhere } = rows;
  // On the cube, S's (round, unit) pairs come from the unit cube filtered the same way.
  const units = rows.source === 'cube' ? `(${scopedFindings(filters, { from: rows.unitFrom })})` : 's';
  return `WITH s AS (${scopedFindings(filters, { from: rows.from })}),
k AS (SELECT
  ${count} AS findings,
  ${countWhere(IS_COMPLETED)} AS completed,
  ${countWhere(`status_t = 'basically_completed'`)} AS basically_completed,
  ${countWhere(`status_t = 'in_progress'`)} AS in_progress,
  ${countWhere(`status_t = 'not_completed'`)} AS not_completed,
  ${countWhere('status_t IS NULL')} AS unknown_status,
  ${countWhere(IS_COMPLETED_OR_BASIC)} AS completed_or_basic,
  ${countWhere(isOverdue(asOf, params))} AS overdue,
  ${countWhere(isPastDeadline(asOf, params))} AS past_deadline,
  ${countWhere(rows.explicitRepeat(params))} AS repeat,
  ${countWhere(rows.immediate)} AS immediate,
  ${countWhere(`${rows.immediate} AND ${IS_COMPLETED}`)} AS immediate_completed
FROM s),
u AS (SELECT CAST(count(*) AS INTEGER) AS units FROM (SELECT DISTINCT round_key, ${rows.unitKey} FROM ${units}))
SELECT findings, completed, basically_completed, in_progress, not_completed, unknown_status,
  ${rateOf('completed', 'findings')} AS completion_rate,
  ${rateOf('completed_or_basic', 'findings')} AS completion_basic_rate,
  overdue, past_deadline, ${rateOf('overdue', 'past_deadline')} AS overdue_rate,
  repeat, ${rateOf('repeat', 'findings')} AS repeat_rate,
  units, ${rateOf('findings', 'units')} AS findings_per_unit,
  immediate, immediate_completed, ${rateOf('immediate_completed', 'immediate')} AS immediate_rate
FROM k, u`;
}
