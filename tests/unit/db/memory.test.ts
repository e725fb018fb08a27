import { describe, expect, test } from 'vitest';
import { freshDatabase } from '../../helpers/db';

// An in-memory database is created compressed (settings.ts IN_MEMORY_SQL): without it DuckDB keeps
// every findings row uncompressed and 5M findings do not fit in a wasm heap.
describe('in-memory storage', () => {
  test('tables live in the compressed database and are stored compressed', async () => {
    const db = await freshDatabase();
    expect(await db.query(`SELECT current_database() AS d`)).toEqual([{ d: 'store' }]);
    await db.exec(`INSERT INTO findings (dataset_id, finding_id, round_key, county, unit_name, category_l1, problem_title, long_term, status)
      SELECT 'd1', 'f' || i, 'r' || (i % 7), '永康市', '单位' || (i % 300), 'A', '问题' || i, false, 'completed'
      FROM range(150000) t(i)`);
    await db.exec('CHECKPOINT');
    const rows = await db.query<{ column_name: string; compression: string }>(
      `SELECT DISTINCT column_name, compression FROM pragma_storage_info('findings') WHERE segment_type = 'VARCHAR'`);
    const byColumn = (c: string) => rows.filter((r) => r.column_name === c).map((r) => r.compression);
    expect(byColumn('county').every((c) => c !== 'Uncompressed')).toBe(true);
    expect(byColumn('status').every((c) => c !== 'Uncompressed')).toBe(true);
    // Temp tables of an import are not affected: they still work alongside.
    await db.exec(`CREATE TEMP TABLE t AS SELECT 1 AS x`);
    expect(await db.query(`SELECT x FROM t`)).toEqual([{ x: 1 }]);
    db.close();
  });
});
