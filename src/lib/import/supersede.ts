import type { Engine } from '../db/types';
import { ident, str } from '../queries/sql';
import { moveDecisionsSql } from '../queries/repeats/decisions';
import { matchTimeColumnsSql } from './same-finding';
import { newRowsSql } from './later-version';
import { versionPairsSql } from './version-pairs';
import type { SheetPlan } from './plan';
import { scratchTable, tempName } from './staging';

/**
 * A file that updates some problems of stored datasets (later-version.ts `part`: a 立行立改 list, a monthly list of
 * the open items) replaces the stored findings its rows hold again, matched as the question matched them
 * (VERSION_MATCH), one row for one finding; the datasets' other findings stay. Each side's report says so row by
 * row, as `info`. A replaced finding is kept aside (superseded_findings) and comes back if the file is removed.
 */

/**
 * Pairs each new row with the stored finding of `updated` it replaces (version-pairs.ts: one to one), into a working
 * table named in `tables` (which the import drops). Then each new row that replaces a stored finding is named in its
 * sheet's issues (`updates_existing`, the stored dataset's file and sheet) in place of its `duplicate_existing` warning,
 * and the sheet's warned rows are counted again. Returns the table.
 */
export async function planUpdates(engine: Engine, plans: SheetPlan[], updated: string[], tables: string[]): Promise<string> {
  const table = tempName('updates');
  tables.push(table);
  const ids = updated.map(str).join(', ');
  await engine.exec(`CREATE TABLE ${scratchTable(table)} AS
    WITH n AS (${newRowsSql(plans, ', f.dataset_id AS new_dataset_id, f.finding_id AS new_finding_id, f.src_row')}),
      o AS (SELECT f.dataset_id, f.finding_id, f.source_row, ${matchTimeColumnsSql('f')} FROM findings f
        WHERE f.dataset_id IN (${ids}) AND f.norm_title IS NOT NULL)
    SELECT * FROM (${versionPairsSql('n', 'o')})`);
  for (const plan of plans.filter((p) => p.counts.accepted > 0)) {
    const mine = `SELECT src_row FROM ${ident(table)} WHERE new_dataset_id = ${str(plan.datasetId)}`;
    await engine.exec(`DELETE FROM ${ident(plan.issues)} WHERE code = 'duplicate_existing' AND src_row IN (${mine})`);
    await engine.exec(`INSERT INTO ${ident(plan.issues)} SELECT u.src_row, 'problem_title', d.file_name || coalesce(' / ' || d.sheet, ''),
      'info', 'updates_existing' FROM ${ident(table)} u JOIN datasets d ON d.dataset_id = u.dataset_id WHERE u.new_dataset_id = ${str(plan.datasetId)}`);
    const [{ warned }] = await engine.query<{ warned: number }>(`SELECT CAST(count(DISTINCT src_row) AS INTEGER) AS warned
      FROM ${ident(plan.issues)} WHERE severity = 'warning' AND src_row IN (SELECT src_row FROM ${ident(plan.final)})`);
    plan.counts = { ...plan.counts, warned: Number(warned) };
  }
  return table;
}

/**
 * In the import's transaction, after the new findings are written: moves the analyst's repeat decisions on the
 * replaced findings to the rows that replace them, names each replaced row in its dataset's issues (`superseded`,
 * the new file as the value), keeps it aside and deletes it. Returns the rounds of the deleted findings.
 */
export async function supersedeFindings(tx: Engine, updates: string | undefined, file: string): Promise<string[]> {
  if (!updates) return [];
  const u = ident(updates);
  for (const statement of moveDecisionsSql(`SELECT dataset_id AS from_dataset, finding_id AS from_finding,
    new_dataset_id AS to_dataset, new_finding_id AS to_finding FROM ${u}`)) await tx.exec(statement);
  await tx.exec(`INSERT INTO import_issues SELECT u.dataset_id, d.file_name, d.sheet, u.source_row, '', ${str(file)}, 'info',
    'superseded', 'import.issue.superseded' FROM ${u} u JOIN datasets d ON d.dataset_id = u.dataset_id`);
  const replaced = `f.dataset_id = u.dataset_id AND f.finding_id = u.finding_id`;
  await tx.exec(`INSERT INTO superseded_findings BY NAME SELECT f.*, u.new_dataset_id AS superseded_by, u.new_finding_id AS superseded_by_finding
    FROM findings f JOIN ${u} u ON ${replaced}`);
  await tx.exec(`DELETE FROM findings f USING ${u} u WHERE ${replaced}`);
  return (await tx.query<{ round_key: string }>(`SELECT DISTINCT round_key FROM ${u}`)).map((r) => r.round_key);
}

/**
 * Statements run before dataset `id` is removed: the stored findings its rows had replaced come back to their
 * datasets still stored, with the analyst's decisions that moved with them and their rounds (the round's dates are
 * recomputed after, as for every removal), and the `superseded` lines naming them go; a finding whose replacing row
 * was itself replaced since (a chain of updates) stays aside, held by that newer row. The rows kept aside of `id`
 * or by it are then forgotten.
 */
export function restoreSupersededSql(id: string): string[] {
  const by = (t: string) => `${t}.superseded_by = ${str(id)} AND ${t}.dataset_id <> ${str(id)} AND ${t}.dataset_id IN (SELECT dataset_id FROM datasets)`;
  return [
    `UPDATE superseded_findings s SET superseded_by = t.superseded_by, superseded_by_finding = t.superseded_by_finding
      FROM superseded_findings t WHERE s.superseded_by = ${str(id)} AND t.dataset_id = ${str(id)} AND t.finding_id = s.superseded_by_finding`,
    SUPERSEDED_BY_NAME,
    ...restoreSql(`SELECT * FROM superseded_findings s WHERE ${by('s')}`),
    `DELETE FROM superseded_findings WHERE superseded_by = ${str(id)} OR dataset_id = ${str(id)}`,
  ];
}

// Each `superseded` line names the file whose row holds its finding now.
const SUPERSEDED_BY_NAME = `UPDATE import_issues i SET value = d.file_name FROM superseded_findings s, datasets d
  WHERE i.code = 'superseded' AND i.dataset_id = s.dataset_id AND i.source_row IS NOT DISTINCT FROM s.source_row AND d.dataset_id = s.superseded_by`;

/**
 * Statements that put the kept-aside findings `rows` selects (a SELECT of superseded_findings) back: into findings,
 * with the decisions that moved to the rows that replaced them, and the rounds no finding held any more; their
 * `superseded` lines go. The caller then forgets them.
 */
function restoreSql(rows: string): string[] {
  return [
    `INSERT INTO findings BY NAME SELECT * EXCLUDE (superseded_by, superseded_by_finding) FROM (${rows})`,
    ...moveDecisionsSql(`SELECT superseded_by AS from_dataset, superseded_by_finding AS from_finding, dataset_id AS to_dataset,
      finding_id AS to_finding FROM (${rows})`),
    `DELETE FROM import_issues i WHERE i.code = 'superseded' AND EXISTS (SELECT 1 FROM (${rows}) r
      WHERE r.dataset_id = i.dataset_id AND r.source_row IS NOT DISTINCT FROM i.source_row)`,
    `INSERT INTO rounds SELECT round_key, split_part(round_key, '|', 1), any_value(inspector_level), any_value(inspection_kind), any_value(term),
      any_value(round_no), any_value(round_label), NULL, NULL FROM (${rows}) WHERE round_key NOT IN (SELECT round_key FROM rounds) GROUP BY round_key`,
  ];
}

/**
 * In the import's transaction, after the new findings are written over `replaced` datasets: the findings those had
 * replaced (kept aside) are held by the new file's rows of the same problems (version-pairs.ts) from now on; one the
 * new file no longer holds comes back. Returns the rounds of those that came back.
 */
export async function passOnSuperseded(tx: Engine, plans: SheetPlan[], replaced: string[]): Promise<string[]> {
  if (!replaced.length) return [];
  const ids = replaced.map(str).join(', ');
  const [{ n }] = await tx.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM superseded_findings WHERE superseded_by IN (${ids})`);
  if (!Number(n)) return [];
  // One to one, as the update paired them: a problem written twice, kept aside twice, is held by two rows (helper-144:
  // by min(), both were held by one row, and removing the file put one decision on both and lost the other).
  await tx.exec(`CREATE OR REPLACE TEMP TABLE passed_on AS
    WITH n AS (${newRowsSql(plans, ', f.dataset_id AS new_dataset_id, f.finding_id AS new_finding_id, f.src_row')}),
      o AS (SELECT f.dataset_id, f.finding_id, f.source_row, ${matchTimeColumnsSql('f')} FROM superseded_findings f WHERE f.superseded_by IN (${ids}))
    SELECT dataset_id, finding_id, {'d': new_dataset_id, 'f': new_finding_id} AS m FROM (${versionPairsSql('n', 'o')})`);
  try {
    await tx.exec(`UPDATE superseded_findings s SET superseded_by = p.m.d, superseded_by_finding = p.m.f FROM passed_on p
      WHERE s.superseded_by IN (${ids}) AND s.dataset_id = p.dataset_id AND s.finding_id = p.finding_id`);
    await tx.exec(SUPERSEDED_BY_NAME);
    const rest = `SELECT * FROM superseded_findings WHERE superseded_by IN (${ids})`;
    const keys = (await tx.query<{ round_key: string }>(`SELECT DISTINCT round_key FROM (${rest})`)).map((r) => r.round_key);
    for (const statement of restoreSql(rest)) await tx.exec(statement);
    await tx.exec(`DELETE FROM superseded_findings WHERE superseded_by IN (${ids})`);
    return keys;
  } finally {
    await tx.exec('DROP TABLE IF EXISTS passed_on');
  }
}
