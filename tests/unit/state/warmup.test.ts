import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Row } from '../../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import type { Catalogue } from '../../../src/lib/state/catalogue';
import { dashboardQueries } from '../../../src/lib/state/dashboardQueries';
import { warmUp, warmupStates } from '../../../src/lib/state/warmup';
import { sampleEngineWithCube } from '../import/helpers';

const catalogue = {
  rounds: [
    { round_key: 'r1', round_label: '第一轮', inspection_kind: '巡察', year: 2022, feedback_date: '2022-03-01', findings: 5 },
    { round_key: 'r2', round_label: '第二轮', inspection_kind: '巡察', year: 2023, feedback_date: null, findings: 5 },
  ],
  counties: [{ county: '永康市', county_code: '330784', findings: 4 }, { county: '兰溪市', county_code: '330781', findings: 6 }],
  categories: [{ code: 'A', findings: 7 }, { code: 'C', findings: 3 }],
  defaultAsOf: '2024-03-01',
} satisfies Pick<Catalogue, 'rounds' | 'counties' | 'categories' | 'defaultAsOf'>;

describe('warm-up filter states', () => {
  it('cycle through round, county, both, category and status, and look back every third state', () => {
    const states = warmupStates(catalogue, 8);
    expect(states.map((f) => [f.rounds, f.counties, f.categories, f.statuses, f.asOf])).toEqual([
      [['r1'], [], [], [], '2024-03-01'],
      [[], ['兰溪市'], [], [], '2024-03-01'], // a look-back state, but r2 has no feedback date
      [['r1'], ['永康市'], [], [], '2024-03-01'],
      [[], [], ['C'], [], '2024-03-01'],
      [[], [], [], ['completed'], '2023-03-01'], // halfway from r1's feedback (365 of 731 days)
      [['r2'], [], [], [], '2024-03-01'],
      [[], ['永康市'], [], [], '2024-03-01'],
      [['r2'], ['兰溪市'], [], [], '2024-03-01'], // a look-back state, r2 again
    ]);
    expect(states.every((f) => f.units.length === 0 && f.l2.length === 0)).toBe(true);
  });

  it('are none without data', () => {
    expect(warmupStates({ ...catalogue, rounds: [] }, 5)).toEqual([]);
    expect(warmupStates({ ...catalogue, defaultAsOf: '' }, 5)).toEqual([]);
    expect(warmupStates(catalogue, 0)).toEqual([]);
  });
});

describe('warmUp on the real engine with the sample loaded', () => {
  let engine: Engine & { close(): void };
  let cat: Catalogue;
  const source = { source: 'cube' } as const;

  beforeAll(async () => {
    ({ engine, catalogue: cat } = await sampleEngineWithCube());
  });
  afterAll(() => engine.close());

  it('runs every dashboard query of every state, and none of them fails', async () => {
    const failures: string[] = [];
    const watched: Engine = { ...engine, query: <T = Row>(sql: string) => engine.query<T>(sql).catch((e): T[] => (failures.push(`${e}`), [])) };
    const states = warmupStates(cat, 10);
    const perState = dashboardQueries(states[0], DEFAULT_PARAMS, source).length;
    const r = await warmUp(watched, states, { params: DEFAULT_PARAMS, source });
    expect(failures).toEqual([]);
    expect(r).toMatchObject({ states: 10, queries: 10 * perState });
    expect(perState).toBe(13);
  });

  it('waits for the page before each query and stops when aborted or out of time', async () => {
    const states = warmupStates(cat, 3);
    const controller = new AbortController();
    let waits = 0;
    const idle = async () => {
      if (++waits === 3) controller.abort();
    };
    expect(await warmUp(engine, states, { params: DEFAULT_PARAMS, source, idle, signal: controller.signal })).toMatchObject({ states: 0, queries: 2 });
    expect(await warmUp(engine, states, { params: DEFAULT_PARAMS, source, maxMs: -1 })).toMatchObject({ states: 0, queries: 0 });
  });

  it('never throws: a failing query is skipped', async () => {
    const broken: Engine = { ...engine, query: () => Promise.reject(new Error('gone')) };
    expect(await warmUp(broken, warmupStates(cat, 2), { params: DEFAULT_PARAMS, source })).toMatchObject({ states: 2, queries: 26 });
  });
});
