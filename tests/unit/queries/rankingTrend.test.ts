import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { countyRankingQuery, tiedCounties, type CountyRankRow } from '../../../src/lib/queries/countyRanking';
import { roundTrendQuery } from '../../../src/lib/queries/roundTrend';
import { rectificationCurveQuery } from '../../../src/lib/queries/rectificationCurve';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { insertFindings, insertRounds, openFixtureEngine, times, type TestEngine } from './fixture';

const pick = (rows: Record<string, unknown>[], cols: string[]) => rows.map((r) => cols.map((c) => r[c]));

describe('countyRankingQuery (#27)', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const done = { feedback_date: '2023-01-01', status: 'completed', completion_date: '2023-03-01' };
    const open = { feedback_date: '2023-01-01', status: 'in_progress' };
    await insertFindings(engine, [
      ...times(2, { ...done, county: '婺城区' }),
      { ...done, county: '婺城区', completion_date: '2023-09-01', deadline: '2023-12-31' },
      { ...open, county: '婺城区', deadline: '2023-05-01' },
      ...times(3, { ...done, county: '金东区' }),
      { ...open, county: '金东区', deadline: '2024-06-30' },
      ...times(2, { ...done, county: '武义县' }),
      { ...open, county: '武义县' },
      ...times(2, { ...done, county: '浦江县' }),
      ...times(3, { ...done, county: '兰溪市' }),
      { ...open, county: '兰溪市' },
    ]);
  });
  afterAll(() => engine.close());
  const params = { ...DEFAULT_PARAMS, smallNMin: 3 };
  const cols = ['county', 'n', 'completed', 'overdue', 'small_sample', 'rank'];
  test('T1: a completion after T lowers 婺城区 below 武义县; small N unranked', async () => {
    const rows = await engine.query<Record<string, unknown>>(countyRankingQuery({ ...emptyFilters('2023-06-30'), counties: ['婺城区'] }, params));
    expect(pick(rows, cols)).toEqual([
      ['兰溪市', 4, 3, 0, false, 1], ['金东区', 4, 3, 0, false, 1], ['武义县', 3, 2, 0, false, 3],
      ['婺城区', 4, 2, 1, false, 4], ['浦江县', 2, 2, 0, true, null],
    ]);
  });
  test('T2: equal rates, fewer overdue ranks first', async () => {
    const rows = await engine.query<Record<string, unknown>>(countyRankingQuery(emptyFilters('2023-12-31'), params));
    expect(pick(rows, ['county', 'rank'])).toEqual([['兰溪市', 1], ['金东区', 1], ['婺城区', 3], ['武义县', 4], ['浦江县', null]]);
    expect(rows[2].completion_rate).toBe(0.75);
    expect(rows[0].unit_repeat_rate).toBeNull();
  });
  test('T2: the same-unit repeat rate breaks the remaining tie', async () => {
    const rates = `SELECT * FROM (VALUES ('兰溪市', 0.2), ('金东区', 0.1)) t(county, unit_repeat_rate)`;
    const rows = await engine.query<Record<string, unknown>>(countyRankingQuery(emptyFilters('2023-12-31'), params, { sameUnitRepeatRateByCounty: rates }));
    expect(pick(rows, ['county', 'rank', 'unit_repeat_rate'])).toEqual([['金东区', 1, 0.1], ['兰溪市', 2, 0.2], ['婺城区', 3, null], ['武义县', 4, null], ['浦江县', null, null]]);
  });
});

describe('roundTrendQuery (#28) and rectificationCurveQuery', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    await insertRounds(engine, [
      { round_key: 'A', inspector_level: '省委', year: 2018, feedback_date: '2018-09-01' },
      { round_key: 'B', inspector_level: '市委', year: 2019, feedback_date: '2019-05-01' },
      { round_key: 'C', inspector_level: '省委', year: 2020, feedback_date: '2020-03-01' },
      { round_key: 'D', inspector_level: '市委', year: 2017, feedback_date: '2017-01-01' },
    ]);
    await insertFindings(engine, [
      { round_key: 'A', feedback_date: '2018-09-01', status: 'completed', completion_date: '2018-12-01' },
      { round_key: 'A', feedback_date: '2018-09-01', status: 'in_progress' },
      { round_key: 'B', feedback_date: '2019-05-01', status: 'completed', completion_date: '2019-06-01' },
      { round_key: 'B', feedback_date: '2019-05-01', status: 'completed', completion_date: '2020-01-01' },
      { round_key: 'C', feedback_date: '2020-03-01', status: 'not_completed' },
      { round_key: 'D', feedback_date: '2017-01-01', status: 'completed', completion_date: '2017-03-01' },
    ]);
  });
  afterAll(() => engine.close());
  const cols = ['round_key', 'inspector_level', 'n', 'completed', 'completion_rate'];
  test.each([
    ['2019-12-31', [['D', '市委', 1, 1, 1], ['B', '市委', 2, 1, 0.5], ['A', '省委', 2, 1, 0.5]]],
    ['2020-12-31', [['D', '市委', 1, 1, 1], ['B', '市委', 2, 2, 1], ['A', '省委', 2, 1, 0.5], ['C', '省委', 1, 0, 0]]],
  ])('trend as of %s: levels apart, rounds in time order, round filter ignored', async (asOf, want) => {
    const rows = await engine.query<Record<string, unknown>>(roundTrendQuery({ ...emptyFilters(asOf), rounds: ['A'] }, DEFAULT_PARAMS));
    expect(pick(rows, cols)).toEqual(want);
  });

  test.each([
    ['2019-12-31', [['D', 0, 0, 1], ['D', 59, 1, 1], ['A', 0, 0, 2], ['A', 91, 1, 2], ['B', 0, 0, 2], ['B', 31, 1, 2]]],
    ['2020-12-31', [['D', 0, 0, 1], ['D', 59, 1, 1], ['A', 0, 0, 2], ['A', 91, 1, 2], ['B', 0, 0, 2], ['B', 31, 1, 2], ['B', 245, 2, 2], ['C', 0, 0, 1]]],
  ])('curve as of %s: cumulative completions by day since feedback', async (asOf, want) => {
    const rows = await engine.query<Record<string, unknown>>(rectificationCurveQuery(emptyFilters(asOf), DEFAULT_PARAMS));
    expect(pick(rows, ['round_key', 'day', 'completed', 'n'])).toEqual(want);
  });
});

describe('rectificationCurveQuery edge cases', () => {
  test('same-day completions stack, early completions sit at day 0, undated ones stay in n only', async () => {
    const engine = await openFixtureEngine();
    const fb = { feedback_date: '2023-01-01' };
    await insertFindings(engine, [
      { ...fb, status: 'completed', completion_date: '2022-12-20' },
      ...times(2, { ...fb, status: 'completed', completion_date: '2023-01-11' }),
      { ...fb, status: 'completed', completion_date: '2023-03-02' },
      { ...fb, status: 'in_progress' },
      { ...fb, status: 'completed' },
    ]);
    const rows = await engine.query<Record<string, unknown>>(rectificationCurveQuery(emptyFilters('2023-02-01'), DEFAULT_PARAMS));
    expect(pick(rows, ['day', 'completed', 'n', 'completion_rate'])).toEqual([[0, 1, 6, 1 / 6], [10, 3, 6, 3 / 6]]);
    engine.close();
  });
});

describe('county-ranking spec: same-unit repeat rate as the last tiebreak', () => {
  test('equal rate and overdue: the county without a same-unit repeat ranks first', async () => {
    const { rankingWithRepeatTiebreak } = await import('../../../src/lib/state/chartSpecs');
    const engine = await openFixtureEngine();
    const done = { status: 'completed', completion_date: '2023-09-01' };
    await insertFindings(engine, [
      { ...done, county: '东阳市', unit_name: 'U', round_key: 'R1', feedback_date: '2022-01-01', category_l2: 'A1' },
      { ...done, county: '东阳市', unit_name: 'U', round_key: 'R2', feedback_date: '2023-01-01', category_l2: 'A1' },
      { ...done, county: '兰溪市', unit_name: 'V', round_key: 'R1', feedback_date: '2022-01-01', category_l2: 'A1' },
      { ...done, county: '兰溪市', unit_name: 'V', round_key: 'R2', feedback_date: '2023-01-01', category_l2: 'B1' },
    ]);
    const params = { ...DEFAULT_PARAMS, smallNMin: 2 };
    const f = { ...emptyFilters('2023-12-31'), counties: ['东阳市'] };
    const plain = await engine.query<CountyRankRow>(countyRankingQuery(f, params));
    expect(pick(plain as never[], ['county', 'rank'])).toEqual([['东阳市', 1], ['兰溪市', 1]]);
    const tied = tiedCounties(plain);
    expect(tied).toEqual(['东阳市', '兰溪市']);
    const want = [['兰溪市', 1, 0], ['东阳市', 2, 0.5]];
    expect(pick(await engine.query(rankingWithRepeatTiebreak(f, params, tied)), ['county', 'rank', 'unit_repeat_rate'])).toEqual(want);
    expect(pick(await engine.query(rankingWithRepeatTiebreak(f, params)), ['county', 'rank', 'unit_repeat_rate'])).toEqual(want);
    // The page's chart spec asks for exactly this second query, and only when counties are tied.
    const { ANALYSIS_CHARTS } = await import('../../../src/lib/state/chartSpecs');
    const spec = ANALYSIS_CHARTS.find((c) => c.id === 'county-ranking')!;
    const second = spec.refine!(plain as never[], f, params);
    expect(pick(await engine.query(second!), ['county', 'rank', 'unit_repeat_rate'])).toEqual(want);
    expect(spec.refine!([{ county: '东阳市', rank: 1, n: 2 }, { county: '兰溪市', rank: 2, n: 2 }] as never[], f, params)).toBeNull();
    // Past the bound the tie stays: the query would hold the engine up for seconds.
    const { MAX_TIEBREAK_FINDINGS } = await import('../../../src/lib/state/chartSpecs');
    const big = (n: number) => [{ county: '东阳市', rank: 1, n }, { county: '兰溪市', rank: 1, n }] as never[];
    expect(spec.refine!(big(MAX_TIEBREAK_FINDINGS / 2), f, params)).not.toBeNull();
    expect(spec.refine!(big(MAX_TIEBREAK_FINDINGS / 2 + 1), f, params)).toBeNull();
    engine.close();
  });
});

test.each([
  [[{ county: 'a', rank: 1 }, { county: 'b', rank: 2 }, { county: 'c', rank: null }, { county: 'd', rank: null }], []],
  [[{ county: 'a', rank: 1 }, { county: 'b', rank: 1 }, { county: 'c', rank: 3 }, { county: 'd', rank: 3 }, { county: 'e', rank: 5 }], ['a', 'b', 'c', 'd']],
])('tiedCounties: unranked small samples never count as tied (%#)', (rows, want) => {
  expect(tiedCounties(rows)).toEqual(want);
});
