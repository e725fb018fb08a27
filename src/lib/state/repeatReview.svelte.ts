import type { Engine } from '../db/types';
import type { Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';
import { repeatSuggestionsSql, repeatSuggestionCountSql, type RepeatSuggestionRow } from '../queries/repeats/suggestions';
import { saveDecisionSql, clearDecisionSql } from '../queries/repeats/decisions';
import { busy } from './busy';
import { database } from './database.svelte';
import { importer } from './importer.svelte';

/** Page size of the suggestion list. */
export const REVIEW_PAGE = 50;

/**
 * The repeat-link review: a page of suggestions for the current view, and the analyst's
 * confirm / reject / undo, stored in `repeat_decisions` and persisted at once.
 */
class RepeatReview {
  rows = $state.raw<RepeatSuggestionRow[]>([]);
  total = $state(0);
  page = $state(0);
  error = $state<string | null>(null);
  /** The suggestion rejected last: it leaves the list, so its undo is offered above it. */
  lastRejected = $state.raw<RepeatSuggestionRow | null>(null);
  #generation = 0;

  /** Loads the current page for the view. */
  async refresh(engine: Engine, filters: Filters, params: MetricParams): Promise<void> {
    const generation = ++this.#generation;
    await busy.track(async () => {
      try {
        // The page's rows carry the total (one pass over the links instead of two); only a page
        // past the end (e.g. after decisions emptied the last one) asks for the count alone.
        const rows = await engine.query<RepeatSuggestionRow>(repeatSuggestionsSql(filters, params, { limit: REVIEW_PAGE, offset: this.page * REVIEW_PAGE }));
        const total = rows.length ? rows[0].total
          : this.page > 0 ? ((await engine.query<{ suggestions: number }>(repeatSuggestionCountSql(filters, params)))[0]?.suggestions ?? 0) : 0;
        if (generation !== this.#generation) return;
        this.rows = rows;
        this.total = total;
        this.error = null;
      } catch (e) {
        if (generation === this.#generation) this.error = e instanceof Error ? e.message : String(e);
      }
    });
  }

  /** Confirms or rejects one suggestion; every metric that counts repeats follows. */
  async decide(row: RepeatSuggestionRow, decision: 'confirmed' | 'rejected'): Promise<void> {
    this.lastRejected = decision === 'rejected' ? row : null;
    await this.#store(saveDecisionSql({
      earlierDatasetId: row.g_dataset_id, earlierFindingId: row.g_finding_id,
      laterDatasetId: row.f_dataset_id, laterFindingId: row.f_finding_id,
      rule: row.rule, score: row.score, decision, decidedAt: new Date().toISOString(),
    }));
  }

  /** Withdraws a decision. */
  async undo(row: RepeatSuggestionRow): Promise<void> {
    if (this.lastRejected === row) this.lastRejected = null;
    await this.#store(clearDecisionSql({
      earlierDatasetId: row.g_dataset_id, earlierFindingId: row.g_finding_id,
      laterDatasetId: row.f_dataset_id, laterFindingId: row.f_finding_id,
    }));
  }

  /**
   * Writes a decision and persists it; the page counts as busy until then (DESIGN.md data-busy
   * contract), and every view re-queries afterwards.
   */
  async #store(sql: string): Promise<void> {
    const engine = database.engine;
    // A decision written while an import commits would join the import's transaction (and go if it failed).
    if (!engine || importer.running) return;
    await busy.track(async () => {
      try {
        await engine.exec(sql);
        await engine.exec('CHECKPOINT');
        this.error = null;
        database.version++;
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e);
      }
    });
  }
}

export const repeatReview = new RepeatReview();
