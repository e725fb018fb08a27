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
