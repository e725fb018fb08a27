/** A row as it leaves the engine: numbers as `number`, dates as `YYYY-MM-DD` strings. */
export type Row = Record<string, unknown>;

/** Columns as ECharts' `dataset.source` wants them: one array per column name. */
export type Columns = Record<string, unknown[]>;

/**
 * The statements of one DuckDB connection, as the browser worker engine and the Node engine used
 * by tests and scripts implement them; `withTransactions` (transaction.ts) makes an `Engine` of it.
 */
export interface Connection {
  /** Runs one statement and returns its rows, converted once from Arrow. */
  query<T = Row>(sql: string): Promise<T[]>;
  /**
   * Runs exactly one statement, prepared first: the engine refuses a text that holds more than
   * one, whatever its quotes and comments hide (the SQL console's text is the analyst's).
   */
  queryOne<T = Row>(sql: string): Promise<T[]>;
  /**
   * Runs one statement and returns its result as Arrow IPC bytes, to copy a table. The engine's
   * query config applies: BIGINT and DECIMAL arrive as DOUBLE (exact up to 2^53).
   */
  queryArrowIPC(sql: string): Promise<Uint8Array>;
  /** Runs one or more statements for their effect. */
  exec(sql: string): Promise<void>;
  /** Makes bytes readable by `read_csv('<name>')`. The bytes are copied first, never emptied. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Forgets a file registered with `registerFile`. */
  dropFile(name: string): Promise<void>;
  /** Appends to existing `table` from an Arrow IPC stream, matching columns by name. */
  insertArrowIPC(table: string, ipc: Uint8Array, schema?: string): Promise<void>;
  /** Appends to existing `table` from row objects, matching columns by name (missing = default). */
  insertJSONRows(table: string, rows: Row[], schema?: string): Promise<void>;
}

/**
 * The one interface the rest of the app sees of DuckDB-WASM, in the browser and in Node alike, so
 * every SQL builder runs on the real engine in both places.
 */
export interface Engine extends Connection {
  /**
   * Runs `work` in one transaction, through `tx` only: COMMIT when it resolves, ROLLBACK and the
   * original error when it throws. Meanwhile every other call on this engine waits (transaction.ts).
   */
  transaction<T>(work: (tx: Engine) => Promise<T>): Promise<T>;
}

/** The read side of an engine: what views need to answer a chart or KPI. */
export type Reader = Pick<Engine, 'query'>;
