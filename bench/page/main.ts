// The benchmark page. The Node driver (bench/run.mjs) fills the file input like a user picking
// files, then calls the functions on `window.bench` with page.evaluate; each returns plain JSON.
import { openBrowserEngine } from '../../src/lib/db/browser';
import { SCHEMA_DDL } from '../../src/lib/db/schema';
import { registeredFile } from '../../src/lib/db/settings';
import type { Engine } from '../../src/lib/db/types';
import { importFile } from '../../src/lib/import/index';
import { heaviestCalls, longTasksBetween, placeLongTasks, timedEngine, type EngineCall, type StageMark } from './profile';
import { runInteraction } from './interaction';
import { CubeReplica } from '../../src/lib/state/cubeReplica';
import { derivedTableStatements } from '../../src/lib/queries/cube';

type BrowserEngine = Awaited<ReturnType<typeof openBrowserEngine>>;

/** The engine kept after an import for the interaction and memory measurements. */
let loaded: BrowserEngine | null = null;
/** The second engine the app reads the cube through (cubeReplica.ts), made for the kept engine. */
let replica: CubeReplica | null = null;
let replicaEngine: BrowserEngine | null = null;

function pickedFile(name: string): File {
  const input = document.querySelector<HTMLInputElement>('#ledgers')!;
  const file = Array.from(input.files ?? []).find((f) => f.name === name);
  if (!file) throw new Error(`no picked file named ${name}`);
  return file;
}

async function readPicked(name: string): Promise<{ bytes: Uint8Array; readMs: number }> {
  const t0 = performance.now();
  const bytes = new Uint8Array(await pickedFile(name).arrayBuffer());
  return { bytes, readMs: performance.now() - t0 };
}

async function freshEngine(): Promise<BrowserEngine> {
  await dropLoaded();
  return openBrowserEngine();
}

/** Terminates the kept engine's worker: the only way wasm memory is given back. */
async function dropLoaded(): Promise<void> {
  if (loaded) await loaded.db.terminate();
  if (replicaEngine) await replicaEngine.db.terminate();
  loaded = replicaEngine = replica = null;
}

/** The raw engine: bytes → registerFileBuffer → CREATE TABLE AS read_csv(all_varchar), fresh engine. */
async function rawCsv(name: string) {
  const { bytes, readMs } = await readPicked(name);
  const size = bytes.length; // registerFileBuffer empties `bytes`
  const engine = await freshEngine();
  try {
    const t0 = performance.now();
    await engine.db.registerFileBuffer(registeredFile('raw.csv'), bytes);
    // Into DuckDB's default in-memory database, uncompressed: the engine's fastest read, not the
    // compressed store the app's engines attach (db/settings.ts).
    await engine.exec(`CREATE TABLE memory.main.raw AS SELECT * FROM read_csv('${registeredFile('raw.csv')}', all_varchar = true)`);
    const ms = performance.now() - t0;
    const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM memory.main.raw');
    return { readMs, ms, rows: Number(n), size };
  } finally {
    await engine.db.terminate();
  }
}

/** The app's import of one picked file into a fresh engine with the app's schema, profiled. */
async function appImport(name: string, keep = false) {
  const { bytes, readMs } = await readPicked(name);
  const size = bytes.length;
  const engine = await freshEngine();
  for (const s of SCHEMA_DDL) await engine.exec(s);
  const calls: EngineCall[] = [];
  const stages: StageMark[] = [];
  const bar = document.querySelector<HTMLProgressElement>('#progress')!;
  const t0 = performance.now();
  const result = await importFile(timedEngine(engine, calls), { name, bytes }, {
    onProgress: (p) => {
      stages.push({ ...p, atMs: performance.now() - t0 });
      bar.value = p.fraction;
    },
  });
  const t1 = performance.now();
  const tasks = await longTasksBetween(t0, t1);
  const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM findings');
  if (keep) loaded = engine;
  else await engine.db.terminate();
  const reports = result.ok ? result.datasets : [];
  return {
    size, readMs, ms: t1 - t0, findings: Number(n),
    ok: result.ok,
    error: result.ok ? null : 'error' in result ? result.error : { code: 'needs_mapping', missing: result.needsMapping.missing },
    rowsAccepted: reports.reduce((s, r) => s + r.rowsAccepted, 0),
    rowsWarned: reports.reduce((s, r) => s + r.rowsWarned, 0),
    rowsRejected: reports.reduce((s, r) => s + r.rowsRejected, 0),
    rowsSkipped: reports.reduce((s, r) => s + r.rowsSkipped, 0),
    issueCodes: countCodes(reports.flatMap((r) => r.issues.map((i) => i.code))),
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)),
    longTasks: tasks.length,
    longTasksTotalMs: tasks.reduce((s, t) => s + t.ms, 0),
    worstLongTasks: placeLongTasks([...tasks].sort((a, b) => b.ms - a.ms).slice(0, 5), t0, stages, calls),
    engineMs: calls.reduce((s, c) => s + c.ms, 0),
    // The import's first engine calls on the page clock (t0 = its start), to place early long tasks.
    t0,
    firstCalls: calls.slice(0, 6).map((c) => ({ kind: c.kind, what: c.what.slice(0, 60), start: c.start, ms: c.ms })),
    stages,
    heaviest: heaviestCalls(calls),
  };
}

/**
 * DESIGN.md: 5M findings import without a crash. Imports the picked ledger `times` times into one
 * engine, as an office adds ledger after ledger, and rebuilds the cube after each as the app does.
 * Pass k > 1 prefixes every problem id (and prior-round id) with `Pk-`, so its findings are new
 * ones and its SHA-256 differs (an identical file would be offered as a re-import). The engine is
 * kept for the memory and interaction measurements.
 */
async function accumulate(name: string, times: number) {
  const { bytes } = await readPicked(name);
  const text = new TextDecoder().decode(bytes);
  const engine = await freshEngine();
  for (const s of SCHEMA_DDL) await engine.exec(s);
  loaded = engine;
  const passes = [];
  for (let k = 1; k <= times; k++) {
    // Ids of the bench ledger start with SC, SW or WC (generate.mjs), in the first and the prior-round column.
    const variant = k === 1 ? bytes : new TextEncoder().encode(text.replace(/(^|,)((?:SC|SW|WC)\d)/gm, `$1P${k}-$2`));
    const t0 = performance.now();
    const result = await importFile(engine, { name: `${k}-${name}`, bytes: variant });
    const ms = performance.now() - t0;
    const c0 = performance.now();
    if (result.ok) for (const statement of derivedTableStatements()) await engine.exec(statement);
    const cubeMs = performance.now() - c0;
    const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM findings');
    const error = result.ok ? null : 'error' in result ? result.error : { code: 'needs_mapping' };
    passes.push({ ms, cubeMs, ok: result.ok, error, findings: Number(n) });
    if (!result.ok) break;
  }
  return { passes, findings: passes.at(-1)?.findings ?? 0 };
}

function countCodes(codes: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of codes) out[c] = (out[c] ?? 0) + 1;
  return out;
}

/**
 * Multiplies the loaded findings in SQL (copies get '~k' on finding_id and unit_name), so the
 * query and memory measurements can run at a size the app import cannot reach yet.
 */
async function replicate(factor: number) {
  if (!loaded) throw new Error('load a ledger with appImport(name, true) first');
  const t0 = performance.now();
  await loaded.exec(`INSERT INTO findings SELECT f.* REPLACE (f.finding_id || '~' || k AS finding_id,
    f.unit_name || '~' || k AS unit_name) FROM findings f, range(1, ${Math.trunc(factor)}) r(k)`);
  const [{ n }] = await loaded.query<{ n: number }>('SELECT count(*) AS n FROM findings');
  return { findings: Number(n), ms: performance.now() - t0 };
}

/** Filter-click timings on the engine kept by the last appImport(name, true) or accumulate. */
async function interaction(count = 20, seed = 7, baseTable = true, warm = false) {
  if (!loaded) throw new Error('load a ledger with appImport(name, true) first');
  // One second engine per kept engine, as the page has one (a later call copies the cube again).
  replica ??= new CubeReplica(async () => (replicaEngine = await openBrowserEngine()));
  return runInteraction(loaded as Engine, { count, seed, baseTable, warm, replica });
}

/** DuckDB's own accounting plus the main thread's JS heap (Chromium's performance.memory). */
async function memory() {
  const rows = loaded
    ? await loaded.query<{ tag: string; bytes: number }>('SELECT tag, memory_usage_bytes AS bytes FROM duckdb_memory()')
    : [];
  const perf = (performance as Performance & { memory?: { usedJSHeapSize: number; totalJSHeapSize: number } }).memory;
  return {
    duckdbBytes: rows.reduce((s, r) => s + Number(r.bytes), 0),
    duckdbByTag: Object.fromEntries(rows.filter((r) => Number(r.bytes) > 0).map((r) => [r.tag, Number(r.bytes)])),
    jsHeapUsed: perf?.usedJSHeapSize ?? null,
  };
}

/**
 * A full garbage collection of the page (Chromium runs with --expose-gc), to tell the JS heap the
 * page keeps from garbage not yet collected. Returns the heap before and after.
 */
async function collectGarbage() {
  const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null;
  const before = heap();
  (globalThis as typeof globalThis & { gc?: () => void }).gc?.();
  return { before, after: heap() };
}

declare global {
  interface Window {
    bench: {
      rawCsv: typeof rawCsv; appImport: typeof appImport; accumulate: typeof accumulate; replicate: typeof replicate; interaction: typeof interaction;
      memory: typeof memory; dropLoaded: typeof dropLoaded; collectGarbage: typeof collectGarbage;
    };
  }
}

window.bench = { rawCsv, appImport, accumulate, replicate, interaction, memory, dropLoaded, collectGarbage };
document.body.dataset.ready = 'true';
