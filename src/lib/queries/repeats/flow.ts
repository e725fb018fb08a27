import type { MetricParams } from '../../domain/params';
import type { Dimension, Filters } from '../filters';
import { earlierRound } from './matching';
import { repeatLinkCtes } from './links';

/** One ribbon of the repeat flow: later findings of inspection `to_step` repeating a `from_step` finding. */
export interface RepeatFlowRow {
  /** 1 = the unit's first inspection, 2 = its second, ... */
  from_step: number;
  from_l1: string;
  to_step: number;
  to_l1: string;
  /** Distinct later findings with a counted link along this ribbon. */
  findings: number;
}

/**
 * Repeat flow between consecutive inspections of a unit: each unit's rounds (by T) are numbered
 * in round order; a counted link (#22 match or confirmed, never rejected) from a finding of the
 * k-th inspection to one of the (k+1)-th adds its later finding to the ribbon L1(g) → L1(f).
 */
export function repeatFlowSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${repeatLinkCtes(filters, params, { except: opts.except })},
unit_rounds AS (SELECT DISTINCT unit_key, round_key FROM base),
steps AS (
  -- Numbered in round order (earlierRound: feedback date, else year, else round number within one
  -- committee): 1 + the unit's rounds before it. Rounds that order cannot tell apart (a province and
  -- a city round fed back the same day) get the same count; dense_rank then closes the gap after
  -- them, so the round that follows both is the next step and its ribbons are drawn.
  SELECT unit_key, round_key, CAST(dense_rank() OVER (PARTITION BY unit_key ORDER BY earlier) AS INTEGER) AS step
  FROM (SELECT a.unit_key, a.round_key, count(b.round_key) FILTER (WHERE ${earlierRound('br', 'ar')}) AS earlier
    FROM unit_rounds a
    JOIN round_seq ar ON ar.round_key = a.round_key
    LEFT JOIN unit_rounds b ON b.unit_key = a.unit_key AND b.round_key <> a.round_key
    LEFT JOIN round_seq br ON br.round_key = b.round_key
    GROUP BY a.unit_key, a.round_key)
),
ribbons AS (
  SELECT DISTINCT gs.step AS from_step, l.g_l1 AS from_l1, fst.step AS to_step, l.f_l1 AS to_l1, l.f_dataset_id, l.f_finding_id
  FROM links l
  JOIN steps gs ON gs.unit_key = l.g_unit_key AND gs.round_key = l.g_round_key
  JOIN steps fst ON fst.unit_key = l.f_unit_key AND fst.round_key = l.f_round_key
  WHERE l.counted AND l.g_unit_key = l.f_unit_key AND fst.step = gs.step + 1
)
SELECT from_step, from_l1, to_step, to_l1, CAST(count(*) AS INTEGER) AS findings
FROM ribbons GROUP BY ALL ORDER BY from_step, from_l1, to_l1`;
}
