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

/**
 * Run after STARTUP_SQL when the database is a file (OPFS). DuckDB checkpoints by itself when a
 * commit leaves more than 16 MB of WAL; in DuckDB-WASM on OPFS a checkpoint taken that way, inside
 * a large import's COMMIT, left a WAL that the next start could not replay ("Table with name meta
 * already exists"), and every later start fell back to a temporary database: the data was lost.
 * The app checkpoints itself after every write it makes (datasets.ts writeAll, after each import),
 * so the automatic one is turned off.
 */
const FILE_SQL = [`SET wal_autocheckpoint = '1TB'`];

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
 * The one directory the engine reads files from: the files the app registers itself (`registerFile`),
 * each named under it (registeredFile). Nothing else is readable. Its name is new each session: DuckDB's check
 * lets `<dir>/./../x` through, which in Node opens x when a directory of that name exists (helper-127); none does.
 */
export const REGISTERED_DIR = `__registered_${Math.random().toString(36).slice(2, 10)}/`;

/** The name to register a file of the app's under, and to read it by (`read_csv('__registered_…/x.csv')`). */
export const registeredFile = (name: string) => `${REGISTERED_DIR}${name}`;

/** Throws unless `name` is under REGISTERED_DIR: a file registered elsewhere could not be read. */
export function checkRegisteredName(name: string): void {
  if (!name.startsWith(REGISTERED_DIR) || name.includes('..')) throw new Error(`registered files are named under ${REGISTERED_DIR}: ${name}`);
}

/**
 * Run last at open: the engine reads no file and no URL but those the app registers (REGISTERED_DIR).
 * The SQL console is the analyst's text; its lexer (console.ts) refuses a file read with a clear
 * message, and this is what stops one its lexer reads otherwise than DuckDB (helper-126: a U+3000
 * before `$a$`, an alias `表by` before a comma). DuckDB refuses to turn it on again while the database runs.
 */
const LOCK_SQL = [`SET allowed_directories = ['${REGISTERED_DIR}']`, 'SET enable_external_access = false'];

/**
 * Everything run on a new connection, in order, for both engines: STARTUP_SQL, IN_MEMORY_SQL when
 * the database lives in memory (FILE_SQL when it is a file), then scratchSql for the database the app's tables live in,
 * then LOCK_SQL.
 * `run` executes a statement; `currentDb` reads `SELECT current_database()` at that point.
 */
export async function configureConnection(run: (sql: string) => unknown, currentDb: () => string | Promise<string>, inMemory: boolean): Promise<void> {
  for (const s of STARTUP_SQL) await run(s);
  for (const s of inMemory ? IN_MEMORY_SQL : FILE_SQL) await run(s);
  for (const s of scratchSql(await currentDb())) await run(s);
  for (const s of LOCK_SQL) await run(s);
}
