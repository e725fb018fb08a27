import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyTables } from '../../../src/lib/db/copyTables';
import { openNodeEngine } from '../../../src/lib/db/node';

describe('copyTables on the real engine', () => {
  let from: Awaited<ReturnType<typeof openNodeEngine>>;
  let to: Awaited<ReturnType<typeof openNodeEngine>>;
  beforeEach(async () => {
    from = await openNodeEngine();
    to = await openNodeEngine();
  });
  afterEach(() => {
    from.close();
    to.close();
  });

  const describeTable = (e: typeof from, t: string) =>
    e.query<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE "${t.replaceAll('"', '""')}")`);

  it('copies a temporary table with exact column types, NULLs, dates, integers up to 2^53 and awkward names', async () => {
    await from.exec(`CREATE TEMP TABLE "we""ird 表" AS SELECT * FROM (VALUES
      (1, 'a''b', DATE '2024-02-29', true, 9007199254740991::BIGINT, 1.5::DOUBLE, 3::HUGEINT),
      (2, NULL, NULL, NULL, NULL, NULL, NULL)) v(id, "名 称", d, flag, big, x, h)`);
    await copyTables(from, to, ['we"ird 表']);
    expect(await describeTable(to, 'we"ird 表')).toEqual(await describeTable(from, 'we"ird 表'));
    const read = 'SELECT id, "名 称", CAST(d AS VARCHAR) AS d, flag, CAST(big AS VARCHAR) AS big, x, CAST(h AS VARCHAR) AS h FROM "we""ird 表" ORDER BY id';
    expect(await to.query(read)).toEqual(await from.query(read));
    expect((await to.query<{ big: string }>(read))[0].big).toBe('9007199254740991');
  });

  it('replaces a table of the same name in the target', async () => {
    await from.exec('CREATE TABLE t AS SELECT 1 AS a, 2 AS b');
    await to.exec("CREATE TABLE t AS SELECT 'old' AS c FROM range(5)");
    await copyTables(from, to, ['t']);
    expect(await to.query('SELECT * FROM t')).toEqual([{ a: 1, b: 2 }]);
  });

  it('copies an empty table', async () => {
    await from.exec('CREATE TABLE e (a INTEGER, d DATE)');
    await copyTables(from, to, ['e']);
    expect(await describeTable(to, 'e')).toEqual(await describeTable(from, 'e'));
    expect(await to.query('SELECT count(*)::INTEGER AS n FROM e')).toEqual([{ n: 0 }]);
  });

  it('fails on a table the source does not have', async () => {
    await expect(copyTables(from, to, ['missing'])).rejects.toThrow('no table missing');
  });
});
