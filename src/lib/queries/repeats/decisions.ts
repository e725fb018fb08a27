import { num, str } from '../sql';
import type { RepeatRule } from './links';

/** The analyst's verdict on one suggested link, as stored in `repeat_decisions`. */
export interface RepeatDecision {
  earlierDatasetId: string;
  earlierFindingId: string;
  laterDatasetId: string;
  laterFindingId: string;
  rule: RepeatRule;
  score: number | null;
  decision: 'confirmed' | 'rejected';
  /** ISO timestamp, e.g. `new Date().toISOString()`. */
  decidedAt: string;
}

/** A row of `repeat_decisions` as the engine returns it. */
export interface RepeatDecisionRow {
  earlier_dataset_id: string;
  earlier_finding_id: string;
  later_dataset_id: string;
  later_finding_id: string;
  rule: RepeatRule;
  score: number | null;
  decision: 'confirmed' | 'rejected';
  decided_at: string;
}

const RULES: readonly string[] = ['explicit', 'same_unit_l2', 'same_county_l2', 'text_similarity'];
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z?$/;

/**
 * Stores (or overwrites) one decision. A later verdict on the same pair replaces the earlier
 * one. Throws on an unknown rule/decision or a malformed time, so nothing odd is ever stored.
 */
export function saveDecisionSql(d: RepeatDecision): string {
  if (!RULES.includes(d.rule)) throw new Error(`unknown repeat rule: ${d.rule}`);
  if (d.decision !== 'confirmed' && d.decision !== 'rejected') throw new Error(`unknown decision: ${d.decision}`);
  if (!ISO_TIMESTAMP.test(d.decidedAt)) throw new Error(`not an ISO timestamp: ${d.decidedAt}`);
  const score = d.score === null ? 'NULL' : num(d.score);
  return `INSERT OR REPLACE INTO repeat_decisions VALUES (${str(d.earlierDatasetId)}, ${str(d.earlierFindingId)}, ${str(d.laterDatasetId)}, ${str(d.laterFindingId)}, ${str(d.rule)}, ${score}, ${str(d.decision)}, CAST(${str(d.decidedAt.replace(/Z$/, ''))} AS TIMESTAMP))`;
}

/** Withdraws the decision on one pair, so the link is a plain suggestion again. */
export function clearDecisionSql(d: Pick<RepeatDecision, 'earlierDatasetId' | 'earlierFindingId' | 'laterDatasetId' | 'laterFindingId'>): string {
  return `DELETE FROM repeat_decisions WHERE earlier_dataset_id = ${str(d.earlierDatasetId)} AND earlier_finding_id = ${str(d.earlierFindingId)} AND later_dataset_id = ${str(d.laterDatasetId)} AND later_finding_id = ${str(d.laterFindingId)}`;
}

/** Every stored decision, newest first (for the review screen's history and exports). */
export const DECISIONS_SQL = `SELECT earlier_dataset_id, earlier_finding_id, later_dataset_id, later_finding_id, rule, score, decision, CAST(decided_at AS VARCHAR) AS decided_at FROM repeat_decisions ORDER BY decided_at DESC`;
