import { afterEach, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import * as XLSX from '@e965/xlsx';
import { openNodeEngine } from '../../../src/lib/db/node';
import { SCHEMA_DDL } from '../../../src/lib/db/schema';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { joinBytes as joinParts } from '../../../src/lib/import/bytes';
import type { DatasetReport, ImportOptions, ImportResult } from '../../../src/lib/import';
import { derivedTableStatements } from '../../../src/lib/queries/cube';
import { readCatalogue, type Catalogue } from '../../../src/lib/state/catalogue';
import { saveDecisionSql } from '../../../src/lib/queries/repeats/decisions';

/** A fresh engine with the schema created. */
export async function freshEngine(): Promise<Engine & { close(): void }> {
  const e = await openNodeEngine();
  for (const s of SCHEMA_DDL) await e.exec(s);
  return e;
}

/**
 * A fresh engine holding the embedded sample, imported by the app's importer, with the derived
 * tables built as the page builds them after a data change; and its catalogue.
 */
export async function sampleEngineWithCube(): Promise<{ engine: Engine & { close(): void }; catalogue: Catalogue }> {
  const engine = await freshEngine();
  await importOk(engine, 'sample-ledger.csv', new Uint8Array(readFileSync('data/sample-ledger.csv')));
  for (const s of derivedTableStatements()) await engine.exec(s);
  return { engine, catalogue: await readCatalogue(engine) };
}

/** Imports and insists on success; returns the reports. */
export async function importOk(engine: Engine, name: string, bytes: Uint8Array, opts?: ImportOptions): Promise<DatasetReport[]> {
  const res: ImportResult = await importFile(engine, { name, bytes }, opts);
  if (!res.ok) throw new Error(`import failed: ${JSON.stringify(res)}`);
  return res.datasets;
}

/**
 * Imports as the page does when the analyst takes the later-version question's first answer: update (a list of some
 * problems), else replace and update. Throws when no question is asked. Returns the question and the import's report.
 */
export async function importAnswered(engine: Engine, name: string, bytes: Uint8Array) {
  const [asked] = await importOk(engine, name, bytes);
  const later = asked.laterVersionOf;
  if (!later) throw new Error(`no question asked for ${name}`);
  const opts: ImportOptions = later.part ? { updateDatasetIds: later.datasetIds } : { replaceDatasetIds: later.datasetIds, updateDatasetIds: later.updateIds };
  return { asked: later, report: (await importOk(engine, name, bytes, opts))[0] };
}

/**
 * Confirms a repeat link from an earlier round's finding to each stored finding titled `title`, in row order: one earlier
 * finding a row, `${earlier}${k}` of dataset earlier-ds.
 */
export async function decideOnTitle(engine: Engine, title: string, earlier = 'earlier-'): Promise<void> {
  const rows = await engine.query<{ dataset_id: string; finding_id: string }>(
    `SELECT dataset_id, finding_id FROM findings WHERE problem_title = '${title}' ORDER BY source_row`);
  for (const [k, f] of rows.entries()) {
    await engine.exec(saveDecisionSql({ earlierDatasetId: 'earlier-ds', earlierFindingId: `${earlier}${k}`, laterDatasetId: f.dataset_id,
      laterFindingId: f.finding_id, rule: 'same_unit_l2', score: 0.8, decision: 'confirmed', decidedAt: '2026-12-01T08:00:00Z' }));
  }
}

/** Row counts of the persistent tables, to prove a failed import changed nothing. */
export async function tableCounts(engine: Engine): Promise<Record<string, number>> {
  const [r] = await engine.query<Record<string, number>>(`SELECT
    (SELECT count(*) FROM findings) AS findings, (SELECT count(*) FROM rounds) AS rounds,
    (SELECT count(*) FROM datasets) AS datasets, (SELECT count(*) FROM import_issues) AS issues,
    (SELECT count(*) FROM superseded_findings) AS superseded, (SELECT count(*) FROM repeat_decisions) AS decisions`);
  return r;
}

/** Issues of a report as {row, code} pairs of one severity, sorted. */
export function issuesOf(report: DatasetReport, severity: 'error' | 'warning' | 'info') {
  return report.issues
    .filter((i) => i.severity === severity)
    .map((i) => ({ row: i.row, code: i.code }))
    .sort((a, b) => a.row - b.row || a.code.localeCompare(b.code));
}

/** Bytes of a text in UTF-8 and in GBK (iconv-lite), and several byte arrays one after the other. */
export const utf8 = (s: string) => new TextEncoder().encode(s);
export const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));
export const joinBytes = (...parts: Uint8Array[]) => joinParts(parts);

/** An XLSX workbook of one sheet from rows, with cells merged over the given ranges ('A3:A5'). */
export function mergedWorkbook(rows: (string | number | null)[][], merges: string[], sheet = 'Sheet1'): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!merges'] = merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/**
 * A fresh engine for each test of the file, opened before it and closed after it: the handle forwards to the
 * current one (use it inside tests, not at collection time).
 */
export function engineEachTest(): Engine & { close(): void } {
  let current: (Engine & { close(): void }) | undefined;
  beforeEach(async () => {
    current = await freshEngine();
  });
  afterEach(() => {
    current?.close();
    current = undefined;
  });
  return new Proxy({} as Engine & { close(): void }, {
    get(_target, key) {
      if (!current) throw new Error('the engine opens in beforeEach');
      const value = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/** The real engine, failing on the first statement that matches (inside a transaction too). */
export function failingOn(engine: Engine, pattern: RegExp, message = 'forced failure'): Engine {
  return {
    query: engine.query.bind(engine),
    queryOne: engine.queryOne.bind(engine),
    queryArrowIPC: engine.queryArrowIPC.bind(engine),
    registerFile: engine.registerFile.bind(engine),
    dropFile: engine.dropFile.bind(engine),
    insertArrowIPC: engine.insertArrowIPC.bind(engine),
    insertJSONRows: engine.insertJSONRows.bind(engine),
    async exec(sql: string) {
      if (pattern.test(sql)) throw new Error(message);
      return engine.exec(sql);
    },
    transaction: (work) => engine.transaction((tx) => work(failingOn(tx, pattern, message))),
  };
}
