import type { MetricParams } from '../../domain/params';
import type { Dimension, Filters } from '../filters';
import { num } from '../sql';
import { repeatLinkCtes, type RepeatRule } from './links';

/** One suggested link (earlier g → later f) for the analyst to confirm or reject. */
export interface RepeatSuggestionRow {
  rule: RepeatRule;
  /** Bigram Jaccard of the two normalised titles, 0..1. */
  score: number;
  /** 'confirmed' when the analyst confirmed it; NULL while undecided (rejected ones are left out). */
  decision: 'confirmed' | null;
  /** TRUE when the link counts in the repeat metrics (a #22 match or confirmed). */
  counted: boolean;
  /** Number of reviewable suggestions in all pages (the same on every row). */
  total: number;
  g_dataset_id: string;
  g_finding_id: string;
  g_round_key: string;
  g_round_label: string | null;
  g_unit_name: string;
  g_county: string;
  g_l2: string | null;
  g_title: string;
  g_status_t: string | null;
  f_dataset_id: string;
  f_finding_id: string;
  f_round_key: string;
  f_round_label: string | null;
  f_unit_name: string;
  f_county: string;
  f_l2: string | null;
  f_title: string;
}

/** Paging and scope of the suggestion list. */
export interface SuggestionOptions {
  limit?: number;
  offset?: number;
  except?: Dimension;
}

const COLUMNS = `rule, score, decision, counted,
  g_dataset_id, g_finding_id, g_round_key, g_round_label, g_unit_name, g_county, g_l2, g_title, g_status_t,
  f_dataset_id, f_finding_id, f_round_key, f_round_label, f_unit_name, f_county, f_l2, f_title`;

// What the review screen lists: every pair some rule proposes or the analyst confirmed, minus rejections.
const REVIEWABLE = `rule IS NOT NULL AND decision IS DISTINCT FROM 'rejected'`;

/**
 * Suggested repeat links for review (DESIGN.md screen 3) with f ∈ S: explicit links
 * (prior_finding_id), same unit + same L2 (subject to θ when `useTextSimilarity` is on), and
 * same-unit pairs of any L2 whose titles reach θ, each traceable by both (dataset_id,
 * finding_id) and its rule. Rejected pairs are left out; confirmed ones are marked.
 */
export function repeatSuggestionsSql(filters: Filters, params: MetricParams, opts: SuggestionOptions = {}): string {
  const limit = Math.max(0, Math.trunc(opts.limit ?? 500));
  const offset = Math.max(0, Math.trunc(opts.offset ?? 0));
  return `WITH ${repeatLinkCtes(filters, params, { review: true, except: opts.except })}
SELECT ${COLUMNS}, CAST(count(*) OVER () AS INTEGER) AS total
FROM links WHERE ${REVIEWABLE}
ORDER BY f_county, f_unit_name, f_round_key, f_dataset_id, f_finding_id, score DESC, g_dataset_id, g_finding_id
LIMIT ${num(limit)} OFFSET ${num(offset)}`;
}

/**
 * Number of reviewable suggestions, as `{ suggestions }`. Each page's rows carry it as `total`;
 * this is for a page past the end, which has no row to carry it.
 */
export function repeatSuggestionCountSql(filters: Filters, params: MetricParams, opts: { except?: Dimension } = {}): string {
  return `WITH ${repeatLinkCtes(filters, params, { review: true, except: opts.except })}
SELECT CAST(count(*) AS INTEGER) AS suggestions FROM links WHERE ${REVIEWABLE}`;
}
