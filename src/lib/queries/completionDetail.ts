import type { MetricParams } from '../domain/params';
import { num } from './sql';
import { closedAt, scopedFindings, type Filters } from './filters';
import { IS_COMPLETED, rateOf } from './measures';
import { scopeRows, type SourceOptions } from './source';

/** Completion details at T (DOMAIN §7.2 #9–#12). Rates are fractions 0..1 or NULL. */
export interface CompletionDetailRow {
  findings: number;
  completed: number;
  /** Completed within `concentratedPeriodMonths` of feedback (#9). */
  concentrated_completed: number;
  /** 集中整改期完成率 = concentrated_completed / N (#9). */
  concentrated_rate: number | null;
  /** Closed (销号) by T (#10). */
  closed: number;
  /** 销号率 = closed / N (#10). */
  closure_rate: number | null;
  /** Completed rows with both dates: the sample of #11. */
  days_sample: number;
  /** 平均整改用时 in days (#11); NULL without a sample. */
  mean_days: number | null;
  median_days: number | null;
  /** Completed rows with at least one piece of evidence (#12). */
  evidence_complete: number;
  /** 佐证完备率 = evidence_complete / completed (#12). */
  evidence_rate: number | null;
  /** Completed rows whose ledger gave an evidence count: none means the ledgers hold no evidence to judge. */
  evidence_known: number;
}

/**
 * Completion details for the current filters at T. The concentrated period is measured from the
 * completion date; the ledger's own 是否集中整改期完成 flag is used only where that date is missing
 * (a flag derived at import would not follow a changed P). 销号 is counted as it stood at T (closedAt).
 * Mean and median are weighted by the findings a row stands for, so the cube (one row per cell)
 * gives what `findings` gives; the median is quantile_cont(0.5): the mean of the two middle values.
 */
export function completionDetailQuery(filters: Filters, params: MetricParams, opts: SourceOptions = {}): string {
  const months = num(Math.trunc(params.concentratedPeriodMonths));
  const { from, count, countWhere, weight, hasEvidence, evidenceKnown } = scopeRows(filters, opts);
  const inPeriod = `(CASE WHEN completion_date IS NOT NULL AND feedback_date IS NOT NULL
      THEN completion_date <= feedback_date + INTERVAL ${months} MONTH
      ELSE coalesce(in_concentrated_period, false) END)`;
  const dated = `${IS_COMPLETED} AND completion_date IS NOT NULL AND feedback_date IS NOT NULL`;
  // DOMAIN.md #11 as written: completion − feedback, negative for an item done before its feedback (边巡边改, 立行立改
  // during the stationing), which the rectification curve draws at day 0 (helper-132: the mean was clamped here too).
  const days = 'CAST(completion_date - feedback_date AS DOUBLE)';
  return `WITH s AS (${scopedFindings(filters, { from })}),
k AS (SELECT ${count} AS findings,
  ${countWhere(IS_COMPLETED)} AS completed,
  ${countWhere(`${IS_COMPLETED} AND ${inPeriod}`)} AS concentrated_completed,
  ${countWhere(closedAt(filters.asOf))} AS closed,
  ${countWhere(dated)} AS days_sample,
  sum(${weight} * ${days}) FILTER (WHERE ${dated}) / NULLIF(sum(${weight}) FILTER (WHERE ${dated}), 0) AS mean_days,
  ${countWhere(`${IS_COMPLETED} AND ${hasEvidence}`)} AS evidence_complete,
  ${countWhere(`${IS_COMPLETED} AND ${evidenceKnown}`)} AS evidence_known
FROM s),
d AS (SELECT ${days} AS days, sum(${weight}) AS w FROM s WHERE ${dated} GROUP BY ALL),
c AS (SELECT days, sum(w) OVER (ORDER BY days) AS upto, sum(w) OVER () AS total FROM d),
m AS (SELECT CAST((min(days) FILTER (WHERE upto > floor((total - 1) / 2)) + min(days) FILTER (WHERE upto > ceil((total - 1) / 2))) / 2
  AS DOUBLE) AS median_days FROM c)
SELECT findings, completed, concentrated_completed, ${rateOf('concentrated_completed', 'findings')} AS concentrated_rate,
  closed, ${rateOf('closed', 'findings')} AS closure_rate, days_sample, mean_days, median_days,
  evidence_complete, ${rateOf('evidence_complete', 'completed')} AS evidence_rate, evidence_known
FROM k, m`;
}
