import type { Engine, Reader } from '../db/types';
import { SCHEMA_DDL } from '../db/schema';
import { renormaliseStored } from './renormalise';
import type { CategoryOption, CountyOption, DatasetRow, RoundOption, ValueOption } from '../queries/catalogue';
import { derivedTableStatements } from '../queries/cube';
import type { Filters } from '../queries/filters';
import { readsCubeOnly, type SourceOptions } from '../queries/source';
import { busy } from './busy';
import { CubeReplica } from './cubeReplica';
import { readCatalogue, type Catalogue } from './catalogue';
import { previewEngine } from './previewEngine';
import type { SampleSnapshot } from './sampleSnapshot';
import { DEFAULT_PARAMS } from '../domain/params';
import { WARMUP_MAX_MS } from './warmup';
import { afterDataChange } from './afterDataChange';

/** Engine life-cycle as the page shows it. */
export type DatabaseStatus = 'idle' | 'starting' | 'loading-sample' | 'ready' | 'error';

/**
 * Owns the engine for the page: starts it once, lazily, creates the schema, and keeps the
 * catalogue (datasets, rounds, counties) that filters and screens list. `version` increases
 * whenever the data changes, which is what every query result depends on. Also owns the second
 * engine that answers cube reads beside it (`cubeReader`, cubeReplica.ts).
 */
class Database {
  status = $state<DatabaseStatus>('idle');
  /** i18n key and detail of a start failure, shown on the page. */
  error = $state<{ key: string; detail: string } | null>(null);
  version = $state(0);
  datasets = $state.raw<DatasetRow[]>([]);
  rounds = $state.raw<RoundOption[]>([]);
  counties = $state.raw<CountyOption[]>([]);
  categories = $state.raw<CategoryOption[]>([]);
  unitTypes = $state.raw<ValueOption[]>([]);
  sources = $state.raw<ValueOption[]>([]);
  defaultAsOf = $state('');
  /** True when the data lives in the browser's private file system (kept across restarts). */
  persistent = $state(false);
  /** i18n key of a storage warning (another tab holds the database, OPFS unavailable). */
  storageWarning = $state<string | null>(null);
  /** True when the derived tables (cube.ts) match the current findings; charts then read them. */
  cubeReady = $state(false);
  /** True while the page shows the build-time sample snapshot and the engine is still starting. */
  previewing = $state(false);
  #engine: Engine | null = null;
  #starting: Promise<Engine> | null = null;
  #refreshed = false;
  #preview: { engine: Engine; resolve(e: Engine): void; reject(e: Error): void } | null = null;
  #warmup: AbortController | null = null;
  /** Warm-up states this engine has run (afterDataChange.ts). */
  #warmed = { states: 0 };
  #replica: CubeReplica | null = null;

  /**
   * The engine views query: while previewing, one that answers the opening dashboard from the
   * snapshot and waits for the live engine for anything else; then the live engine, once started.
   * Components call queries through state modules, never directly.
   */
  get engine(): Engine | null {
    return this.#preview?.engine ?? this.#engine;
  }

  /**
   * The earliest feedback date of the loaded rounds when the as-of date T lies before it: no finding
   * is in S at T whatever the filters, which views say instead of blaming the filters.
   */
  feedbackAfter(asOf: string): string | null {
    const dates = this.rounds.map((r) => r.feedback_date).filter((d): d is string => !!d).sort();
    return dates.length && asOf < dates[0] ? dates[0] : null;
  }

  /**
   * The loaded ledgers stated as of a day before the as-of date T: what became of their open items
   * after that day is unknown, yet at T an item past its deadline counts as overdue. Their number
   * and the earliest such day, or null when every ledger is as of T or later (or states no day).
   * Only ledgers with findings of the rounds and counties the filters select (all when none is).
   */
  ledgersBefore(asOf: string, filters: Pick<Filters, 'rounds' | 'counties'> = { rounds: [], counties: [] }): { count: number; earliest: string } | null {
    const meets = (selected: string[], held: string[] | undefined) => !selected.length || (held ?? []).some((v) => selected.includes(v));
    const days = this.datasets.filter((d) => meets(filters.rounds, d.rounds) && meets(filters.counties, d.counties))
      .map((d) => d.as_of_date).filter((d): d is string => !!d && d < asOf).sort();
    return days.length ? { count: days.length, earliest: days[0] } : null;
  }

  /** True while only the embedded sample is loaded. */
  get sampleOnly(): boolean {
    return this.datasets.length > 0 && this.datasets.every((d) => d.is_sample);
  }

  /** Where chart and KPI builders read S from: the cube when it is current, else `findings`. */
  get source(): SourceOptions {
    return { source: this.cubeReady ? 'cube' : 'findings' };
  }

  /**
   * Where the dashboard's KPI and chart queries for these filters go: when they read the cube
   * only, both engines (cubeReplica.ts) once the copy is current; otherwise the engine alone.
   */
  cubeReader(filters: Filters): Reader | null {
    const engine = this.engine;
    if (!engine || !this.#replica || !readsCubeOnly(filters, this.source)) return engine;
    return this.#replica.reader(engine);
  }

  /**
   * Starts the engine (once) and creates the schema. `openReplica`, when given, opens the second
   * engine that answers cube reads beside it; it is started after the first data is in.
   */
  start(open: () => Promise<Engine>, openReplica?: () => Promise<Engine>): Promise<Engine> {
    if (openReplica) this.#replica ??= new CubeReplica(openReplica);
    this.#starting ??= busy.track(async () => {
      this.status = 'starting';
      try {
        const engine = await open();
        for (const statement of SCHEMA_DDL) await engine.exec(statement);
        // Stored unit keys made by an earlier version's rules are brought up to date (renormalise.ts).
        await renormaliseStored(engine);
        this.#engine = engine;
        return engine;
      } catch (e) {
        this.status = 'error';
        this.error = { key: 'error.engineStart', detail: e instanceof Error ? e.message : String(e) };
        throw e;
      }
    });
    return this.#starting;
  }

  /**
   * The engine views query once it can be had: now, or when the start under way ends; null when the
   * start failed or was never begun (the page then says why, `error`).
   */
  async whenStarted(): Promise<Engine | null> {
    if (this.engine) return this.engine;
    await this.#starting?.catch(() => null);
    return this.engine;
  }

  /**
   * Shows the build-time snapshot of the sample while the engine starts (startup.ts decides that
   * the page opens on that very sample). Ends with the first `refresh` or with `endPreview`.
   */
  async showPreview(snapshot: SampleSnapshot): Promise<void> {
    if (this.#refreshed) return; // the live data came first
    let resolve!: (e: Engine) => void;
    let reject!: (e: Error) => void;
    const live = new Promise<Engine>((res, rej) => ((resolve = res), (reject = rej)));
    // A start that fails rejects queries that were waiting; nobody else awaits this promise.
    live.catch(() => {});
    this.#preview = { engine: previewEngine(snapshot.results, live), resolve, reject };
    const catalogue = await readCatalogue(this.#preview.engine);
    if (this.#refreshed) return;
    this.#apply(catalogue);
    this.cubeReady = true;
    this.previewing = true;
    this.version++;
  }

  /**
   * Ends the preview once the start is over (status set): views stay mounted when it succeeded
   * (`refresh` has already moved them to the live engine); when it failed, queries still waiting
   * fail and the views close.
   */
  endPreview() {
    this.#preview?.reject(new Error('the engine did not start'));
    this.#preview = null;
    this.previewing = false;
  }

  /** Re-reads the catalogue and bumps `version` so every view re-queries (on the live engine). */
  async refresh(): Promise<void> {
    const engine = this.#engine;
    if (!engine) return;
    // Before the cube changes: until the copy is made again, cube reads go to this engine alone.
    this.#replica?.invalidate();
    await busy.track(async () => {
      await this.#rebuildDerived(engine);
      this.#apply(await readCatalogue(engine));
      this.#refreshed = true;
      // Views move to the live engine with this version; `previewing` ends with the start.
      this.#preview?.resolve(engine);
      this.#preview = null;
      this.version++;
    });
    this.#warm(engine);
  }

  /**
   * Background work after a data change (afterDataChange.ts): the warm-up, then the cube copy into
   * the second engine and its warm-up, only while the page is idle. A newer data change stops it
   * and starts its own.
   */
  #warm(engine: Engine) {
    this.#warmup?.abort();
    const controller = (this.#warmup = new AbortController());
    void afterDataChange(engine, this, this.cubeReady ? this.#replica : null, {
      params: DEFAULT_PARAMS, source: this.source, signal: controller.signal, idle: () => busy.whenPageIdle(), maxMs: WARMUP_MAX_MS,
      mainWarmed: this.#warmed,
    });
  }

  #apply(catalogue: Catalogue) {
    this.datasets = catalogue.datasets;
    this.rounds = catalogue.rounds;
    this.counties = catalogue.counties;
    this.categories = catalogue.categories;
    this.unitTypes = catalogue.unitTypes;
    this.sources = catalogue.sources;
    this.defaultAsOf = catalogue.defaultAsOf;
  }

  /**
   * Rebuilds the cube after a data change. If that fails (memory), charts fall back to the base
   * table: slower, same answers.
   */
  async #rebuildDerived(engine: Engine): Promise<void> {
    // cubeReady is not cleared meanwhile: that would re-run every view's queries on `findings`
    // (seconds at 1M) while the cube is rebuilt; views re-query anyway when `version` moves on.
    try {
      for (const statement of derivedTableStatements()) await engine.exec(statement);
      this.cubeReady = true;
    } catch (e) {
      this.cubeReady = false;
      console.warn('derived tables not built; charts read findings directly', e);
    }
  }

  /** Marks the page failed with a message key (bad sample, storage failure...). */
  fail(key: string, detail: string) {
    this.status = 'error';
    this.error = { key, detail };
  }
}

export const database = new Database();
