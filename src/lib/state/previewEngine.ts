import type { Engine, Row } from '../db/types';

/**
 * An engine for the first seconds of a page: queries whose exact SQL text is in `answers` (the
 * build-time sample snapshot) are answered at once; anything else, and every write, waits for
 * `live`, the real engine once its data is in place. Rows are never mutated by the page, so the
 * snapshot's arrays are handed out as they are.
 */
export function previewEngine(answers: Record<string, Row[]>, live: Promise<Engine>): Engine {
  return {
    async query<T = Row>(sql: string): Promise<T[]> {
      const known = Object.hasOwn(answers, sql) ? answers[sql] : undefined;
      return known ? (known as T[]) : (await live).query<T>(sql);
    },
    queryOne: async (sql) => (await live).queryOne(sql),
    queryArrowIPC: async (sql) => (await live).queryArrowIPC(sql),
    exec: async (sql) => (await live).exec(sql),
    registerFile: async (name, bytes) => (await live).registerFile(name, bytes),
    dropFile: async (name) => (await live).dropFile(name),
    insertArrowIPC: async (table, ipc, schema) => (await live).insertArrowIPC(table, ipc, schema),
    insertJSONRows: async (table, rows, schema) => (await live).insertJSONRows(table, rows, schema),
    transaction: async (work) => (await live).transaction(work),
  };
}
