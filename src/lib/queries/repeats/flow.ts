import type { MetricParams } from '../../domain/params';
import type { Dimension, Filters } from '../filters';
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
  -- Numbered in round order (earlierRound's: feedback date, else year, else round number within one
  -- committee). Rounds that order cannot tell apart (a province and a city round fed back the same
  -- day) share a number, and the next round takes the next one, so every step has a successor.
  SELECT unit_key, round_key, CAST(dense_rank() OVER (PARTITION BY unit_key
    ORDER BY r_year NULLS LAST, r_date NULLS LAST, CASE WHEN one_committee THEN r_no END NULLS LAST) AS INTEGER) AS step
  FROM (SELECT a.unit_key, a.round_key, ar.r_year, ar.r_date, ar.r_no,
      min(ar.r_committee) OVER w IS NOT DISTINCT FROM max(ar.r_committee) OVER w AS one_committee
    FROM unit_rounds a JOIN round_seq ar ON ar.round_key = a.round_key
    WINDOW w AS (PARTITION BY a.unit_key, ar.r_year, ar.r_date))
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
