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

/**
 * Statements that move every decision naming a finding of `moves` (a SELECT of from_dataset, from_finding,
 * to_dataset, to_finding; one row per from pair) to the finding it names instead: the same problem written
 * again by a newer file. Run inside the import's transaction, after the new findings are inserted.
 */
export function moveDecisionsSql(moves: string): string[] {
  const on = (m: string, side: 'earlier' | 'later') => `${m}.from_dataset = d.${side}_dataset_id AND ${m}.from_finding = d.${side}_finding_id`;
  return [
    `CREATE OR REPLACE TEMP TABLE decision_moves AS ${moves}`,
    `CREATE OR REPLACE TEMP TABLE carried_decisions AS
SELECT coalesce(me.to_dataset, d.earlier_dataset_id) AS earlier_dataset_id, coalesce(me.to_finding, d.earlier_finding_id) AS earlier_finding_id,
  coalesce(ml.to_dataset, d.later_dataset_id) AS later_dataset_id, coalesce(ml.to_finding, d.later_finding_id) AS later_finding_id,
  d.rule, d.score, d.decision, d.decided_at,
  d.earlier_dataset_id AS was_ed, d.earlier_finding_id AS was_ef, d.later_dataset_id AS was_ld, d.later_finding_id AS was_lf
FROM repeat_decisions d
LEFT JOIN decision_moves me ON ${on('me', 'earlier')}
LEFT JOIN decision_moves ml ON ${on('ml', 'later')}
WHERE me.from_dataset IS NOT NULL OR ml.from_dataset IS NOT NULL`,
    // The decisions moved, found by their old keys among the few carried (not by a scan of every move).
    `DELETE FROM repeat_decisions d USING carried_decisions c WHERE d.earlier_dataset_id = c.was_ed AND d.earlier_finding_id = c.was_ef
  AND d.later_dataset_id = c.was_ld AND d.later_finding_id = c.was_lf`,
    `INSERT OR REPLACE INTO repeat_decisions SELECT * EXCLUDE (was_ed, was_ef, was_ld, was_lf) FROM carried_decisions`,
    'DROP TABLE carried_decisions',
    'DROP TABLE decision_moves',
  ];
}
