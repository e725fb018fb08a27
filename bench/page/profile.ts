import type { Engine } from '../../src/lib/db/types';

/** One engine call made during a measured import, with its wall time on the main thread's clock. */
export interface EngineCall {
  kind: 'query' | 'queryArrowIPC' | 'exec' | 'registerFile' | 'dropFile' | 'insertArrowIPC' | 'insertJSONRows';
  /** First characters of the statement (or the file/table name), whitespace folded. */
  what: string;
  ms: number;
  /** performance.now() when the call started, to find the call a long task fell into. */
  start: number;
  /** The whole statement, kept only for the heaviest calls (results.json), to EXPLAIN them later. */
  sql?: string;
}

/**
 * Wraps an engine so every call is timed. The sum of call times against the import's wall time
 * separates time spent in DuckDB (the worker) from time spent in JS on the main thread.
 */
export function timedEngine(engine: Engine, calls: EngineCall[]): Engine {
  const timed = <A extends unknown[], R>(kind: EngineCall['kind'], fn: (...a: A) => Promise<R>, label: (...a: A) => string) =>
    async (...args: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await fn(...args);
      } finally {
        const what = label(...args);
        calls.push({ kind, what: what.replace(/\s+/g, ' ').slice(0, 140), ms: performance.now() - t0, start: t0, sql: what.length > 140 ? what : undefined });
      }
    };
  return {
    query: timed('query', (sql: string) => engine.query(sql), (sql) => sql) as Engine['query'],
    queryOne: timed('query', (sql: string) => engine.queryOne(sql), (sql) => sql) as Engine['queryOne'],
    queryArrowIPC: timed('queryArrowIPC', (sql: string) => engine.queryArrowIPC(sql), (sql) => sql),
    exec: timed('exec', (sql: string) => engine.exec(sql), (sql) => sql),
    registerFile: timed('registerFile', (n: string, b: Uint8Array) => engine.registerFile(n, b), (n, b) => `${n} (${b.length} bytes)`),
    dropFile: timed('dropFile', (n: string) => engine.dropFile(n), (n) => n),
    insertArrowIPC: timed('insertArrowIPC', (t: string, ipc: Uint8Array, s?: string) => engine.insertArrowIPC(t, ipc, s), (t) => t),
    insertJSONRows: timed('insertJSONRows', (t: string, rows: Record<string, unknown>[], s?: string) => engine.insertJSONRows(t, rows, s),
      (t, rows) => `${t} (${rows.length} rows)`),
    // The import's commit statements run through the transaction's own engine: timed the same way.
    transaction: (work) => engine.transaction((tx) => work(timedEngine(tx, calls))),
  };
}

/** A main-thread task longer than 50 ms, as the 'longtask' performance entry reports it. */
export interface LongTask {
  start: number;
  ms: number;
}

const longTasks: LongTask[] = [];
// Observed from page load on, so no task is missed between a measurement's start and the
// observer's first callback.
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, ms: e.duration });
}).observe({ type: 'longtask', buffered: true });

/** Long tasks that overlap [from, to] (performance.now() times). */
export async function longTasksBetween(from: number, to: number): Promise<LongTask[]> {
  // Entries are delivered after the task ends; one more macrotask lets the last one arrive.
  await new Promise((done) => setTimeout(done, 50));
  return longTasks.filter((t) => t.start + t.ms >= from && t.start <= to);
}

/** Stage boundaries reported by the importer's onProgress, as offsets from the import's start. */
export interface StageMark {
  stage: string;
  fraction: number;
  atMs: number;
}

/** Collapses engine calls into the heaviest statements (same label summed), heaviest first. */
export function heaviestCalls(calls: EngineCall[], top = 12): EngineCall[] {
  const byLabel = new Map<string, EngineCall>();
  for (const c of calls) {
    const key = `${c.kind}:${c.what.slice(0, 90)}`;
    const seen = byLabel.get(key);
    if (seen) seen.ms += c.ms;
    else byLabel.set(key, { ...c });
  }
  const heaviest = [...byLabel.values()].sort((a, b) => b.ms - a.ms).slice(0, top);
  // Full text only for the top few: a 1M-row import's statements are long but few.
  return heaviest.map((c, i) => (i < 4 ? c : { ...c, sql: undefined }));
}

/** A long task with the import stage and the engine call it fell into (null = between calls). */
export interface PlacedLongTask extends LongTask {
  stage: string | null;
  call: string | null;
}

/**
 * Places each long task in the stage running when it ended (a task may begin before the import's
 * first await, in the caller's code) and in the engine call spanning its start.
 */
export function placeLongTasks(tasks: LongTask[], t0: number, stages: StageMark[], calls: EngineCall[]): PlacedLongTask[] {
  return tasks.map((t) => {
    const stage = stages.filter((s) => t0 + s.atMs <= t.start + t.ms).at(-1)?.stage ?? null;
    const call = calls.find((c) => c.start <= t.start && t.start <= c.start + c.ms);
    return { ...t, stage, call: call ? `${call.kind}: ${call.what.slice(0, 70)}` : null };
  });
}
