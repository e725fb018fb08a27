import type { Engine } from '../db/types';
import type { Catalogue } from './catalogue';
import type { CubeReplica } from './cubeReplica';
import { WARMUP_STATES, WARMUP_TOP_UP, warmUp, warmupStates, type WarmupOptions, type WarmupResult } from './warmup';

/** What the background work after a data change did. */
export interface AfterDataChange {
  /** The main engine's warm-up; null when warm-ups were skipped. */
  warmup: WarmupResult | null;
  /** The cube copy into the second engine and that engine's warm-up; null without a current copy. */
  replica: { copyMs: number; warmup: WarmupResult | null } | null;
}

export interface AfterDataChangeOptions extends WarmupOptions {
  /**
   * Warm-up states the main engine has run, counted up as soon as its warm-up ends (the second
   * engine counts its own, `CubeReplica.warmedStates`): a full warm-up first, top-ups afterwards.
   */
  mainWarmed: { states: number };
  /** False skips both warm-ups (the bench's `--no-warmup`); the copy is still made. */
  warm?: boolean;
}

/** States a warm-up runs for an engine that has run `warmed` before. */
function statesFor(catalogue: Pick<Catalogue, 'rounds' | 'counties' | 'categories' | 'defaultAsOf'>, warmed: number) {
  return warmupStates(catalogue, Math.max(WARMUP_TOP_UP, WARMUP_STATES - warmed));
}

/**
 * What the page does after a data change once the views have re-queried, one step after the
 * other, each query only when `o.idle` says the page is idle: the main engine's warm-up
 * (warmup.ts), then, with a second engine, the cube copy into it and its warm-up (cubeReplica.ts).
 * `o.signal` stops it between steps. The page (database.svelte.ts) and the filter-click bench run
 * this same function, so the bench measures clicks after what the page does.
 */
export async function afterDataChange(
  main: Engine, catalogue: Pick<Catalogue, 'rounds' | 'counties' | 'categories' | 'defaultAsOf'>, replica: CubeReplica | null,
  o: AfterDataChangeOptions,
): Promise<AfterDataChange> {
  const warm = o.warm ?? true;
  const warmup = warm ? await warmUp(main, statesFor(catalogue, o.mainWarmed.states), o) : null;
  o.mainWarmed.states += warmup?.states ?? 0;
  performance.mark('warmup:end', { detail: warmup });
  if (!replica || o.signal?.aborted) return { warmup, replica: null };
  await o.idle?.();
  const t0 = performance.now();
  const copy = await replica.sync(main);
  if (!copy) return { warmup, replica: null };
  const copyMs = performance.now() - t0;
  performance.mark('replica:ready');
  const replicaWarmup = warm ? await warmUp(copy, statesFor(catalogue, replica.warmedStates), o) : null;
  replica.warmedStates += replicaWarmup?.states ?? 0;
  performance.mark('warmup:replica:end', { detail: replicaWarmup });
  return { warmup, replica: { copyMs, warmup: replicaWarmup } };
}
