import type { MetricParams } from '../../domain/params';
import { closedAt, emptyFilters, scopedFindings, type Dimension, type Filters } from '../filters';
import { num } from '../sql';
import { bigrams, COUNTY_KEY, earlierRound, jaccardScore, ROUND_SEQ_CTE, TITLE_EXPR } from './matching';
import { UNIT_KEY } from '../measures';

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
 * CTEs `round_seq`, `base` (every finding fed back by T) and `fs` (S), each finding with its
 * `match_key` (unit or county), `unit_key`, compared title `title_n` and its round's order
 * columns (r_date, r_year, r_committee, r_no), so `earlierRound('g', 'f')` applies to any two.
 */
export function findingScopeCtes(filters: Filters, level: RepeatLevel, except?: Dimension): string {
  const keyed = (sql: string) => `SELECT x.*, ${level === 'unit' ? UNIT_KEY : COUNTY_KEY} AS match_key, ${UNIT_KEY} AS unit_key,
    ${TITLE_EXPR} AS title_n, rs.r_date, rs.r_year, rs.r_committee, rs.r_no
  FROM (${sql}) x JOIN round_seq rs ON rs.round_key = x.round_key`;
  return `${ROUND_SEQ_CTE},
base AS (${keyed(scopedFindings(emptyFilters(filters.asOf)))}),
fs AS (${keyed(scopedFindings(filters, { except }))})`;
}

/**
 * CTEs (without the leading WITH) for repeat links (earlier g, later f), f ∈ S at T, g any
 * finding fed back by T. Defines `round_seq`, `base` (all findings at T with `match_key`,
 * `unit_key`, `title_n` and their round's order columns), `fs` (S, likewise), and `links` with
 * one row per pair: both findings' ids, rounds, units, L1/L2, titles, g's status and closure at
 * T, `score` (bigram Jaccard; NULL in metric mode without text similarity, where no rule reads it),
 * `is_match` (the rule of #22), the analyst's `decision`, `rule`, and `counted` = the link
 * counts as a repeat (a match or confirmed, and never when rejected).
 */
export function repeatLinkCtes(filters: Filters, params: MetricParams, opts: LinkOptions = {}): string {
  const level = opts.review ? 'unit' : (opts.level ?? 'unit');
  const theta = `${num(params.similarityThreshold)}::DOUBLE`;
  const simOk = params.useTextSimilarity ? `score >= ${theta}` : 'TRUE';
  const matchRule = level === 'unit' ? 'same_unit_l2' : 'same_county_l2';
  // Scores cost a bigram list per title and an intersection per pair: only computed when a rule
  // or the review list reads them.
  const needScore = opts.review || params.useTextSimilarity;
  const pairCols = `g.dataset_id AS g_dataset_id, g.finding_id AS g_finding_id, f.dataset_id AS f_dataset_id, f.finding_id AS f_finding_id,
    g.round_key AS g_round_key, f.round_key AS f_round_key, g.round_label AS g_round_label, f.round_label AS f_round_label,
    g.unit_name AS g_unit_name, f.unit_name AS f_unit_name, g.unit_key AS g_unit_key, f.unit_key AS f_unit_key,
    g.county AS g_county, f.county AS f_county, g.category_l1 AS g_l1, f.category_l1 AS f_l1, g.category_l2 AS g_l2, f.category_l2 AS f_l2,
    g.problem_title AS g_title, f.problem_title AS f_title, f.followup_result AS f_followup_result, g.status_t AS g_status_t,
    ${closedAt(filters.asOf, 'g.')} AS g_closed_t,
    g.title_n AS g_title_n, f.title_n AS f_title_n,
    coalesce(f.prior_finding_id = g.finding_id AND f.county = g.county, FALSE) AS is_explicit,
    g.match_key = f.match_key AS same_key, coalesce(g.category_l2 = f.category_l2, FALSE) AS same_l2`;
  const earlier = earlierRound('g', 'f');
  // The branches are disjoint, so UNION ALL needs no de-duplication over ~30 columns per pair:
  // same key (and L2) first, then explicit links across keys, then confirmed pairs no rule found.
  const sameKey = opts.review ? 'g.match_key = f.match_key' : 'g.match_key = f.match_key AND g.category_l2 = f.category_l2';
  const explicitLink = 'g.finding_id = f.prior_finding_id AND g.county = f.county';
  const covered = opts.review ? `(g.match_key = f.match_key OR coalesce(${explicitLink}, FALSE))` : `(${sameKey})`;
  const candidates = [
    `SELECT ${pairCols} FROM fs f JOIN base g ON ${sameKey} AND g.round_key <> f.round_key WHERE ${earlier}`,
    ...(opts.review
      ? [`SELECT ${pairCols} FROM fs f JOIN base g ON ${explicitLink} AND g.round_key <> f.round_key WHERE ${earlier} AND g.match_key <> f.match_key`]
      : []),
    `SELECT ${pairCols} FROM repeat_decisions d
    JOIN fs f ON f.dataset_id = d.later_dataset_id AND f.finding_id = d.later_finding_id
    JOIN base g ON g.dataset_id = d.earlier_dataset_id AND g.finding_id = d.earlier_finding_id
    WHERE d.decision = 'confirmed' AND ${earlier} AND NOT coalesce(${covered}, FALSE)`,
  ].join('\n  UNION ALL\n  ');
  // Bigrams are built once per distinct title and the overlap once per pair: DuckDB inlines a
  // projected expression at every use, so each stage is MATERIALIZED.
  const scored = needScore
    ? `titles AS (SELECT g_title_n AS title_n FROM pairs UNION SELECT f_title_n FROM pairs),
title_grams AS MATERIALIZED (SELECT title_n, ${bigrams('title_n')} AS grams FROM titles),
title_sizes AS MATERIALIZED (SELECT title_n, grams, len(grams) AS size FROM title_grams),
pair_overlap AS MATERIALIZED (
  SELECT p.*, gt.size AS g_size, ft.size AS f_size, len(list_intersect(gt.grams, ft.grams)) AS shared FROM pairs p
  JOIN title_sizes gt ON gt.title_n = p.g_title_n JOIN title_sizes ft ON ft.title_n = p.f_title_n
),
scored AS (SELECT * EXCLUDE (g_size, f_size, shared), ${jaccardScore('shared', 'g_size', 'f_size')} AS score FROM pair_overlap)`
    : `scored AS (SELECT *, CAST(NULL AS DOUBLE) AS score FROM pairs)`;
  return `${findingScopeCtes(filters, level, opts.except)},
pairs AS MATERIALIZED (
  SELECT c.*, d.decision, d.rule AS decided_rule FROM (
  ${candidates}
  ) c
  LEFT JOIN repeat_decisions d ON d.earlier_dataset_id = c.g_dataset_id AND d.earlier_finding_id = c.g_finding_id
    AND d.later_dataset_id = c.f_dataset_id AND d.later_finding_id = c.f_finding_id
),
${scored},
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
