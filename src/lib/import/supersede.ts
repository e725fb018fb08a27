import type { Engine } from '../db/types';
import { ident, str } from '../queries/sql';
import { moveDecisionsSql } from '../queries/repeats/decisions';
import { matchTimeColumnsSql } from './same-finding';
import { VERSION_MATCH, newRowsSql } from './later-version';
import type { SheetPlan } from './plan';

/**
 * A file that updates some problems of stored datasets (later-version.ts `part`: a 立行立改 list, a monthly list of
 * the open items) replaces the stored findings its rows hold again, matched as the question matched them
 * (VERSION_MATCH); the datasets' other findings stay. Each side's report says so row by row, as `info`.
 */

/** The stored findings of `updated` the new rows hold, each with the new row (dataset, finding id) that replaces it. */
function supersededSql(plans: SheetPlan[], updated: string[]): string {
  const ids = updated.map(str).join(', ');
  return `SELECT o.rid, o.dataset_id, o.finding_id, o.source_row, o.round_key,
      min({'d': n.new_dataset_id, 'f': n.new_finding_id, 'r': n.src_row}) AS upd
    FROM (${newRowsSql(plans, ', f.finding_id AS new_finding_id, f.dataset_id AS new_dataset_id, f.src_row')}) n
    JOIN (SELECT f.rowid AS rid, f.dataset_id, f.finding_id, f.source_row, ${matchTimeColumnsSql('f')} FROM findings f
      WHERE f.dataset_id IN (${ids}) AND f.norm_title IS NOT NULL) o ON ${VERSION_MATCH}
    GROUP BY ALL`;
}

/**
 * Before the report is built: each new row that replaces a stored finding is named in its sheet's issues
 * (`updates_existing`, the stored dataset's file and sheet as the value).
 */
export async function noteUpdates(engine: Engine, plans: SheetPlan[], updated: string[]): Promise<void> {
  const ids = updated.map(str).join(', ');
  for (const plan of plans.filter((p) => p.counts.accepted > 0)) {
    await engine.exec(`INSERT INTO ${ident(plan.issues)}
      SELECT n.src_row, 'problem_title', min(d.file_name || coalesce(' / ' || d.sheet, '')), 'info', 'updates_existing'
      FROM (SELECT ${matchTimeColumnsSql('f')}, f.county_by_round, f.src_row FROM ${ident(plan.final)} f) n
      JOIN (SELECT f.dataset_id, ${matchTimeColumnsSql('f')} FROM findings f WHERE f.dataset_id IN (${ids}) AND f.norm_title IS NOT NULL) o
        ON ${VERSION_MATCH}
      JOIN datasets d ON d.dataset_id = o.dataset_id
      GROUP BY n.src_row`);
  }
}

/**
 * In the import's transaction, after the new findings are written: moves the analyst's repeat decisions on the
 * replaced findings to the rows that replace them, names each replaced row in its dataset's issues
 * (`superseded`, the new file as the value) and deletes it. Returns the rounds of the deleted findings.
 */
export async function supersedeFindings(tx: Engine, plans: SheetPlan[], updated: string[], file: string): Promise<string[]> {
  if (!updated.length) return [];
  await tx.exec(`CREATE OR REPLACE TEMP TABLE superseded AS ${supersededSql(plans, updated)}`);
  try {
    // One row replacing each stored (dataset, finding id): an id the ledger wrote twice moves once.
    for (const statement of moveDecisionsSql(`SELECT from_dataset, from_finding, m.d AS to_dataset, m.f AS to_finding FROM (
      SELECT dataset_id AS from_dataset, finding_id AS from_finding, min(upd) AS m FROM superseded GROUP BY ALL)`)) await tx.exec(statement);
    await tx.exec(`INSERT INTO import_issues SELECT s.dataset_id, d.file_name, d.sheet, s.source_row, '', ${str(file)}, 'info',
      'superseded', 'import.issue.superseded' FROM superseded s JOIN datasets d ON d.dataset_id = s.dataset_id`);
    await tx.exec('DELETE FROM findings WHERE rowid IN (SELECT rid FROM superseded)');
    return (await tx.query<{ round_key: string }>('SELECT DISTINCT round_key FROM superseded')).map((r) => r.round_key);
  } finally {
    await tx.exec('DROP TABLE IF EXISTS superseded');
  }
}
