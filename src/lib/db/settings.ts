/** Query config shared by both engines: numbers come back as doubles, never BigInt/unscaled. */
export const QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true } as const;

/**
 * Run right after opening. Offline, DuckDB would try to download extensions (parquet, json,
 * icu...) on first use; in Chromium that fails with a misleading error and in Node it hangs.
 * We depend on none of them.
 */
export const STARTUP_SQL = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
];

/**
 * Run after STARTUP_SQL when the database lives in memory (tests, the bench, and the page when
 * OPFS is unavailable). DuckDB does not compress an in-memory database unless asked to: findings
 * took ~940 bytes a row (1M rows: 920 MiB) uncompressed and ~75 bytes compressed (measured on
 * the bench ledger, after CHECKPOINT), which decides whether 5M findings fit in the 4 GB a wasm
 * heap can have. A database file in OPFS is compressed by its checkpoints anyway.
 */
const IN_MEMORY_SQL = [`ATTACH ':memory:' AS store (COMPRESS)`, 'USE store'];

/** The database an import's working tables live in (see scratchSql). */
export const SCRATCH_DB = 'import_scratch';

/**
 * Run last at open, with the name of the database the app's tables live in. An import stages,
 * normalises and validates in tables of a compressed in-memory database of their own: as TEMP
 * tables (never compressed) a 1M-row CSV import peaked at 2.2 GB of process memory in Node, in
 * the scratch database at 1.6 GB, in the same time. The search path finds both databases'
 * tables by their plain names; TEMP tables are always searched first.
 */
function scratchSql(mainDb: string): string[] {
  const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const dq = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    `ATTACH ':memory:' AS ${SCRATCH_DB} (COMPRESS)`,
    `SET search_path = ${quote(`${dq(mainDb)}.main,${SCRATCH_DB}.main`)}`,
  ];
}

/**
 * Everything run on a new connection, in order, for both engines: STARTUP_SQL, IN_MEMORY_SQL when
 * the database lives in memory, then scratchSql for the database the app's tables live in.
 * `run` executes a statement; `currentDb` reads `SELECT current_database()` at that point.
 */
export async function configureConnection(run: (sql: string) => unknown, currentDb: () => string | Promise<string>, inMemory: boolean): Promise<void> {
  for (const s of STARTUP_SQL) await run(s);
  if (inMemory) for (const s of IN_MEMORY_SQL) await run(s);
  for (const s of scratchSql(await currentDb())) await run(s);
}
