import type { MetricParams } from '../../domain/params';
import type { Dimension, Filters } from '../filters';
import { earlierRound } from './matching';
import type { RepeatLevel } from './links';
import { repeatSetCtes } from './repeatSet';

/** 同单位重复率 (#22) or its county variant, overall or per county. */
export interface RepeatRateRow {
  /** Present when grouped by county. */
  county?: string;
  /** |S| in the group. */
  findings: number;
  /** Findings of S with at least one counted link to an earlier-round finding. */
  repeats: number;
  /** Findings of S that the rate's denominator admits (per `repeatDenominator`). */
  denominator: number;
  /** repeats / denominator, 0..1; NULL when the denominator is 0. */
  repeat_rate: number | null;
}

/** Options: matching level, grouping, and the dimension left out of S. */
export interface RepeatRateOptions {
  level?: RepeatLevel;
  byCounty?: boolean;
  except?: Dimension;
}

/**
 * 同单位重复问题 (DOMAIN.md §7.5 #22): f ∈ S is a repeat if an earlier-round g of the same unit
 * (county + normalised name; with level 'county', the same county) has the same L2 and, with
 * `useTextSimilarity`, a bigram Jaccard ≥ θ; or if the analyst confirmed a link, and never
 * through a rejected one. The denominator holds only units inspected in ≥ 2 rounds by T:
 * 'reinspected_units' takes all their findings in S, 'later_rounds' only those of their second
 * and later rounds. A finding linked by a confirmed decision across a renamed unit is itself a
 * later-round finding, so it always joins the denominator (the rate stays ≤ 1).
 */
export function unitRepeatRateSql(filters: Filters, params: MetricParams, opts: RepeatRateOptions = {}): string {
  const inBase = params.repeatDenominator === 'later_rounds' ? 'lr.match_key IS NOT NULL' : 'ri.match_key IS NOT NULL';
  const group = opts.byCounty ? 'county, ' : '';
  const tail = opts.byCounty ? '\nGROUP BY county ORDER BY county' : '';
  return `WITH ${repeatSetCtes(filters, params, { level: opts.level, except: opts.except })},
key_rounds AS (SELECT DISTINCT match_key, round_key FROM base),
reinspected AS (SELECT match_key FROM key_rounds GROUP BY match_key HAVING count(*) >= 2),
later_rounds AS (
  SELECT DISTINCT a.match_key, a.round_key FROM key_rounds a
  JOIN key_rounds b ON b.match_key = a.match_key AND b.round_key <> a.round_key
  JOIN round_seq ar ON ar.round_key = a.round_key
  JOIN round_seq br ON br.round_key = b.round_key
  WHERE ${earlierRound('br', 'ar')}
),
flagged AS (
  SELECT fs.county, r.f_finding_id IS NOT NULL AS is_repeat, ${inBase} AS in_base
  FROM fs
  LEFT JOIN repeats r ON r.f_dataset_id = fs.dataset_id AND r.f_finding_id = fs.finding_id
  LEFT JOIN reinspected ri ON ri.match_key = fs.match_key
  LEFT JOIN later_rounds lr ON lr.match_key = fs.match_key AND lr.round_key = fs.round_key
)
SELECT ${group}CAST(count(*) AS INTEGER) AS findings,
  CAST(count(*) FILTER (WHERE is_repeat) AS INTEGER) AS repeats,
  CAST(count(*) FILTER (WHERE is_repeat OR in_base) AS INTEGER) AS denominator,
  CAST(count(*) FILTER (WHERE is_repeat) AS DOUBLE) / NULLIF(count(*) FILTER (WHERE is_repeat OR in_base), 0) AS repeat_rate
FROM flagged${tail}`;
}
