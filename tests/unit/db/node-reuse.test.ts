import { test, expect } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { registeredFile } from '../../../src/lib/db/settings';

/**
 * The Node engine reuses the wasm instance of a closed engine (node.ts): the next engine must still
 * be a fresh, empty, configured database, whatever the last one left behind.
 */
test('an engine opened after another was closed starts empty: no tables, no files, the same settings', async () => {
  const a = await openNodeEngine();
  const settings = async (e: typeof a) => e.query(`SELECT current_database() AS db, current_setting('search_path') AS path,
    (SELECT count(*) FROM duckdb_databases() WHERE database_name IN ('store', 'import_scratch'))::INTEGER AS attached`);
  const before = await settings(a);
  await a.exec('CREATE TABLE left_behind AS SELECT 1 AS x');
  await a.exec('CREATE TABLE import_scratch.main.scratch_left AS SELECT 1 AS x');
  await a.exec('CREATE TEMP TABLE temp_left AS SELECT 1 AS x');
  await a.registerFile(registeredFile('left.csv'), new TextEncoder().encode('a\n1\n'));
  await a.exec('SET threads = 1');
  a.close();
  const b = await openNodeEngine();
  try {
    expect(await settings(b)).toEqual(before);
    expect(await b.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%left%'")).toEqual([]);
    await expect(b.query(`SELECT * FROM read_csv('${registeredFile('left.csv')}')`)).rejects.toThrow();
    // Both usable at once: a second open while b is in use gets an instance of its own.
    const c = await openNodeEngine();
    await c.exec('CREATE TABLE only_c AS SELECT 2 AS y');
    expect(await b.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'only_c'")).toEqual([{ n: 0 }]);
    c.close();
  } finally {
    b.close();
  }
});

test('an engine closed twice goes back to the pool once: two engines opened afterwards do not share a database', async () => {
  const a = await openNodeEngine();
  a.close();
  a.close();
  const b = await openNodeEngine();
  const c = await openNodeEngine();
  try {
    await b.exec('CREATE TABLE only_b AS SELECT 1 AS x');
    await c.exec('CREATE TABLE only_c AS SELECT 1 AS x');
    expect(await b.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'only_%'")).toEqual([{ table_name: 'only_b' }]);
  } finally {
    b.close();
    c.close();
  }
});
