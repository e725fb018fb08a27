import type { Engine, Row } from '../db/types';
import { checkCancelled } from './errors';

// A statement that only removes something: let through after a cancel, so that cleanup still runs.
const DROP = /^\s*DROP\s/i;
// The working tables and views an import makes: CREATE [TEMP] TABLE|VIEW [db.schema.]"__import_…" (tempName, ident).
const MADE = /CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:(?:\w+|"[^"]*")\.)*"(__import_[^"]+)"/gi;

/** The engine one import works through, and what it made there. */
export interface ImportEngine {
  engine: Engine;
  /** Every working table and view created through `engine` so far, in order. */
  made(): string[];
}

/**
 * Wraps the engine for one import. Once `signal` has fired, every statement but a DROP throws
 * ImportFailure('cancelled'), so a cancel stops the import at its next statement, not at the end of
 * the stage under way (normalising a 200,000-row sheet is some thirty statements and several seconds).
 * The working tables created through it are recorded, so the import drops them whatever step failed.
 * A transaction's statements go through the same checks.
 */
export function importEngine(engine: Engine, signal?: AbortSignal): ImportEngine {
  const made: string[] = [];
  const wrap = (inner: Engine): Engine => {
    const checked = (sql: string) => {
      if (!DROP.test(sql)) checkCancelled(signal);
      for (const m of sql.matchAll(MADE)) made.push(m[1].replace(/""/g, '"'));
    };
    // Async, so that a refusal is a rejected promise like any engine error (`.catch` sees it).
    return {
      async query<T>(sql: string) { checked(sql); return inner.query<T>(sql); },
      async queryOne<T>(sql: string) { checked(sql); return inner.queryOne<T>(sql); },
      async queryArrowIPC(sql: string) { checked(sql); return inner.queryArrowIPC(sql); },
      async exec(sql: string) { checked(sql); return inner.exec(sql); },
      async registerFile(name: string, bytes: Uint8Array) { checkCancelled(signal); return inner.registerFile(name, bytes); },
      dropFile: (name: string) => inner.dropFile(name),
      async insertArrowIPC(table: string, ipc: Uint8Array, schema?: string) { checkCancelled(signal); return inner.insertArrowIPC(table, ipc, schema); },
      async insertJSONRows(table: string, rows: Row[], schema?: string) { checkCancelled(signal); return inner.insertJSONRows(table, rows, schema); },
      transaction: <T>(work: (tx: Engine) => Promise<T>) => inner.transaction((tx) => work(wrap(tx))),
    };
  };
  return { engine: wrap(engine), made: () => [...made] };
}
