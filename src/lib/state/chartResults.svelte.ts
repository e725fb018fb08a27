import type { Reader, Row } from '../db/types';
import type { ChartSpec } from '../charts/types';
import type { Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';
import type { SourceOptions } from '../queries/source';
import { busy } from './busy';

/**
 * Query results for a list of chart specs, re-run when filters, parameters or data change.
 * Results are replaced, never mutated ($state.raw); a newer refresh wins over a slower older one.
 */
export class ChartResults {
  rows = $state.raw<Record<string, Row[]>>({});
  errors = $state.raw<Record<string, string>>({});
  #generation = 0;
  /**
   * Whether a refresh has published rows. Plain, not `rows`: refresh runs inside an effect, and
   * reading `rows` there would make the effect re-run on every result it writes (STYLE.md "Traps").
   */
  #published = false;

  constructor(private readonly specs: readonly ChartSpec<any>[]) {}

  /**
   * Runs every spec's query for the given view, all sent at once (a reader with two engines runs
   * them side by side); stale answers are dropped. The first time, each chart is shown as soon
   * as its own answer is in (the first chart need not wait for the last query of a cold engine);
   * later refreshes swap all charts at once, so a filter change never shows charts of two
   * different filter states side by side.
   */
  async refresh(reader: Reader, filters: Filters, params: MetricParams, opts: SourceOptions = {}): Promise<void> {
    const generation = ++this.#generation;
    const progressive = !this.#published;
    await busy.track(async () => {
      const rows: Record<string, Row[]> = {};
      const errors: Record<string, string> = {};
      await Promise.all(this.specs.map(async (spec) => {
        try {
          rows[spec.id] = await reader.query(spec.query(filters, params, opts));
        } catch (e) {
          errors[spec.id] = e instanceof Error ? e.message : String(e);
          rows[spec.id] = [];
        }
        if (progressive && generation === this.#generation) this.#publish(this.#inOrder(rows), { ...errors });
      }));
      if (generation === this.#generation) this.#publish(this.#inOrder(rows), errors);
      // Second queries (the ranking's last tiebreak) after the charts are on screen, so a click
      // never waits for them; each replaces its chart's rows when it comes in.
      await Promise.all(this.specs.map(async (spec) => {
        const sql = spec.refine && !errors[spec.id] ? spec.refine(rows[spec.id], filters, params) : null;
        if (!sql) return;
        try {
          const refined = await reader.query(sql);
          if (generation === this.#generation) this.#publish({ ...this.rows, [spec.id]: refined }, this.errors);
        } catch {
          // The first answer stays: ties shown as equal ranks, which is what it says.
        }
      }));
    });
  }

  /** The answers in the specs' order, whatever order they came in. */
  #inOrder(rows: Record<string, Row[]>): Record<string, Row[]> {
    const out: Record<string, Row[]> = {};
    for (const spec of this.specs) if (spec.id in rows) out[spec.id] = rows[spec.id];
    return out;
  }

  #publish(rows: Record<string, Row[]>, errors: Record<string, string>) {
    this.rows = rows;
    this.errors = errors;
    this.#published = true;
  }
}

/** Runs a single-row query (KPIs) with the same stale-answer rule. */
export class RowResult<T> {
  row = $state.raw<T | null>(null);
  error = $state<string | null>(null);
  #generation = 0;

  /** Runs `sql` and keeps its first row unless a newer call has started meanwhile. */
  async refresh(reader: Reader, sql: string): Promise<void> {
    const generation = ++this.#generation;
    await busy.track(async () => {
      try {
        const rows = await reader.query<T>(sql);
        if (generation === this.#generation) {
          this.row = rows[0] ?? null;
          this.error = null;
        }
      } catch (e) {
        if (generation === this.#generation) this.error = e instanceof Error ? e.message : String(e);
      }
    });
  }
}
