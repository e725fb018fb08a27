import { afterAll, beforeAll, expect, test } from 'vitest';
import { warningsByCountyQuery } from '../../../src/lib/queries/warningsByCounty';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS, type MetricParams } from '../../../src/lib/domain/params';
import { insertFindings, openFixtureEngine, type TestEngine } from './fixture';

// T1 = 2018-09-10; r = deadline − T. Boundaries: r = 0 and r = 10 are yellow, 11 and 20 green, 21 none.
let engine: TestEngine;
beforeAll(async () => {
  engine = await openFixtureEngine();
  const base = { county: '东阳市', feedback_date: '2018-09-01', status: 'in_progress' };
  await insertFindings(engine, [
    { ...base, deadline: '2018-09-09' },
    { ...base, deadline: '2018-09-10' },
    { ...base, deadline: '2018-09-20', status: 'basically_completed' },
    { ...base, deadline: '2018-09-21', status: null },
    { ...base, deadline: '2018-09-30' },
    { ...base, deadline: '2018-10-01' },
    { ...base, deadline: '2018-09-05', status: 'completed', completion_date: '2018-09-01' },
    { ...base, deadline: '2018-09-05', long_term: true },
    { ...base, county: '永康市', deadline: '2018-09-07', status: 'completed', completion_date: '2018-09-15' },
  ]);
});
afterAll(() => engine.close());

const cols = ['county', 'n', 'red', 'yellow', 'green'];
const cases: [string, string, MetricParams, unknown[][]][] = [
  ['defaults', '2018-09-10', DEFAULT_PARAMS, [['东阳市', 8, 1, 2, 2], ['永康市', 1, 1, 0, 0]]],
  ['long-term included', '2018-09-10', { ...DEFAULT_PARAMS, longTermWithDeadline: 'include' }, [['东阳市', 8, 2, 2, 2], ['永康市', 1, 1, 0, 0]]],
  ['thresholds 5 / 11', '2018-09-10', { ...DEFAULT_PARAMS, warnYellowDays: 5, warnGreenDays: 11 }, [['东阳市', 8, 1, 1, 2], ['永康市', 1, 1, 0, 0]]],
  ['later T: most are red, the late completion is done', '2018-10-01', DEFAULT_PARAMS, [['东阳市', 8, 5, 1, 0], ['永康市', 1, 0, 0, 0]]],
];
test.each(cases)('%s', async (_name, asOf, params, want) => {
  const rows = await engine.query<Record<string, unknown>>(warningsByCountyQuery(emptyFilters(asOf), params));
  expect(rows.map((r) => cols.map((c) => r[c]))).toEqual(want);
});
