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
 * Statements that carry decisions across a dataset replacement: a decision naming a finding of a
 * replaced dataset moves to the finding with the same id in the new datasets, so replacing a
 * corrected ledger keeps the analyst's review. Decisions on findings the new file no longer has
 * stay as they were (they match nothing and count for nothing). Run inside the import's
 * transaction, after the new findings are inserted.
 */
export function carryDecisionsSql(replacedIds: string[], newIds: string[]): string[] {
  if (!replacedIds.length || !newIds.length) return [];
  const old = replacedIds.map(str).join(', ');
  const moved = (side: 'earlier' | 'later') => `(d.${side}_dataset_id IN (${old}) AND d.${side}_finding_id IN (SELECT finding_id FROM carried_ids))`;
  return [
    // finding id → its dataset in the new file, built once for the statements below.
    `CREATE OR REPLACE TEMP TABLE carried_ids AS SELECT finding_id, min(dataset_id) AS new_id FROM findings
WHERE dataset_id IN (${newIds.map(str).join(', ')}) AND finding_id IS NOT NULL GROUP BY finding_id`,
    `CREATE OR REPLACE TEMP TABLE carried_decisions AS
SELECT coalesce(me.new_id, d.earlier_dataset_id) AS earlier_dataset_id, d.earlier_finding_id,
  coalesce(ml.new_id, d.later_dataset_id) AS later_dataset_id, d.later_finding_id, d.rule, d.score, d.decision, d.decided_at
FROM repeat_decisions d
LEFT JOIN carried_ids me ON d.earlier_dataset_id IN (${old}) AND me.finding_id = d.earlier_finding_id
LEFT JOIN carried_ids ml ON d.later_dataset_id IN (${old}) AND ml.finding_id = d.later_finding_id
WHERE me.new_id IS NOT NULL OR ml.new_id IS NOT NULL`,
    `DELETE FROM repeat_decisions d WHERE ${moved('earlier')} OR ${moved('later')}`,
    `INSERT OR REPLACE INTO repeat_decisions SELECT * FROM carried_decisions`,
    'DROP TABLE carried_decisions',
    'DROP TABLE carried_ids',
  ];
}
