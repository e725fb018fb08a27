import type { Engine } from '../db/types';
import { inTransaction } from '../db/transaction';
import { FINDINGS_COLUMNS } from '../db/schema';
import { LEDGER_FIELDS, fieldByKey } from '../domain/fields';
import { sourceColumn } from './normalise/raw';
import { date, ident, literal, num, str } from '../queries/sql';
import { checkCancelled } from './errors';
import { readRejected } from './rejected-rows';
import type { SheetPlan } from './plan';
import type { RoundRow } from './round-lookup';
import { mergeTermlessRounds, roundDatesSql, type RoundMerge } from './round-merge';
import { passOnSuperseded, supersedeFindings } from './supersede';
import { respell, storedSpellings } from './round-spelling';
import { carryDecisionsSql, pairDecidedFindings } from './carry-decisions';

/**
 * The one write of an import: every sheet's findings, issues and dataset row, the rounds upsert,
 * the removal of a replaced dataset and of the stored findings the file updates, in ONE
 * transaction. Any failure rolls back, so the database is exactly as before.
 */
export interface DatasetMeta {
  file: string;
  fileSize: number;
  sha256: string;
  format: string;
  encoding?: string;
  isSample: boolean;
  importedAt: string;
}

/** The header text an issue column is shown with: the file's own, else the canonical one. */
export function columnLabel(plan: SheetPlan, key: string): string {
  if (!key) return '';
  const col = sourceColumn(plan.prepared, key);
  return (col !== undefined ? plan.prepared.headers[col] : null) ?? fieldByKey(key)?.header ?? key;
}

function columnLabelSql(plan: SheetPlan): string {
  // Every field an issue may name, also one without a column (the year_missing line names 年度).
  const keys = [...new Set([...plan.prepared.columns.keys(), ...LEDGER_FIELDS.map((f) => f.key)])];
  return `CASE column_key ${keys.map((k) => `WHEN ${str(k)} THEN ${str(columnLabel(plan, k))}`).join(' ')} ELSE column_key END`;
}

/**
 * Ids of datasets to remove with `replaceDatasetId`: it, and those of its sibling sheets of the same file
 * that the new file has a sheet of the same name for (an updated workbook replaces its sheets; a CSV of
 * one county's rows replaces only the sheet picked, and the workbook's other sheets stay).
 */
export async function datasetsToReplace(engine: Engine, id: string, newSheets: readonly (string | undefined)[]): Promise<string[]> {
  const names = newSheets.filter((n): n is string => n !== undefined);
  const rows = await engine.query<{ dataset_id: string }>(`SELECT dataset_id FROM datasets WHERE dataset_id = ${str(id)}
    OR (sha256 IS NOT NULL AND sha256 = (SELECT sha256 FROM datasets WHERE dataset_id = ${str(id)})
      AND list_contains([${names.map(str).join(', ')}]::VARCHAR[], sheet))`);
  return rows.map((r) => r.dataset_id);
}

/** The ids among `ids` that name a stored dataset. */
export async function storedDatasets(engine: Engine, ids: string[]): Promise<string[]> {
  const rows = await engine.query<{ dataset_id: string }>(`SELECT dataset_id FROM datasets WHERE dataset_id IN (${ids.map(str).join(', ')})`);
  return rows.map((r) => r.dataset_id);
}

// Rejected rows written per statement: a row may hold a 100,000-character cell.
const REJECTED_BATCH = 200;

/** `YYYY-MM-DD HH:MM:SS` in UTC: how `datasets.imported_at` is written. */
export function importTimestamp(now = new Date()): string {
  return now.toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * Writes everything in one transaction; rethrows after ROLLBACK. Returns the rounds merged by term
 * (round-merge.ts), which the first dataset's report names. A cancel (`signal`) seen before the COMMIT
 * rolls it back: the file leaves the data as it was. `onCommitting` is called once the last cancel has
 * been looked for, as the COMMIT is sent: from then on the file is stored whatever the analyst clicks
 * (a large file's COMMIT writes the whole WAL to OPFS, which takes seconds), so the page stops offering a cancel.
 */
export async function commitPlans(engine: Engine, plans: SheetPlan[], meta: DatasetMeta, targets: { replace: string[]; updates?: string; updated?: string[] },
  signal?: AbortSignal, onCommitting?: () => void): Promise<RoundMerge[]> {
  const { replace } = targets;
  const cols = FINDINGS_COLUMNS.map(([n]) => n);
  let merges: RoundMerge[] = [];
  await inTransaction(engine, async (tx) => {
    const affected = new Set<string>();
    // The round as the datasets the file replaces or updates write it (round-spelling.ts), read before they go.
    const spellings = await storedSpellings(tx, plans, [...replace, ...(targets.updated ?? [])]);
    // The replaced findings the analyst's repeat decisions name, paired with the new rows (carry-decisions.ts).
    const carry = await pairDecidedFindings(tx, plans, replace);
    if (replace.length) {
      const ids = replace.map(str).join(', ');
      for (const r of await tx.query<{ round_key: string }>(`SELECT DISTINCT round_key FROM findings WHERE dataset_id IN (${ids})`)) {
        affected.add(r.round_key);
      }
      await tx.exec(`DELETE FROM findings WHERE dataset_id IN (${ids})`);
      await tx.exec(`DELETE FROM import_issues WHERE dataset_id IN (${ids})`);
      await tx.exec(`DELETE FROM rejected_rows WHERE dataset_id IN (${ids})`);
      await tx.exec(`DELETE FROM datasets WHERE dataset_id IN (${ids})`);
      // A replaced dataset's own kept-aside rows go with it (supersede.ts).
      await tx.exec(`DELETE FROM superseded_findings WHERE dataset_id IN (${ids})`);
    }
    for (const plan of plans) {
      checkCancelled(signal);
      const sheet = plan.prepared.sheet === undefined ? 'NULL' : str(plan.prepared.sheet);
      await tx.exec(`INSERT INTO findings (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM ${ident(plan.final)}`);
      await tx.exec(`INSERT INTO import_issues SELECT ${str(plan.datasetId)}, ${str(meta.file)}, ${sheet}, src_row,
        ${columnLabelSql(plan)}, value, severity, code, 'import.issue.' || code FROM ${ident(plan.issues)}`);
      // Every rejected row, a batch at a time: the download is the analyst's way back to all of them.
      for (let at = 0; ; at += REJECTED_BATCH) {
        const rejected = await readRejected(tx, plan.prepared, plan.rejectedCells, REJECTED_BATCH, at);
        if (!rejected.length) break;
        await tx.exec(`INSERT INTO rejected_rows VALUES ${rejected
          .map((r) => `(${str(plan.datasetId)}, ${num(r.row)}, ${str(JSON.stringify(r.cells))})`).join(', ')}`);
        if (rejected.length < REJECTED_BATCH) break;
      }
      const mapping = JSON.stringify(Object.fromEntries([...plan.prepared.columns].map(([k, c]) => [plan.prepared.headers[c], k])));
      const c = plan.counts;
      // The date the ledger speaks of; none for one that holds no date (checked against today, which is no fact of it).
      await tx.exec(`INSERT INTO datasets VALUES (${str(plan.datasetId)}, ${str(meta.file)}, ${num(meta.fileSize)},
        ${str(meta.sha256)}, ${sheet}, ${str(meta.format)}, ${meta.encoding ? str(meta.encoding) : 'NULL'}, ${str(mapping)},
        TIMESTAMP ${str(meta.importedAt)}, ${plan.datedAt ? date(plan.datedAt) : 'NULL'}, ${num(c.accepted)}, ${num(c.warned)},
        ${num(c.rejected)}, ${num(c.skipped)}, ${meta.isSample ? 'true' : 'false'})`);
      for (const r of plan.rounds) if (r.round_key) affected.add(r.round_key);
    }
    for (const key of await respell(tx, plans.map((p) => p.datasetId), spellings)) affected.add(key);
    // The analyst's repeat decisions on the replaced file's findings follow them to the new file.
    if (carry) for (const statement of carryDecisionsSql()) await tx.exec(statement);
    // Findings the replaced datasets had updated are held by the new file's rows of them (supersede.ts), and stored
    // problems the file updates are its rows now.
    for (const key of await passOnSuperseded(tx, plans, replace)) affected.add(key);
    for (const key of await supersedeFindings(tx, targets.updates, meta.file)) affected.add(key);
    await upsertRounds(tx, plans.flatMap((p) => p.rounds), affected);
    // Rows of rounds written without their term, placed afresh with this file in (round-merge.ts).
    merges = await mergeTermlessRounds(tx);
    checkCancelled(signal);
    onCommitting?.();
  });
  return merges;
}

/**
 * Rounds: one row per key still used, its dates from its findings (roundDatesSql, the one place
 * they are computed); keys no finding uses any more are removed.
 */
async function upsertRounds(engine: Engine, resolved: RoundRow[], affected: Set<string>): Promise<void> {
  if (!affected.size) return;
  const keys = [...affected];
  const list = keys.map(str).join(', ');
  const byKey = new Map<string, RoundRow>();
  for (const r of resolved) if (r.round_key && affected.has(r.round_key) && !byKey.has(r.round_key)) byKey.set(r.round_key, r);
  const rows = [...byKey].map(([key, r]) => `(${str(key)}, ${literal(r.committee)}, ${literal(r.inspector_level)},
    ${literal(r.inspection_kind)}, ${literal(r.term)}, ${literal(r.round_no)}, ${literal(r.round_label)}, NULL, NULL)`);
  if (rows.length) await engine.exec(`INSERT OR REPLACE INTO rounds VALUES ${rows.join(', ')}`);
  await engine.exec(`DELETE FROM rounds WHERE round_key IN (${list})
    AND round_key NOT IN (SELECT DISTINCT round_key FROM findings WHERE round_key IN (${list}))`);
  await engine.exec(roundDatesSql(keys));
}
