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
export const IN_MEMORY_SQL = [`ATTACH ':memory:' AS store (COMPRESS)`, 'USE store'];
