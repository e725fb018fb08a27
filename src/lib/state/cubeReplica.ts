import { copyTables } from '../db/copyTables';
import { readerPool } from '../db/readerPool';
import type { Engine, Reader } from '../db/types';
import { DERIVED_TABLES } from '../queries/cube';

/**
 * A second engine, in its own worker, holding copies of the derived tables (the cube, a few
 * thousand rows), so that the dozen queries of a filter click run on two cores instead of one.
 * A click is mostly DuckDB planning a dozen SQL texts, one after another on one worker; two
 * workers share that work. The copy is made after every data change, while the page is idle;
 * until it is current, `reader` answers with the main engine alone, so no chart ever reads a
 * stale copy.
 */
export class CubeReplica {
  #engine: Promise<Engine> | null = null;
  #pool: Reader | null = null;
  #generation = 0;
  /** The copy under way, if any: copies run one after the other, never interleaved in the engine. */
  #copying: Promise<unknown> = Promise.resolve();
  /** Warm-up states the copy's engine has run (warmup.ts); kept here, as the engine is. */
  warmedStates = 0;

  constructor(private readonly open: () => Promise<Engine>) {}

  /** Marks the copy stale. Call before the main engine's derived tables change. */
  invalidate(): void {
    this.#generation++;
    this.#pool = null;
  }

  /**
   * Copies the derived tables of `main` into the second engine (started on the first call) and,
   * unless `invalidate` was called meanwhile, answers cube reads with both engines from then on.
   * Returns the second engine when the copy is current, else null. Never throws: without the
   * copy the page works as before, on one engine.
   */
  sync(main: Engine): Promise<Engine | null> {
    const generation = this.#generation;
    const copy = this.#copying.then(() => this.#copy(main, generation));
    this.#copying = copy;
    return copy;
  }

  async #copy(main: Engine, generation: number): Promise<Engine | null> {
    if (generation !== this.#generation) return null;
    try {
      const replica = await (this.#engine ??= this.open());
      if (generation !== this.#generation) return null;
      await copyTables(main, replica, DERIVED_TABLES);
      if (generation !== this.#generation) return null;
      // The copy first: the main engine also serves everything else (tables, imports, warm-up).
      this.#pool = readerPool([replica, main]);
      return replica;
    } catch (e) {
      console.warn('cube copy not made; charts read one engine', e);
      return null;
    }
  }

  /** Where cube-only reads go: both engines when the copy is current, else `main` alone. */
  reader(main: Reader): Reader {
    return this.#pool ?? main;
  }
}
