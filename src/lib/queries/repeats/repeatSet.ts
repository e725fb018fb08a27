import type { MetricParams } from '../../domain/params';
import type { Dimension, Filters } from '../filters';
import { earlierRound } from './matching';
import { findingScopeCtes, repeatLinkCtes, type RepeatLevel } from './links';

/**
 * CTEs ending in `repeats(f_dataset_id, f_finding_id)`: the findings of S that count as repeats
 * (#22) at the given level — a match with an earlier-round finding whose link is not rejected,
 * or a confirmed link. Also defines `round_seq`, `base` and `fs` (see findingScopeCtes).
 *
 * Without text similarity a match needs no pair, only "some earlier round of this unit has this
 * L2", so the set is computed per (key, L2, round) and rejected links are subtracted by count:
 * f stays a repeat while it has more matches than rejected matches. This keeps the county-level
 * variant linear (pairs within a county × L2 grow with the square of its findings). With text
 * similarity every pair needs its score, so the pairwise links are used.
 */
export function repeatSetCtes(filters: Filters, params: MetricParams, opts: { level?: RepeatLevel; except?: Dimension } = {}): string {
  const level = opts.level ?? 'unit';
  if (params.useTextSimilarity) {
    return `${repeatLinkCtes(filters, params, { level, except: opts.except })},
repeats AS (SELECT DISTINCT f_dataset_id, f_finding_id FROM links WHERE counted)`;
  }
  return `${findingScopeCtes(filters, level, opts.except)},
key_l2_rounds AS (
  SELECT match_key, category_l2, round_key, any_value(r_date) AS r_date, any_value(r_year) AS r_year,
    any_value(r_committee) AS r_committee, any_value(r_no) AS r_no, count(*) AS findings
  FROM base WHERE category_l2 IS NOT NULL GROUP BY match_key, category_l2, round_key
),
match_counts AS (
  SELECT f.match_key, f.category_l2, f.round_key, sum(g.findings) AS matches
  FROM (SELECT DISTINCT match_key, category_l2, round_key, r_date, r_year, r_committee, r_no FROM fs WHERE category_l2 IS NOT NULL) f
  JOIN key_l2_rounds g ON g.match_key = f.match_key AND g.category_l2 = f.category_l2 AND g.round_key <> f.round_key
  WHERE ${earlierRound('g', 'f')}
  GROUP BY f.match_key, f.category_l2, f.round_key
),
decided AS (
  SELECT f.dataset_id AS f_dataset_id, f.finding_id AS f_finding_id, d.decision,
    g.match_key = f.match_key AND coalesce(g.category_l2 = f.category_l2, FALSE) AS is_match
  FROM repeat_decisions d
  JOIN fs f ON f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id
  JOIN base g ON g.dataset_id = d.earlier_dataset_id AND g.finding_id = d.earlier_finding_id
  WHERE ${earlierRound('g', 'f')}
),
rejected_matches AS (
  SELECT f_dataset_id, f_finding_id, count(*) AS rejected FROM decided
  WHERE decision = 'rejected' AND is_match GROUP BY f_dataset_id, f_finding_id
),
repeats AS (
  SELECT fs.dataset_id AS f_dataset_id, fs.finding_id AS f_finding_id FROM fs
  JOIN match_counts m ON m.match_key = fs.match_key AND m.category_l2 = fs.category_l2 AND m.round_key = fs.round_key
  LEFT JOIN rejected_matches r ON r.f_dataset_id = fs.dataset_id AND r.f_finding_id = fs.finding_id
  WHERE m.matches > coalesce(r.rejected, 0)
  UNION
  SELECT f_dataset_id, f_finding_id FROM decided WHERE decision = 'confirmed'
)`;
}
