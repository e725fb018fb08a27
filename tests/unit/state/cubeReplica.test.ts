import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import type { Engine, Row } from '../../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { DERIVED_TABLES } from '../../../src/lib/queries/cube';
import { emptyFilters, type Filters } from '../../../src/lib/queries/filters';
import { readsCubeOnly } from '../../../src/lib/queries/source';
import type { Catalogue } from '../../../src/lib/state/catalogue';
import { CubeReplica } from '../../../src/lib/state/cubeReplica';
import { dashboardQueries } from '../../../src/lib/state/dashboardQueries';
import { warmupStates } from '../../../src/lib/state/warmup';
import { freshEngine, sampleEngineWithCube } from '../import/helpers';

type NodeEngine = Engine & { close(): void };
const CUBE = { source: 'cube' } as const;

describe('CubeReplica with the sample loaded, on real engines', () => {
  let main: NodeEngine;
  let cat: Catalogue;
  const opened: NodeEngine[] = [];
  const open = async () => {
    const e = await openNodeEngine();
    opened.push(e);
    return e;
  };

  beforeAll(async () => {
    ({ engine: main, catalogue: cat } = await sampleEngineWithCube());
  });
  afterAll(() => [main, ...opened].forEach((e) => e.close()));

  /** The warm-up's states plus the filters they leave out: L2, several statuses with unknown, a county list, unit types and sources. */
  function states(): Filters[] {
    const asOf = cat.defaultAsOf;
    return [
      emptyFilters(asOf),
      ...warmupStates(cat, 15),
      { ...emptyFilters(asOf), l2: ['A1', 'H2'] },
      { ...emptyFilters(asOf), statuses: ['in_progress', 'unknown'], counties: cat.counties.slice(0, 2).map((c) => c.county) },
      { ...emptyFilters(asOf), rounds: cat.rounds.slice(0, 2).map((r) => r.round_key), categories: ['A', 'C'], statuses: ['completed'] },
      // The attribute cubes (单位类型, 问题来源), alone and with status and county.
      { ...emptyFilters(asOf), unitTypes: cat.unitTypes.slice(0, 2).map((o) => o.value) },
      { ...emptyFilters(asOf), sources: cat.sources.slice(0, 1).map((o) => o.value), statuses: ['not_completed'], counties: cat.counties.slice(0, 3).map((c) => c.county) },
    ];
  }

  it('holds the derived tables and nothing else, and answers every dashboard query of every state as the main engine does', async () => {
    const replica = new CubeReplica(open);
    const copy = await replica.sync(main);
    expect(copy).not.toBeNull();
    const tables = await copy!.query<{ table_name: string }>('SELECT table_name FROM duckdb_tables() ORDER BY 1');
    expect(tables.map((t) => t.table_name)).toEqual([...DERIVED_TABLES].sort());
    let compared = 0;
    for (const filters of states()) {
      expect(readsCubeOnly(filters, CUBE)).toBe(true);
      for (const q of dashboardQueries(filters, DEFAULT_PARAMS, CUBE)) {
        const [a, b] = await Promise.all([main.query(q.sql), copy!.query(q.sql)]);
        expect(b, `${q.id} for ${JSON.stringify(filters)}`).toEqual(a);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('reads through both engines once the copy is made, and through the main engine alone once it is stale', async () => {
    const replica = new CubeReplica(open);
    const seen: string[] = [];
    const watched = (name: string, e: Engine): Engine => ({ ...e, query: <T = Row>(sql: string) => (seen.push(name), e.query<T>(sql)) });
    const mainWatched = watched('main', main);
    expect(replica.reader(mainWatched)).toBe(mainWatched); // before any copy
    const copy = await replica.sync(mainWatched);
    expect(copy).not.toBeNull();
    const reader = replica.reader(mainWatched);
    const sql = dashboardQueries(emptyFilters(cat.defaultAsOf), DEFAULT_PARAMS, CUBE).map((q) => q.sql);
    seen.length = 0;
    await Promise.all(sql.map((s) => reader.query(s)));
    expect(seen).toContain('main');
    expect(seen.length).toBeLessThan(sql.length); // the rest went to the copy
    replica.invalidate();
    expect(replica.reader(mainWatched)).toBe(mainWatched);
  });

  it('drops a copy that a newer data change overtook, and starts its engine once', async () => {
    let opens = 0;
    const replica = new CubeReplica(async () => (opens++, open()));
    const syncing = replica.sync(main);
    replica.invalidate(); // the data changed while the copy was being made
    expect(await syncing).toBeNull();
    expect(replica.reader(main)).toBe(main);
    expect(await replica.sync(main)).not.toBeNull();
    expect(replica.reader(main)).not.toBe(main);
    expect(opens).toBe(1);
  });

  it('makes one copy after the other when a data change comes during a copy, and the last one is exact', async () => {
    const replica = new CubeReplica(open);
    await replica.sync(main); // the engine is up: the next copy starts at once
    // The data changes while the next copy is reading its first table, and the page asks again.
    let second: Promise<Engine | null> | null = null;
    const changing: Engine = {
      ...main,
      queryArrowIPC: (sql: string) => {
        if (!second) {
          replica.invalidate();
          second = replica.sync(main);
        }
        return main.queryArrowIPC(sql);
      },
    };
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    let copy: Engine | null;
    try {
      expect(await replica.sync(changing)).toBeNull(); // finished, then found stale: not an error
      copy = await second!;
    } finally {
      console.warn = warn;
    }
    // Interleaved in the engine, the two copies would drop each other's tables half-way.
    expect(warnings).toEqual([]);
    expect(copy).not.toBeNull();
    for (const table of DERIVED_TABLES) {
      const count = `SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`;
      expect(await copy!.query(count), table).toEqual(await main.query(count));
    }
  });

  it('leaves the page on one engine when the second cannot start or the copy fails', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const broken = new CubeReplica(() => Promise.reject(new Error('no worker')));
      expect(await broken.sync(main)).toBeNull();
      expect(broken.reader(main)).toBe(main);
      const noCube = await freshEngine(); // no derived tables to copy
      opened.push(noCube);
      const replica = new CubeReplica(open);
      expect(await replica.sync(noCube)).toBeNull();
      expect(replica.reader(noCube)).toBe(noCube);
    } finally {
      console.warn = warn;
    }
  });
});

describe('readsCubeOnly', () => {
  it('is true for cube reads without a unit filter only', () => {
    const f = emptyFilters('2024-01-01');
    expect(readsCubeOnly(f, CUBE)).toBe(true);
    expect(readsCubeOnly({ ...f, units: ['某局'] }, CUBE)).toBe(false);
    expect(readsCubeOnly(f, { source: 'findings' })).toBe(false);
    expect(readsCubeOnly(f)).toBe(false);
  });
});
