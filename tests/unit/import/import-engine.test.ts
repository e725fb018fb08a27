import { expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { importEngine } from '../../../src/lib/import/import-engine';
import { textFixtures } from '../../fixtures/make-fixtures';
import { freshEngine, importOk, tableCounts } from './helpers';

/** The import's working tables and views still in the engine. */
async function workingTables(e: Engine): Promise<string[]> {
  const rows = await e.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, '__import_')
    UNION ALL SELECT view_name FROM duckdb_views() WHERE starts_with(view_name, '__import_')`);
  return rows.map((r) => r.name);
}

/** The real engine, with `hook` called on each statement before it is run (a throw fails that statement). */
function watched(engine: Engine, hook: (sql: string) => void): Engine {
  return {
    ...engine,
    query: (sql) => (hook(sql), engine.query(sql)),
    exec: async (sql) => (hook(sql), engine.exec(sql)),
    transaction: (work) => engine.transaction((tx) => work(watched(tx, hook))),
  } as Engine;
}

// Normalising a sheet is some thirty statements, seconds on 200,000 rows; the cancel used to wait for all of them
// (helper-125: 5.7 to 7.4 s after the click). It now stops the import at its next statement.
test('a cancel while the sheet is being normalised stops the import at its next statement, and leaves nothing behind', async () => {
  const e = await freshEngine();
  await importOk(e, 'messy.csv', textFixtures()['messy-utf8.csv']);
  const before = await tableCounts(e);
  const ctl = new AbortController();
  const after: string[] = [];
  const res = await importFile(watched(e, (sql) => {
    if (ctl.signal.aborted) after.push(sql);
    // Aborted as the normalised table is being made, the middle of planSheet.
    else if (/^CREATE TABLE \S*"__import_norm_/.test(sql)) ctl.abort();
  }), { name: 'v2.csv', bytes: textFixtures()['messy-gbk.csv'] }, { signal: ctl.signal, allowDuplicate: true });
  expect(!res.ok && 'error' in res && res.error.code).toBe('cancelled');
  // Only the cleanup ran after the cancel.
  expect(after.filter((sql) => !/^DROP /.test(sql))).toEqual([]);
  expect(after.length).toBeGreaterThan(0);
  expect(await workingTables(e)).toEqual([]);
  expect(await tableCounts(e)).toEqual(before);
  e.close();
});

// A table planSheet had made was dropped only once it returned: an engine error inside it left the import's
// normalised rows and issues in memory until the page closed.
test('a failure while a sheet is normalised leaves no working table behind', async () => {
  const e = await freshEngine();
  const res = await importFile(watched(e, (sql) => {
    if (/^INSERT INTO "__import_issues_/.test(sql)) throw new Error('forced failure');
  }), { name: 'x.csv', bytes: textFixtures()['messy-gbk.csv'] });
  expect(!res.ok && 'error' in res && [res.error.code, res.error.vars?.detail]).toEqual(['write_failed', 'forced failure']);
  expect(await workingTables(e)).toEqual([]);
  expect(await tableCounts(e)).toEqual({ findings: 0, rounds: 0, datasets: 0, issues: 0, superseded: 0, decisions: 0 });
  e.close();
});

test('the import engine refuses all but DROP once cancelled, and records the working tables made through it', async () => {
  const e = await freshEngine();
  const ctl = new AbortController();
  const work = importEngine(e, ctl.signal);
  await work.engine.exec('CREATE TABLE import_scratch.main."__import_a_1" (x INTEGER)');
  await work.engine.exec('CREATE TEMP VIEW "__import_view_b_2" AS SELECT 1 AS x');
  await work.engine.transaction((tx) => tx.exec('CREATE TABLE "__import_c_3" AS SELECT 1 AS x'));
  // Only tables named as the importer names them (tempName) are its own.
  await work.engine.exec('CREATE TABLE scratch_other AS SELECT 1 AS x');
  expect(work.made()).toEqual(['__import_a_1', '__import_view_b_2', '__import_c_3']);
  ctl.abort();
  await expect(work.engine.query('SELECT 1')).rejects.toThrow('cancelled');
  await expect(work.engine.exec('CREATE TABLE "__import_d_4" (x INTEGER)')).rejects.toThrow('cancelled');
  await expect(work.engine.transaction((tx) => tx.exec('SELECT 1'))).rejects.toThrow('cancelled');
  await expect(work.engine.insertJSONRows('scratch_other', [{ x: 2 }])).rejects.toThrow('cancelled');
  await work.engine.exec('DROP TABLE import_scratch.main."__import_a_1"');
  expect(await e.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '__import_a_1'`)).toEqual([{ n: 0 }]);
  expect(await e.query('SELECT x FROM scratch_other')).toEqual([{ x: 1 }]);
  e.close();
});

// helper-127: a cancel during the statement that finds the stored copy still asked whether to keep both.
test('a cancel during the last statement before a question asks nothing: the import is cancelled', async () => {
  const e = await freshEngine();
  await importOk(e, 'messy.csv', textFixtures()['messy-utf8.csv']);
  const ctl = new AbortController();
  const res = await importFile(watched(e, (sql) => {
    if (/^SELECT dataset_id FROM datasets WHERE sha256/.test(sql)) ctl.abort();
  }), { name: 'copy.csv', bytes: textFixtures()['messy-utf8.csv'] }, { signal: ctl.signal });
  expect(!res.ok && 'error' in res && res.error.code).toBe('cancelled');
  expect(await workingTables(e)).toEqual([]);
  e.close();
});
