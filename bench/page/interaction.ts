import type { Engine } from '../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../src/lib/domain/params';
import { emptyFilters, type Filters } from '../../src/lib/queries/filters';
import { derivedTableStatements } from '../../src/lib/queries/cube';
import type { SourceOptions } from '../../src/lib/queries/source';
import { readCatalogue } from '../../src/lib/state/catalogue';
import { dashboardQueryGroups } from '../../src/lib/state/dashboardQueries';
import { WARMUP_MAX_MS, WARMUP_STATES, warmUp, warmupStates, type WarmupResult } from '../../src/lib/state/warmup';

/**
 * The queries a filter click settles: every KPI and chart of the dashboard, grouped and sent as
 * the page sends them (dashboardQueries.ts). The app reads the cube (`source: 'cube'`); the
 * base-table reference reads `findings`.
 */
const APP: SourceOptions = { source: 'cube' };
const groups = (f: Filters, o: SourceOptions) => dashboardQueryGroups(f, DEFAULT_PARAMS, o);
const BASE: SourceOptions = { source: 'findings' };

/** Timings of one filter state: every view query in turn, as one connection serves them. */
export interface SettleTiming {
  filters: Filters;
  totalMs: number;
  perQuery: Record<string, number>;
}

/** What the interaction benchmark reports. */
export interface InteractionResult {
  states: SettleTiming[];
  p50: number;
  p95: number;
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
 * One click: the groups side by side, each group's queries one after the other, until the last
 * answer is in. `perQuery` is the time from sending a query to its answer (queueing included).
 */
async function settle(engine: Engine, filters: Filters): Promise<SettleTiming> {
  const perQuery: Record<string, number> = {};
  const t0 = performance.now();
  await Promise.all(groups(filters, APP).map(async (group) => {
    for (const q of group) {
      const s = performance.now();
      await engine.query(q.sql);
      perQuery[q.id] = performance.now() - s;
    }
  }));
  return { filters, totalMs: performance.now() - t0, perQuery };
}

/** Each query of a state alone, in turn: what it costs by itself. */
async function eachAlone(engine: Engine, filters: Filters, source: SourceOptions): Promise<Record<string, number>> {
  const perQuery: Record<string, number> = {};
  for (const q of groups(filters, source).flat()) {
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

/**
 * Random filter states like a user's clicks: a round, a county inspected in that round, and an
 * as-of date between that round's feedback and the newest date in the data (so S is never empty).
 * `baseTable` false skips the base-table reference: at 5M findings some of those queries need
 * more than the engine's 3.1 GiB (the app itself reads the cube).
 */
export async function runInteraction(engine: Engine, count = 20, seed = 7, baseTable = true, warm = false): Promise<InteractionResult> {
  const pairs = await engine.query<{ round_key: string; county: string; first: string }>(
    `SELECT round_key, county, CAST(min(feedback_date) AS VARCHAR) AS first FROM findings
     WHERE feedback_date IS NOT NULL GROUP BY ALL ORDER BY ALL`);
  const [{ last }] = await engine.query<{ last: string }>(
    `SELECT CAST(greatest(max(feedback_date), max(completion_date)) AS VARCHAR) AS last FROM findings`);
  const c0 = performance.now();
  for (const statement of derivedTableStatements()) await engine.exec(statement);
  const cubeBuildMs = performance.now() - c0;
  // What the page does next while idle (database.svelte.ts): the first warm-up of its engine.
  const warmup = warm
    ? await warmUp(engine, warmupStates(await readCatalogue(engine), WARMUP_STATES), { params: DEFAULT_PARAMS, source: APP, maxMs: WARMUP_MAX_MS })
    : null;
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
  await settle(engine, states[0]); // the first run pays for catalogue look-ups
  const timings: SettleTiming[] = [];
  for (const f of states) timings.push(await settle(engine, f));
  const totals = timings.map((t) => t.totalMs).sort((a, b) => a - b);
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
  return { states: timings, p50: quantile(totals, 0.5), p95: quantile(totals, 0.95), meanPerQuery, warmup, baseTablePerQuery, cubeBuildMs, cubeRows, findingRows };
}

