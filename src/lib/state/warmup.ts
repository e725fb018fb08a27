import type { Reader } from '../db/types';
import type { MetricParams } from '../domain/params';
import { emptyFilters, type Filters } from '../queries/filters';
import type { SourceOptions } from '../queries/source';
import type { Catalogue } from './catalogue';
import { dashboardQueries } from './dashboardQueries';

/**
 * Idle warm-up of the engine. V8 runs DuckDB's wasm first as baseline (Liftoff) code and
 * recompiles a function with its optimising tier only once it has run enough. Right after the
 * engine starts or a big import, the code a filter click needs (planning, filtering and
 * aggregating the cube) is still baseline code. Measured after a real 1M import on the KPI row and
 * five charts: the first 20 clicks took p95 164–216 ms, the same clicks repeated 76–98 ms, and
 * 34/43 ms (p50/p95) with Chromium told to compile everything optimised up front (--no-liftoff,
 * not something a page can ask for). With all 13 queries of a click: p95 305 ms, 179 ms after this
 * warm-up (bench/README.md). So while the page is idle, the dashboard's own queries run for a series of made-up
 * filter states, with no result kept, each one only when nothing the user asked for is pending.
 */

/** States the first warm-up of an engine runs; later data changes top up with WARMUP_TOP_UP. */
export const WARMUP_STATES = 40;
export const WARMUP_TOP_UP = 8;
/** A warm-up stops after this much wall time. */
export const WARMUP_MAX_MS = 15_000;

/** Filter states that exercise what a click can change: round, county, both, category, status, and the as-of date. */
export function warmupStates(catalogue: Pick<Catalogue, 'rounds' | 'counties' | 'categories' | 'defaultAsOf'>, count: number): Filters[] {
  const { rounds, counties, categories, defaultAsOf } = catalogue;
  if (!defaultAsOf || !rounds.length) return [];
  const pick = <T>(list: T[], i: number) => list[i % list.length];
  const states: Filters[] = [];
  for (let i = 0; i < count; i++) {
    const round = pick(rounds, i);
    // Every third state looks back: halfway between the round's feedback and the newest date.
    const asOf = i % 3 === 1 && round.feedback_date ? midpoint(round.feedback_date, defaultAsOf) : defaultAsOf;
    const f = emptyFilters(asOf);
    switch (i % 5) {
      case 0: f.rounds = [round.round_key]; break;
      case 1: if (counties.length) f.counties = [pick(counties, i).county]; break;
      case 2: f.rounds = [round.round_key]; if (counties.length) f.counties = [pick(counties, i).county]; break;
      case 3: if (categories.length) f.categories = [pick(categories, i).code]; break;
      default: f.statuses = [i % 2 ? 'in_progress' : 'completed'];
    }
    states.push(f);
  }
  return states;
}

function midpoint(from: string, to: string): string {
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (!(a < b)) return to;
  return new Date(a + Math.floor((b - a) / 2 / 86_400_000) * 86_400_000).toISOString().slice(0, 10);
}

/** What a warm-up did. */
export interface WarmupResult {
  states: number;
  queries: number;
  /** Wall time from the first query to the last answer, waits for the user's queries included. */
  ms: number;
}

export interface WarmupOptions {
  params: MetricParams;
  source: SourceOptions;
  /** Stops the warm-up before its next query (a newer data change, the page leaving). */
  signal?: AbortSignal;
  /** Resolves when the page has nothing of its own pending; each query waits for it. */
  idle?: () => Promise<void>;
  /** Stops after this much wall time. */
  maxMs?: number;
}

/**
 * Runs the dashboard's queries for each state in turn, one query at a time, answers dropped. A
 * failing query is skipped: the warm-up must never disturb the page.
 */
export async function warmUp(engine: Reader, states: Filters[], o: WarmupOptions): Promise<WarmupResult> {
  const t0 = performance.now();
  const result = { states: 0, queries: 0, ms: 0 };
  for (const filters of states) {
    for (const q of dashboardQueries(filters, o.params, o.source)) {
      await o.idle?.();
      if (o.signal?.aborted || (o.maxMs !== undefined && performance.now() - t0 > o.maxMs)) return { ...result, ms: performance.now() - t0 };
      await engine.query(q.sql).catch(() => undefined);
      result.queries++;
    }
    result.states++;
  }
  return { ...result, ms: performance.now() - t0 };
}
