import type { MetricParams } from '../domain/params';
import { scopedFindings, type Filters } from './filters';
import { IS_COMPLETED, rateOf } from './measures';
import { type RoundColumns } from './roundMeta';
import { scopeRows, type SourceOptions } from './source';

/** A point of a round's rectification curve. */
export interface CurvePointRow extends RoundColumns {
  /** Days since feedback. */
  day: number;
  /** Findings of the round completed by that day (cumulative). */
  completed: number;
  /** Findings of the round in S: the denominator. */
  n: number;
  /** completed / n, a fraction 0..1. */
  completion_rate: number | null;
}

/**
 * Cumulative strict completion rate against days since feedback, one series per round. Every
 * round starts at day 0; completions dated before feedback (立行立改 during 进驻) count at day 0;
 * completions without a date cannot be placed on the curve and are left out of it (not of n).
 * The round filter is left out (one line per round).
 */
export function rectificationCurveQuery(filters: Filters, _params: MetricParams, opts: SourceOptions = {}): string {
  const rows = scopeRows(filters, opts);
  // A cube cell stands for `n` findings with the same dates: it adds n to the day's count.
  const weight = rows.source === 'cube' ? 'n' : '1';
  return `WITH s AS (${scopedFindings(filters, { except: 'rounds', from: rows.from })}), rm AS (${rows.roundMeta}),
n AS (SELECT round_key, ${rows.count} AS n FROM s GROUP BY round_key),
d AS (SELECT round_key, day, CAST(sum(k) AS INTEGER) AS k FROM (
    SELECT round_key, greatest(0, CAST(completion_date - feedback_date AS INTEGER)) AS day, ${weight} AS k FROM s
      WHERE ${IS_COMPLETED} AND completion_date IS NOT NULL AND feedback_date IS NOT NULL
    UNION ALL SELECT round_key, 0 AS day, 0 AS k FROM n)
  GROUP BY round_key, day),
c AS (SELECT round_key, day, CAST(sum(k) OVER (PARTITION BY round_key ORDER BY day) AS INTEGER) AS completed FROM d)
SELECT c.round_key, rm.round_label, rm.round_year, rm.round_pos, c.day, c.completed, n.n,
  ${rateOf('c.completed', 'n.n')} AS completion_rate
FROM c JOIN n ON n.round_key = c.round_key JOIN rm ON rm.round_key = c.round_key
ORDER BY rm.round_pos, c.day`;
}
