import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { categoryMixQuery } from '../../../src/lib/queries/categoryMix';
import { completionHeatmapQuery } from '../../../src/lib/queries/completionHeatmap';
import { statusByCountyQuery } from '../../../src/lib/queries/statusByCounty';
import { repeatsByRoundQuery } from '../../../src/lib/queries/repeatsByRound';
import { statusByRoundQuery } from '../../../src/lib/queries/statusByRound';
import { emptyFilters, type Filters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS, type MetricParams } from '../../../src/lib/domain/params';
import { insertFindings, insertRounds, openFixtureEngine, type TestEngine } from './fixture';

// Round RB was fed back before RA although its key sorts after: order must follow the date.
// RC has no `rounds` row: its label falls back to its key and its date to its findings'.
const T1 = '2018-09-10';
const T2 = '2019-12-31';
let engine: TestEngine;
beforeAll(async () => {
  engine = await openFixtureEngine();
  await insertRounds(engine, [
    { round_key: 'RA', round_label: '十四届省委第四轮巡视', year: 2018, feedback_date: '2018-09-01' },
    { round_key: 'RB', round_label: '八届市委第三轮巡察', year: 2017, feedback_date: '2017-05-01' },
  ]);
  const rb = { round_key: 'RB', feedback_date: '2017-05-01' };
  const ra = { round_key: 'RA', feedback_date: '2018-09-01' };
  await insertFindings(engine, [
    { ...rb, finding_id: 'b1', category_l1: 'A', status: 'completed', completion_date: '2017-08-01', deadline: '2017-07-31' },
    { ...rb, finding_id: 'b2', category_l1: 'A', status: 'in_progress', deadline: '2017-06-01' },
    { ...rb, finding_id: 'b3', category_l1: 'H', category_l2: 'H1', status: 'completed', completion_date: '2018-10-01' },
    { ...rb, finding_id: 'b4', county: '义乌市', category_l1: 'C', status: 'not_completed', deadline: '2017-09-30' },
    { ...ra, finding_id: 'a1', category_l1: 'A', status: null, deadline: '2018-10-05' },
    { ...ra, finding_id: 'a2', category_l1: 'H', category_l2: 'H2', status: 'completed', completion_date: '2018-10-01' },
    { ...ra, finding_id: 'a3', category_l1: 'D', status: 'in_progress', deadline: '2018-09-20', is_prior_round_issue: true },
    { round_key: 'RC', feedback_date: '2019-03-01', finding_id: 'c1', county: '义乌市', category_l1: 'B', status: 'completed', completion_date: '2019-04-01' },
  ]);
});
afterAll(() => engine.close());

const run = (sql: string) => engine.query<Record<string, unknown>>(sql);
const pick = (rows: Record<string, unknown>[], cols: string[]) => rows.map((r) => cols.map((c) => r[c]));
const at = (asOf: string, extra: Partial<Filters> = {}): Filters => ({ ...emptyFilters(asOf), ...extra });

describe('categoryMixQuery', () => {
  const cols = ['round_key', 'round_pos', 'category_l1', 'n', 'round_n'];
  test.each([
    ['T1, rounds by feedback date', at(T1), [['RB', 1, 'A', 2, 4], ['RB', 1, 'C', 1, 4], ['RB', 1, 'H', 1, 4], ['RA', 2, 'A', 1, 3], ['RA', 2, 'D', 1, 3], ['RA', 2, 'H', 1, 3]]],
    ['T1, own category filter ignored', at(T1, { categories: ['A'], rounds: ['RA'] }), [['RA', 2, 'A', 1, 3], ['RA', 2, 'D', 1, 3], ['RA', 2, 'H', 1, 3]]],
    ['T2, 义乌市 only; RC (no rounds row) last', at(T2, { counties: ['义乌市'] }), [['RB', 1, 'C', 1, 1], ['RC', 3, 'B', 1, 1]]],
  ])('%s', async (_name, filters, want) => {
    expect(pick(await run(categoryMixQuery(filters, DEFAULT_PARAMS)), cols)).toEqual(want);
  });
  test('labels come from rounds, else the key', async () => {
    const rows = await run(categoryMixQuery(at(T2), DEFAULT_PARAMS));
    const labels = Object.fromEntries(rows.map((r) => [r.round_key, [r.round_label, r.round_year]]));
    expect(labels).toEqual({ RB: ['八届市委第三轮巡察', 2017], RA: ['十四届省委第四轮巡视', 2018], RC: ['RC', null] });
  });
});

describe('completionHeatmapQuery (strict rate; completions after T do not count)', () => {
  const cols = ['round_key', 'county', 'n', 'completed', 'completion_rate'];
  test.each([
    [T1, [['RB', '义乌市', 1, 0, 0], ['RB', '永康市', 3, 1, 1 / 3], ['RA', '永康市', 3, 0, 0]]],
    [T2, [['RB', '义乌市', 1, 0, 0], ['RB', '永康市', 3, 2, 2 / 3], ['RA', '永康市', 3, 1, 1 / 3], ['RC', '义乌市', 1, 1, 1]]],
  ])('as of %s', async (asOf, want) => {
    expect(pick(await run(completionHeatmapQuery(at(asOf, { counties: ['永康市'] }), DEFAULT_PARAMS)), cols)).toEqual(want);
  });
});

describe('statusByCountyQuery', () => {
  test('exact SQL', () => {
    expect(statusByCountyQuery(at(T1), DEFAULT_PARAMS)).toBe(
      `SELECT county, coalesce(status_t, 'unknown') AS status, CAST(count(*) AS INTEGER) AS n
FROM (SELECT *, CASE WHEN status = 'completed' AND completion_date > DATE '2018-09-10' THEN 'in_progress' ELSE status END AS status_t FROM findings WHERE (feedback_date <= DATE '2018-09-10' OR feedback_date IS NULL AND round_key NOT IN (SELECT round_key FROM rounds WHERE feedback_date > DATE '2018-09-10')))
GROUP BY county, coalesce(status_t, 'unknown')
ORDER BY county, status`,
    );
  });
  test.each([
    [T1, [['义乌市', 'not_completed', 1], ['永康市', 'completed', 1], ['永康市', 'in_progress', 4], ['永康市', 'unknown', 1]]],
    [T2, [['义乌市', 'completed', 1], ['义乌市', 'not_completed', 1], ['永康市', 'completed', 3], ['永康市', 'in_progress', 2], ['永康市', 'unknown', 1]]],
  ])('as of %s, counts sum to N', async (asOf, want) => {
    expect(pick(await run(statusByCountyQuery(at(asOf), DEFAULT_PARAMS)), ['county', 'status', 'n'])).toEqual(want);
  });
});

describe('repeatsByRoundQuery (explicit repeats #21)', () => {
  const cols = ['round_key', 'county', 'n', 'repeats'];
  const h1Only: MetricParams = { ...DEFAULT_PARAMS, explicitRepeatCodes: ['H1'] };
  test.each([
    ['T1', at(T1), DEFAULT_PARAMS, [['RB', '义乌市', 1, 0], ['RB', '永康市', 3, 1], ['RA', '永康市', 3, 2]]],
    ['T2', at(T2), DEFAULT_PARAMS, [['RB', '义乌市', 1, 0], ['RB', '永康市', 3, 1], ['RA', '永康市', 3, 2], ['RC', '义乌市', 1, 0]]],
    ['T1, codes H1 only', at(T1), h1Only, [['RB', '义乌市', 1, 0], ['RB', '永康市', 3, 1], ['RA', '永康市', 3, 1]]],
  ])('%s', async (_n, filters, params, want) => {
    expect(pick(await run(repeatsByRoundQuery(filters, params)), cols)).toEqual(want);
  });
});

describe('statusByRoundQuery (#7 per round)', () => {
  test.each([
    [T1, [['RB', 'completed', 1], ['RB', 'in_progress', 2], ['RB', 'not_completed', 1], ['RA', 'in_progress', 2], ['RA', 'unknown', 1]]],
    [T2, [['RB', 'completed', 2], ['RB', 'in_progress', 1], ['RB', 'not_completed', 1], ['RA', 'completed', 1], ['RA', 'in_progress', 1], ['RA', 'unknown', 1], ['RC', 'completed', 1]]],
  ])('as of %s, rounds in time order, own round filter ignored', async (asOf, want) => {
    const rows = await run(statusByRoundQuery(at(asOf, { rounds: ['RC'] }), DEFAULT_PARAMS));
    expect(pick(rows, ['round_key', 'status', 'n'])).toEqual(want);
  });
});
