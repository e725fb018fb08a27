import type { Engine } from '../db/types';
import { ident } from '../queries/sql';
import type { SheetPlan } from './plan';

/**
 * Share of problems two ledgers must have in common, both ways, for one to be read as a later
 * version of the other: offices send the same ledger again every month, its statuses moved on.
 */
export const LATER_VERSION_SHARE = 0.8;

/** A stored dataset a new file looks like a later version of. */
export interface LaterVersion {
  datasetId: string;
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
      return { datasetId: best.dataset_id, same, rows };
    }
  }
  return null;
}
