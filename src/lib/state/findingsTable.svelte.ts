import type { Engine } from '../db/types';
import type { Filters } from '../queries/filters';
import type { MetricParams } from '../domain/params';
import { findingsTableQuery, findingsCountQuery, type FindingTableRow, type SortKey } from '../queries/findingsTable';
import { busy } from './busy';

/** Rows fetched per request; the table asks for the pages its viewport shows. */
export const TABLE_PAGE = 100;

/**
 * The drill-down table's data: total count and the pages fetched so far for the current query
 * (filters, sort, search). A new query drops the cache; pages arrive as the analyst scrolls, so
 * 100k findings never load at once.
 */
export class FindingsTableData {
  total = $state(0);
  pages = $state.raw<Map<number, FindingTableRow[]>>(new Map());
  sort = $state<SortKey>('finding_id');
  direction = $state<'asc' | 'desc'>('asc');
  search = $state('');
  error = $state<string | null>(null);
  /** True once `total` answers the current query (an empty table then says so). */
  counted = $state(false);
  #key = '';
  #pending = new Set<number>();

  /** Starts over for a new query; fetches the count and the first page. */
  async reset(engine: Engine, filters: Filters, params: MetricParams): Promise<void> {
    this.#key = JSON.stringify([filters, params, this.sort, this.direction, this.search]);
    this.#pending.clear();
    this.pages = new Map();
    this.counted = false;
    const key = this.#key;
    await busy.track(async () => {
      try {
        const [count] = await engine.query<{ total: number }>(findingsCountQuery(filters, params, { search: this.search }));
        if (key === this.#key) {
          this.total = count?.total ?? 0;
          this.counted = true;
        }
      } catch (e) {
        if (key === this.#key) this.error = e instanceof Error ? e.message : String(e);
      }
    });
    await this.ensure(engine, filters, params, 0, TABLE_PAGE);
  }

  /** Fetches the pages covering rows [from, to) that are not loaded yet. */
  async ensure(engine: Engine, filters: Filters, params: MetricParams, from: number, to: number): Promise<void> {
    const key = this.#key;
    const first = Math.floor(from / TABLE_PAGE);
    const last = Math.floor(Math.max(from, to - 1) / TABLE_PAGE);
    for (let page = first; page <= last; page++) {
      if (this.pages.has(page) || this.#pending.has(page) || page * TABLE_PAGE >= Math.max(this.total, 1)) continue;
      this.#pending.add(page);
      await busy.track(async () => {
        try {
          const rows = await engine.query<FindingTableRow>(findingsTableQuery(filters, params, {
            sort: this.sort, direction: this.direction, search: this.search, limit: TABLE_PAGE, offset: page * TABLE_PAGE,
          }));
          if (key !== this.#key) return;
          const next = new Map(this.pages);
          next.set(page, rows);
          this.pages = next;
          this.error = null;
        } catch (e) {
          if (key === this.#key) this.error = e instanceof Error ? e.message : String(e);
        } finally {
          this.#pending.delete(page);
        }
      });
    }
  }

  /** The row at an index, if its page is loaded. */
  rowAt(index: number): FindingTableRow | undefined {
    return this.pages.get(Math.floor(index / TABLE_PAGE))?.[index % TABLE_PAGE];
  }
}
