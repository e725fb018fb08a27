import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readOnlyConsoleQuery, consoleErrorText, engineRefusal, CONSOLE_ROW_LIMIT } from '../../../src/lib/queries/console';
import { translate } from '../../../src/lib/i18n/translate';
import { freshDatabase, insertFindings } from '../../helpers/db';
import { REGISTERED_DIR } from '../../../src/lib/db/settings';

describe('SQL console is read-only', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  beforeAll(async () => {
    db = await freshDatabase();
    await insertFindings(db, [{ county: '永康市' }, { county: '义乌市' }]);
  });
  afterAll(() => db.close());

  test('a SELECT runs, capped', async () => {
    const q = readOnlyConsoleQuery('SELECT county, count(*) AS n FROM findings GROUP BY 1 ORDER BY 1;');
    expect('sql' in q && q.sql).toBe(`SELECT * FROM (\nSELECT county, count(*) AS n FROM findings GROUP BY 1 ORDER BY 1\n) AS console_result LIMIT ${CONSOLE_ROW_LIMIT + 1}`);
    if (!('sql' in q)) throw new Error('refused');
    expect(await db.query(q.sql)).toEqual([{ county: '义乌市', n: 1 }, { county: '永康市', n: 1 }]);
  });

  test('a semicolon inside a string literal is fine', async () => {
    const q = readOnlyConsoleQuery("SELECT 'a;b' AS x");
    if (!('sql' in q)) throw new Error('refused');
    expect(await db.query(q.sql)).toEqual([{ x: 'a;b' }]);
  });

  test.each([
    ['', 'sql.empty'],
    ['  -- only a comment', 'sql.empty'],
    ['SELECT 1; DROP TABLE findings', 'sql.multiple'],
    ["SELECT 1; DELETE FROM findings WHERE ';' = ';'", 'sql.multiple'],
  ])('refuses %j', (sql, reason) => {
    expect(readOnlyConsoleQuery(sql)).toEqual({ refused: reason });
  });

  test.each([
    'DELETE FROM findings', 'drop table findings', 'UPDATE findings SET county = 1', 'PRAGMA version', 'INSTALL httpfs', 'LOAD httpfs',
    'SET threads = 1', "ATTACH 'x.db'", "COPY findings TO 'x.csv'", 'CHECKPOINT', 'CALL pragma_version()', '/* c */ DELETE FROM findings', 'EXPLAIN SELECT 1',
  ])('refuses a statement that is not a query with its own message: %s', (sql) => {
    expect(readOnlyConsoleQuery(sql)).toEqual({ refused: 'sql.readOnly' });
  });

  test.each(['(SELECT 1 AS x)', 'FROM findings SELECT count(*) AS x', 'VALUES (1)', 'TABLE findings', 'SUMMARIZE findings', 'DESCRIBE findings', 'DESC findings', 'SHOW TABLES',
    'PIVOT findings ON county USING count(*)', 'PIVOT_WIDER findings ON county USING count(*)'])(
    'runs a query whatever its first keyword: %s', async (sql) => {
      const q = readOnlyConsoleQuery(sql);
      if (!('sql' in q)) throw new Error(`refused ${sql}`);
      await db.query(q.sql);
    });

  test('the example query in both languages runs', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const q = readOnlyConsoleQuery(translate(lang, 'sql.example'));
      if (!('sql' in q)) throw new Error('refused');
      expect(await db.query(q.sql)).toHaveLength(2);
    }
  });

  test("an engine error names the analyst's lines, once, and never the wrapper's", async () => {
    const error = async (sql: string) => {
      const q = readOnlyConsoleQuery(sql);
      if (!('sql' in q)) throw new Error('refused');
      return db.query(q.sql).then(() => '', (e: Error) => consoleErrorText(e.message, sql));
    };
    const unbound = await error('SELECT county,\n  nope FROM findings');
    expect(unbound).toContain('LINE 2:   nope FROM findings');
    expect(unbound.match(/LINE/g)).toHaveLength(1);
    const early = await error('SELECT county FROM findings WHERE');
    expect(early).toMatch(/^Parser Error: syntax error/);
    expect(early).not.toContain('console_result');
    expect(early).not.toContain('LINE');
  });

  test.each([
    'DROP TABLE findings',
    'DELETE FROM findings',
    'INSERT INTO findings (dataset_id) VALUES (1)',
    "COPY findings TO 'x.csv'",
    "ATTACH 'x.db'",
    'SET threads = 1',
    'CREATE TABLE t AS SELECT 1',
    '1) x; DROP TABLE findings; SELECT (1',
  ])('a writing statement fails inside the read-only wrapper: %s', async (sql) => {
    const q = readOnlyConsoleQuery(sql);
    if ('sql' in q) await expect(db.query(q.sql)).rejects.toThrow();
    expect((await db.query('SELECT count(*)::INTEGER AS n FROM findings'))[0].n).toBe(2);
  });

  // A quote inside a comment used to hide the semicolons after it: the guard blanked strings
  // before comments, so `/* ' */ … ' */'` read as one string, and every statement ran.
  const ESCAPE = "SELECT 1 /* ' */ ) x; UPDATE findings SET county = 'PWNED'; DELETE FROM findings; CHECKPOINT; SELECT * FROM (SELECT ' */' AS y";
  test.each([
    [ESCAPE, 'sql.multiple'],
    ["SELECT 1 -- '\n; DELETE FROM findings; SELECT '", 'sql.multiple'],
    ["SELECT E'\\'' AS q; DELETE FROM findings; SELECT 1", 'sql.multiple'],
    ['SELECT $$ ; $$ AS q; DELETE FROM findings', 'sql.multiple'],
    ["SELECT * FROM read_csv('http://127.0.0.1:4391/leak?unit=x')", 'sql.external'],
    ["SELECT * FROM READ_TEXT ('a.txt')", 'sql.external'],
    ["SELECT * FROM 'https://example.org/a.csv'", 'sql.external'],
    ['SELECT * FROM "http://example.org/a.parquet"', 'sql.external'],
    ["SELECT * FROM glob('*')", 'sql.external'],
    ["SELECT * FROM findings, 'http://example.org/a.csv'", 'sql.external'],
    ["SELECT * FROM query_table('http://example.org/a.csv')", 'sql.external'],
    // Ways round a first version of the guard: a quoted function name, a schema, SQL in a string,
    // an E'' string where a table goes, SUMMARIZE / DESCRIBE of a file, a path as a quoted name.
    [`SELECT * FROM "read_csv"('data/sample-ledger.csv') LIMIT 1`, 'sql.external'],
    [`SELECT * FROM main."read_text"('data/sample-ledger.csv')`, 'sql.external'],
    ["SELECT * FROM query('SELECT * FROM read_csv(''data/sample-ledger.csv'') LIMIT 1')", 'sql.external'],
    ["SELECT * FROM E'data/sample-ledger.csv' LIMIT 1", 'sql.external'],
    ["SELECT * FROM e'http://127.0.0.1:9/x.csv'", 'sql.external'],
    ["SUMMARIZE 'data/sample-ledger.csv'", 'sql.external'],
    ["DESCRIBE 'data/sample-ledger.csv'", 'sql.external'],
    ['SELECT * FROM "data/sample-ledger.csv"', 'sql.external'],
    ["SELECT * FROM 'data/sample-ledger.csv'", 'sql.external'],
    // TABLE, PIVOT and UNPIVOT take a file where the table goes too (helper-123: the worker asked example.com).
    ["TABLE 'http://example.com/x.csv'", 'sql.external'],
    ["table e'data/sample-ledger.csv'", 'sql.external'],
    ["PIVOT 'data/sample-ledger.csv' ON 县市区", 'sql.external'],
    ["PIVOT_WIDER 'data/sample-ledger.csv' ON 县市区", 'sql.external'],
    ["UNPIVOT 'data/sample-ledger.csv' ON COLUMNS(*) INTO NAME k VALUE v", 'sql.external'],
    ["PIVOT_LONGER 'data/sample-ledger.csv' ON COLUMNS(*) INTO NAME k VALUE v", 'sql.external'],
    ["DESC 'data/sample-ledger.csv'", 'sql.external'],
    // A comma after a parenthesis still continues the FROM list; nested comments and a Chinese
    // dollar tag are lexed as DuckDB lexes them; the text cannot close the wrapper (helper-124).
    ["SELECT count(*) FROM range(1), 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) FROM (SELECT 1) t, 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) FROM findings f(a), 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) FROM findings JOIN findings g USING (county), 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) FROM findings JOIN findings g ON g.county IN ('a'), e'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) FROM findings, (SELECT 2) g, 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) FROM findings WHERE county IN (SELECT 1 FROM range(1), 'data/sample-ledger.csv')", 'sql.external'],
    ["DESCRIBE SELECT * FROM range(1), 'data/sample-ledger.csv'", 'sql.external'],
    ["SUMMARIZE SELECT * FROM range(1), 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT $标$'$标$ AS a, count(*) FROM 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT 1 /* /* */ ' */ AS a, count(*) FROM 'data/sample-ledger.csv' --'", 'sql.external'],
    ["SELECT 1) t, 'data/sample-ledger.csv' x, (SELECT 1", 'sql.parentheses'],
    ['SELECT (1', 'sql.parentheses'],
    // A compressed file's name (the CSV reader takes .csv.gz) is a path too.
    ['SELECT * FROM "sample-ledger.csv.gz"', 'sql.external'],
    ['SELECT * FROM "x.tsv.zst"', 'sql.external'],
    // Read otherwise than DuckDB reads them (helper-126): a space past ASCII before $a$ or E'…', a
    // name of letters past ASCII ending in a clause word, an alias named values, a comment ended by a lone CR.
    ["SELECT\u3000$a$'$a$ AS a, count(*) AS n FROM 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT\u00a0$a$'$a$ AS a, count(*) AS n FROM 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT\u3000E'\\'' AS a, count(*) AS n FROM 'data/sample-ledger.csv' --'", 'sql.external'],
    ["SELECT count(*) AS n FROM findings 表by, 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) AS n FROM findings AS values, 'data/sample-ledger.csv'", 'sql.external'],
    ["SELECT count(*) AS n --\rFROM 'data/sample-ledger.csv'", 'sql.external'],
    // FROM taking a value only there: a subquery's FROM inside extract(…) still names a table.
    ["SELECT extract(year FROM (SELECT max(d) FROM 'data/sample-ledger.csv'))", 'sql.external'],
    ["SELECT 1 FROM findings WHERE county IS DISTINCT FROM (SELECT 1 FROM 'data/sample-ledger.csv')", 'sql.external'],
  ])('refuses %j', (sql, reason) => {
    expect(readOnlyConsoleQuery(sql)).toEqual({ refused: reason });
  });

  test('strings that only look like comments or calls are fine', async () => {
    for (const [sql, want] of [
      ["SELECT '/* ; */' AS x", '/* ; */'],
      ["SELECT E'it\\'s; fine' AS x", "it's; fine"],
      ['SELECT $q$read_csv(1); --$q$ AS x', 'read_csv(1); --'],
      ["SELECT 'http://x' AS x", 'http://x'],
      ["SELECT 'https://a' AS x WHERE 'https://a' LIKE 'https://%'", 'https://a'],
      // Analyst queries a first version refused: URLs as values in calls and lists, a CTE named load.
      ["SELECT replace('http://a', 'http://', 'https://') AS x", 'https://a'],
      ["SELECT coalesce(NULL, 'https://b') AS x WHERE starts_with('http://c', 'http://') AND 'http://a' IN ('http://a', 'https://b')", 'https://b'],
      ['WITH load(n) AS (SELECT 1) SELECT n::VARCHAR AS x FROM load', '1'],
      ['SELECT 1::VARCHAR AS x FROM (SELECT 1 AS "read_rate")', '1'],
      // A string after a comma that is not in a FROM list is a value; comments nest; a $标$ string.
      ["FROM findings SELECT '合计' AS x LIMIT 1", '合计'],
      ["SELECT coalesce(NULL, '合计') AS x FROM findings, range(1) WHERE county IN ('永康市', 'x') AND 'y' IN ('y', 'z') LIMIT 1", '合计'],
      ["SELECT /* a /* b */ ' */ 'c' AS x", 'c'],
      ["SELECT $标$it's$标$ AS x", "it's"],
      // Refused by an earlier guard (helper-126): a string after IS DISTINCT FROM f(…), names with a slash or a file's suffix.
      ["SELECT x FROM (SELECT county IS DISTINCT FROM coalesce(county, 'x') AS changed, '合计' AS x FROM findings LIMIT 1)", '合计'],
      ['SELECT x FROM (SELECT \'a\' AS x, count(*) AS "已整改/总数", count(*) AS "数据.gz" FROM findings)', 'a'],
      // helper-127: FROM taking a value (IS [NOT] DISTINCT FROM, extract, substring, trim).
      ["SELECT '是' AS x FROM findings WHERE status IS NOT DISTINCT FROM 'completed' OR status IS DISTINCT FROM E'x' LIMIT 1", '是'],
      ["SELECT CAST(extract(year FROM '2024-03-15'::DATE) AS VARCHAR) AS x", '2024'],
      ["SELECT substring('巡察整改' FROM 3 FOR 2) || trim(both 'x' FROM 'xx台账x') AS x", '整改台账'],
    ] as const) {
      const q = readOnlyConsoleQuery(sql);
      if (!('sql' in q)) throw new Error(`refused ${sql}`);
      expect(await db.queryOne(q.sql)).toEqual([{ x: want }]);
    }
  });

  // Whatever the guard reads, the engine reads no file or URL but those the app registers (db/settings.ts).
  test.each([
    "SELECT count(*) AS n FROM 'data/sample-ledger.csv'",
    "SELECT count(*) AS n FROM ('data/sample-ledger.csv' CROSS JOIN range(1))",
    "SELECT * FROM read_text('package.json')",
    "SELECT * FROM glob('*')",
    "SELECT * FROM read_csv('http://127.0.0.1:9/leak.csv')",
  ])('the engine itself refuses %j, shown as the guard\'s refusal', async (sql) => {
    const error = await db.queryOne(`SELECT * FROM (\n${sql}\n) AS console_result LIMIT 10`).then(() => '', (e: Error) => e.message);
    expect(error).toMatch(/Permission Error/);
    expect(engineRefusal(error)).toBe('sql.external');
  });

  // A path out of the registered directory is refused. (DuckDB lets `<dir>/./../x` past its check, which no directory
  // of the session's name resolves in Node (helper-127); not tried here: the failed open throws inside the wasm runtime.)
  test('a path out of the registered directory reads nothing', async () => {
    expect(REGISTERED_DIR).toMatch(/^__registered_[0-9a-z]+\/$/);
    await expect(db.queryOne(`SELECT count(*) AS n FROM read_csv('${REGISTERED_DIR}../data/sample-ledger.csv')`)).rejects.toThrow(/Permission Error/);
  });

  test('the engine itself refuses a second statement, whatever the guard read', async () => {
    // What the wrapper would send, had the guard been fooled.
    const sent = `SELECT * FROM (\n1 ) x; UPDATE findings SET county = 'PWNED'; SELECT * FROM (SELECT 1\n) AS console_result LIMIT 10`;
    await expect(db.queryOne(sent)).rejects.toThrow();
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM findings WHERE county = 'PWNED'`)).toEqual([{ n: 0 }]);
  });
});
