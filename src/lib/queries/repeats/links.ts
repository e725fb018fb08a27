import type { MetricParams } from '../../domain/params';
import { emptyFilters, scopedFindings, type Dimension, type Filters } from '../filters';
import { date, num } from '../sql';
import { bigrams, COUNTY_KEY, earlierRound, jaccard, ROUND_SEQ_CTE, TITLE_EXPR, UNIT_KEY } from './matching';

/** The rule that proposed a link (DOMAIN.md §7.5); 'same_county_l2' only in the county-level variant. */
export type RepeatRule = 'explicit' | 'same_unit_l2' | 'same_county_l2' | 'text_similarity';

/** Matching level: the same inspected unit (#22) or, for the county variant, the same county. */
export type RepeatLevel = 'unit' | 'county';

/** Options of the link builder. */
export interface LinkOptions {
  /** 'unit' (default) or 'county'. */
  level?: RepeatLevel;
  /**
   * Review mode (suggestions screen): also proposes explicit links (prior_finding_id) and
   * same-unit pairs of different L2 whose titles are similar; metric mode only builds pairs
   * that can count (same key and L2, or confirmed by the analyst).
   */
  review?: boolean;
  /** The dimension left out of S (the chart's own dimension). */
  except?: Dimension;
}

/**
 * CTEs (without the leading WITH) for repeat links (earlier g, later f), f ∈ S at T, g any
 * finding fed back by T. Defines `round_seq`, `base` (all findings at T with `match_key`,
 * `unit_key`, `title_n`), `fs` (S), and `links` with one row per pair: both findings' ids,
 * rounds, units, L1/L2, titles, g's status and closure at T, `score` (bigram Jaccard),
 * `is_match` (the rule of #22), the analyst's `decision`, `rule`, and `counted` = the link
 * counts as a repeat (a match or confirmed, and never when rejected).
 */
export function repeatLinkCtes(filters: Filters, params: MetricParams, opts: LinkOptions = {}): string {
  const level = opts.review ? 'unit' : (opts.level ?? 'unit');
  const T = date(filters.asOf);
  const theta = `${num(params.similarityThreshold)}::DOUBLE`;
  const simOk = params.useTextSimilarity ? `score >= ${theta}` : 'TRUE';
  const matchRule = level === 'unit' ? 'same_unit_l2' : 'same_county_l2';
  const candidates = opts.review
    ? `SELECT g.dataset_id AS g_ds, g.finding_id AS g_id, f.dataset_id AS f_ds, f.finding_id AS f_id
    FROM fs f JOIN base g ON g.match_key = f.match_key AND g.round_key <> f.round_key
  UNION
  SELECT g.dataset_id, g.finding_id, f.dataset_id, f.finding_id
    FROM fs f JOIN base g ON g.finding_id = f.prior_finding_id AND g.county = f.county AND g.round_key <> f.round_key`
    : `SELECT g.dataset_id AS g_ds, g.finding_id AS g_id, f.dataset_id AS f_ds, f.finding_id AS f_id
    FROM fs f JOIN base g ON g.match_key = f.match_key AND g.category_l2 = f.category_l2 AND g.round_key <> f.round_key`;
  return `${ROUND_SEQ_CTE},
base AS (
  SELECT b.*, ${level === 'unit' ? UNIT_KEY : COUNTY_KEY} AS match_key, ${UNIT_KEY} AS unit_key, ${TITLE_EXPR} AS title_n
  FROM (${scopedFindings(emptyFilters(filters.asOf))}) b
),
fs AS (
  SELECT base.* FROM base
  JOIN (SELECT dataset_id, finding_id FROM (${scopedFindings(filters, { except: opts.except })})) s
    ON s.dataset_id = base.dataset_id AND s.finding_id = base.finding_id
),
pair_keys AS (
  ${candidates}
  UNION
  SELECT earlier_dataset_id, earlier_finding_id, later_dataset_id, later_finding_id
    FROM repeat_decisions WHERE decision = 'confirmed'
),
pairs AS (
  SELECT p.g_ds AS g_dataset_id, p.g_id AS g_finding_id, p.f_ds AS f_dataset_id, p.f_id AS f_finding_id,
    g.round_key AS g_round_key, f.round_key AS f_round_key, g.round_label AS g_round_label, f.round_label AS f_round_label,
    g.unit_name AS g_unit_name, f.unit_name AS f_unit_name,
    g.unit_key AS g_unit_key, f.unit_key AS f_unit_key, g.county AS g_county, f.county AS f_county,
    g.category_l1 AS g_l1, f.category_l1 AS f_l1, g.category_l2 AS g_l2, f.category_l2 AS f_l2,
    g.problem_title AS g_title, f.problem_title AS f_title, f.followup_result AS f_followup_result,
    g.status_t AS g_status_t, coalesce(g.closed AND (g.closure_date IS NULL OR g.closure_date <= ${T}), FALSE) AS g_closed_t,
    ${bigrams('g.title_n')} AS g_grams, ${bigrams('f.title_n')} AS f_grams,
    coalesce(f.prior_finding_id = g.finding_id AND f.county = g.county, FALSE) AS is_explicit,
    g.match_key = f.match_key AS same_key,
    coalesce(g.category_l2 = f.category_l2, FALSE) AS same_l2,
    d.decision, d.rule AS decided_rule
  FROM pair_keys p
  JOIN fs f ON f.dataset_id = p.f_ds AND f.finding_id = p.f_id
  JOIN base g ON g.dataset_id = p.g_ds AND g.finding_id = p.g_id
  JOIN round_seq gr ON gr.round_key = g.round_key
  JOIN round_seq fr ON fr.round_key = f.round_key
  LEFT JOIN repeat_decisions d ON d.earlier_dataset_id = p.g_ds AND d.earlier_finding_id = p.g_id
    AND d.later_dataset_id = p.f_ds AND d.later_finding_id = p.f_id
  WHERE ${earlierRound('gr', 'fr')}
),
scored AS (SELECT * EXCLUDE (g_grams, f_grams), ${jaccard('g_grams', 'f_grams')} AS score FROM pairs),
matched AS (SELECT *, same_key AND same_l2 AND ${simOk} AS is_match FROM scored),
links AS (
  SELECT *,
    CASE WHEN is_explicit THEN 'explicit' WHEN is_match THEN '${matchRule}'
      WHEN same_key AND score >= ${theta} THEN 'text_similarity'
      WHEN decision = 'confirmed' THEN decided_rule END AS rule,
    (is_match OR decision IS NOT DISTINCT FROM 'confirmed') AND decision IS DISTINCT FROM 'rejected' AS counted
  FROM matched
)`;
}
