import type { Engine } from '../db/types';
import { ident } from '../queries/sql';
import type { SheetPlan } from './plan';

/**
 * Share of problems two ledgers must have in common, both ways, for one to be read as a later
 * version of the other: offices send the same ledger again every month, its statuses moved on.
 */
export const LATER_VERSION_SHARE = 0.8;

/** A stored dataset a new file looks like a later version of, or stored datasets it holds. */
export interface LaterVersion {
  datasetId: string;
  /** Every stored dataset to replace: the one, or each the file holds (a 汇总 of stored county ledgers). */
  datasetIds: string[];
  /** Problems (round, unit, title) the new sheet and the stored dataset have in common. */
  same: number;
  /** Problems in the new sheet. */
  rows: number;
}

/**
 * The stored dataset (the sample aside, which the import replaces anyway) whose problems, by round,
 * unit and normalised title, are at least LATER_VERSION_SHARE of a new sheet's and make up as much
 * of its own: importing the sheet beside it would count each problem twice. Null when no sheet is
 * such a version. Only read when the plan already warned most of its rows as `duplicate_existing`.
 */
export async function laterVersionOf(engine: Engine, plans: SheetPlan[]): Promise<LaterVersion | null> {
  for (const plan of plans) {
    const rows = plan.counts.accepted;
    if (!rows) continue;
    const [{ dup }] = await engine.query<{ dup: number }>(`SELECT CAST(count(DISTINCT src_row) AS INTEGER) AS dup
      FROM ${ident(plan.issues)} WHERE code = 'duplicate_existing'`);
    if (Number(dup) < LATER_VERSION_SHARE * rows) continue;
    const keys = 'round_key, unit_name, norm_title';
    const [best] = await engine.query<{ dataset_id: string; same: number; new_keys: number; old_keys: number }>(`
      WITH n AS (SELECT DISTINCT ${keys} FROM ${ident(plan.final)} WHERE norm_title IS NOT NULL),
        o AS (SELECT DISTINCT f.dataset_id, ${keys.split(', ').map((k) => `f.${k}`).join(', ')} FROM findings f
          JOIN datasets d ON d.dataset_id = f.dataset_id AND NOT coalesce(d.is_sample, false) WHERE f.norm_title IS NOT NULL)
      SELECT o.dataset_id, CAST(count(*) AS INTEGER) AS same, (SELECT CAST(count(*) AS INTEGER) FROM n) AS new_keys,
        (SELECT CAST(count(*) AS INTEGER) FROM o o2 WHERE o2.dataset_id = o.dataset_id) AS old_keys
      FROM n JOIN o USING (${keys}) GROUP BY o.dataset_id ORDER BY same DESC, o.dataset_id LIMIT 1`);
    if (!best) continue;
    const same = Number(best.same);
    if (same >= LATER_VERSION_SHARE * Number(best.new_keys) && same >= LATER_VERSION_SHARE * Number(best.old_keys)) {
      return { datasetId: best.dataset_id, datasetIds: [best.dataset_id], same, rows };
    }
  }
  return heldDatasets(engine, plans);
}

/**
 * Stored datasets (the sample aside) at least LATER_VERSION_SHARE of whose problems the new file
 * holds, by round, unit and title, where the file holds more besides (a 汇总 of the county ledgers
 * already imported, with counties of its own): beside them it would count their problems twice.
 * Null when there are none. Only read when the plans warned some rows as `duplicate_existing`.
 */
async function heldDatasets(engine: Engine, plans: SheetPlan[]): Promise<LaterVersion | null> {
  const withRows = plans.filter((p) => p.counts.accepted > 0);
  if (!withRows.length) return null;
  const [{ dup }] = await engine.query<{ dup: number }>(`SELECT CAST(count(*) AS INTEGER) AS dup FROM (${withRows
    .map((p) => `SELECT 1 FROM ${ident(p.issues)} WHERE code = 'duplicate_existing'`).join(' UNION ALL ')})`);
  if (!Number(dup)) return null;
  const keys = 'round_key, unit_name, norm_title';
  const rows = withRows.reduce((n, p) => n + p.counts.accepted, 0);
  const held = await engine.query<{ dataset_id: string; same: number }>(`
    WITH n AS (SELECT DISTINCT ${keys} FROM (${withRows.map((p) => `SELECT ${keys} FROM ${ident(p.final)}`).join(' UNION ALL ')}) WHERE norm_title IS NOT NULL),
      o AS (SELECT DISTINCT f.dataset_id, ${keys.split(', ').map((k) => `f.${k}`).join(', ')} FROM findings f
        JOIN datasets d ON d.dataset_id = f.dataset_id AND NOT coalesce(d.is_sample, false) WHERE f.norm_title IS NOT NULL)
    SELECT o.dataset_id, CAST(count(n.norm_title) AS INTEGER) AS same FROM o LEFT JOIN n USING (${keys})
    GROUP BY o.dataset_id HAVING count(n.norm_title) > 0 AND count(n.norm_title) >= ${LATER_VERSION_SHARE} * count(*)
    ORDER BY same DESC, o.dataset_id`);
  if (!held.length) return null;
  return { datasetId: held[0].dataset_id, datasetIds: held.map((h) => h.dataset_id), same: held.reduce((n, h) => n + Number(h.same), 0), rows };
}
