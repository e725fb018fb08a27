import type { Engine, Reader } from '../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../src/lib/domain/params';
import { emptyFilters, type Filters } from '../../src/lib/queries/filters';
import { derivedTableStatements } from '../../src/lib/queries/cube';
import type { SourceOptions } from '../../src/lib/queries/source';
import { readCatalogue } from '../../src/lib/state/catalogue';
import type { CubeReplica } from '../../src/lib/state/cubeReplica';
import { dashboardQueries } from '../../src/lib/state/dashboardQueries';
import { afterDataChange } from '../../src/lib/state/afterDataChange';
import { WARMUP_MAX_MS, type WarmupResult } from '../../src/lib/state/warmup';

/**
 * The queries a filter click settles: every KPI and chart of the dashboard, sent as the page
 * sends them (dashboardQueries.ts). The app reads the cube (`source: 'cube'`); the base-table
 * reference reads `findings`.
 */
const APP: SourceOptions = { source: 'cube' };
const queries = (f: Filters, o: SourceOptions) => dashboardQueries(f, DEFAULT_PARAMS, o);
const BASE: SourceOptions = { source: 'findings' };

/** Timings of one filter state: every view query sent at once, until the last answer. */
export interface SettleTiming {
  filters: Filters;
  totalMs: number;
  perQuery: Record<string, number>;
}

/** What the interaction benchmark reports. */
export interface InteractionResult {
  /** The clicks as the app answers them: through both engines once the cube copy is current. */
  states: SettleTiming[];
  p50: number;
  p95: number;
  /** The same clicks on the main engine alone (the app before the copy is made); null without a replica. */
  oneEngine: { p50: number; p95: number } | null;
  /** Making the cube copy in the second engine and that engine's warm-up; null without a replica. */
  replica: { copyMs: number; warmup: WarmupResult | null } | null;
  /** Mean time of each query over the filtered states, each run alone after the clicks. */
  meanPerQuery: Record<string, number>;
  /** The app's idle warm-up after the cube rebuild, when asked for; null when skipped. */
  warmup: WarmupResult | null;
  /** Median of three runs of each query on the whole base table (no filter, latest as-of). */
  baseTablePerQuery: Record<string, number>;
  /** Time to (re)build the cube after the load, as the app does after every data change. */
  cubeBuildMs: number;
  /** Rows of the findings cube and of `findings`. */
  cubeRows: number;
  findingRows: number;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same 20 filter states every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One click: every query sent at once, as the page does, until the last answer is in. `perQuery`
 * is the time from sending a query to its answer (queueing included).
 */
async function settle(reader: Reader, filters: Filters): Promise<SettleTiming> {
  const perQuery: Record<string, number> = {};
  const t0 = performance.now();
  await Promise.all(queries(filters, APP).map(async (q) => {
    const s = performance.now();
    await reader.query(q.sql);
    perQuery[q.id] = performance.now() - s;
  }));
  return { filters, totalMs: performance.now() - t0, perQuery };
}

/** Each query of a state alone, in turn: what it costs by itself. */
async function eachAlone(engine: Engine, filters: Filters, source: SourceOptions): Promise<Record<string, number>> {
  const perQuery: Record<string, number> = {};
  for (const q of queries(filters, source)) {
    const s = performance.now();
    await engine.query(q.sql);
    perQuery[q.id] = performance.now() - s;
  }
  return perQuery;
}

/** Value at quantile q of ascending-sorted numbers (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export interface InteractionOptions {
  count?: number;
  seed?: number;
  /** False skips the base-table reference: at 5M findings some of those queries need more than the engine's 3.1 GiB. */
  baseTable?: boolean;
  /** Runs the app's idle warm-up (of both engines) before the clicks. */
  warm?: boolean;
  /** The second engine, as the page has it (cubeReplica.ts); the cube is copied after the rebuild. */
  replica?: CubeReplica;
}

/**
 * Random filter states like a user's clicks: a round, a county inspected in that round, and an
 * as-of date between that round's feedback and the newest date in the data (so S is never empty).
 * After the cube rebuild it does what the page does after a data change (afterDataChange.ts).
 */
export async function runInteraction(engine: Engine, o: InteractionOptions = {}): Promise<InteractionResult> {
  const { count = 20, seed = 7, baseTable = true, warm = false, replica } = o;
  const pairs = await engine.query<{ round_key: string; county: string; first: string }>(
    `SELECT round_key, county, CAST(min(feedback_date) AS VARCHAR) AS first FROM findings
     WHERE feedback_date IS NOT NULL GROUP BY ALL ORDER BY ALL`);
  const [{ last }] = await engine.query<{ last: string }>(
    `SELECT CAST(greatest(max(feedback_date), max(completion_date)) AS VARCHAR) AS last FROM findings`);
  replica?.invalidate();
  const c0 = performance.now();
  for (const statement of derivedTableStatements()) await engine.exec(statement);
  const cubeBuildMs = performance.now() - c0;
  // What the page does next (database.svelte.ts), with the same function: the main engine's
  // warm-up, then the cube copy into the second engine and that engine's warm-up.
  const background = await afterDataChange(engine, await readCatalogue(engine), replica ?? null, {
    params: DEFAULT_PARAMS, source: APP, maxMs: WARMUP_MAX_MS, warm, mainWarmed: { states: 0 },
  });
  if (replica && !background.replica) throw new Error('the cube copy failed');
  const reader = replica ? replica.reader(engine) : engine;
  const [{ cube_rows: cubeRows, finding_rows: findingRows }] = await engine.query<{ cube_rows: number; finding_rows: number }>(
    `SELECT CAST((SELECT count(*) FROM finding_cube) AS INTEGER) AS cube_rows, CAST((SELECT count(*) FROM findings) AS INTEGER) AS finding_rows`);
  const next = rng(seed);
  const day = 86_400_000;
  const states: Filters[] = [];
  for (let i = 0; i < count; i++) {
    const p = pairs[Math.floor(next() * pairs.length)];
    const from = Date.parse(p.first);
    const asOf = new Date(from + Math.floor(next() * ((Date.parse(last) - from) / day + 1)) * day).toISOString().slice(0, 10);
    states.push({ ...emptyFilters(asOf), rounds: [p.round_key], counties: [p.county] });
  }
  await settle(reader, states[0]); // the first run pays for catalogue look-ups
  // With a second engine, each state is also clicked on the main engine alone, the two in
  // alternating order, so that neither set runs on engines the other has warmed more.
  const timings: SettleTiming[] = [];
  const single: number[] = [];
  for (const [i, f] of states.entries()) {
    if (replica && i % 2 === 1) single.push((await settle(engine, f)).totalMs);
    timings.push(await settle(reader, f));
    if (replica && i % 2 === 0) single.push((await settle(engine, f)).totalMs);
  }
  const totals = timings.map((t) => t.totalMs).sort((a, b) => a - b);
  single.sort((a, b) => a - b);
  const oneEngine = replica ? { p50: quantile(single, 0.5), p95: quantile(single, 0.95) } : null;
  const alone = [];
  for (const f of states) alone.push(await eachAlone(engine, f, APP));
  const meanPerQuery: Record<string, number> = {};
  for (const id of Object.keys(alone[0] ?? {})) meanPerQuery[id] = alone.reduce((s, t) => s + t[id], 0) / alone.length;
  // The base-table reference: each query alone on the whole of `findings`, median of three runs.
  const whole = emptyFilters(last);
  const baseRuns: Record<string, number[]> = {};
  for (let k = 0; baseTable && k < 3; k++) {
    for (const [id, ms] of Object.entries(await eachAlone(engine, whole, BASE))) (baseRuns[id] ??= []).push(ms);
  }
  const baseTablePerQuery = Object.fromEntries(Object.entries(baseRuns).map(([id, runs]) => [id, runs.sort((a, b) => a - b)[1]]));
  return {
    states: timings, p50: quantile(totals, 0.5), p95: quantile(totals, 0.95), oneEngine, replica: background.replica,
    meanPerQuery, warmup: background.warmup, baseTablePerQuery, cubeBuildMs, cubeRows, findingRows,
  };
}
