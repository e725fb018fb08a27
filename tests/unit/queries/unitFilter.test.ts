import { afterAll, beforeAll, expect, test } from 'vitest';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { insertFindings, openFixtureEngine, type TestEngine } from './fixture';

// helper-132: the unit filter matched the name as written, so 永康市古山镇党委 lost the rows written 古山镇党委, which U and
// the repeats count as the same unit. Hand count: the unit has 3 findings (2 + 1), 1 completed; 西城街道 is another unit.
let engine: TestEngine;
beforeAll(async () => {
  engine = await openFixtureEngine();
  await insertFindings(engine, [
    { unit_name: '永康市古山镇党委', unit_name_norm: '古山镇', status: 'completed', feedback_date: '2024-03-15' },
    { unit_name: '永康市古山镇党委', unit_name_norm: '古山镇', status: 'in_progress', feedback_date: '2024-03-15' },
    { unit_name: '古山镇党委', unit_name_norm: '古山镇', status: 'in_progress', feedback_date: '2024-03-15' },
    { unit_name: '西城街道党工委', unit_name_norm: '西城街道', status: 'completed', feedback_date: '2024-03-15' },
    // Another county's 古山镇 is another unit.
    { county: '东阳市', unit_name: '古山镇党委', unit_name_norm: '古山镇', status: 'completed', feedback_date: '2024-03-15' },
  ]);
});
afterAll(() => engine.close());

test('a unit picked by one spelling takes in its rows of the other, not another county\'s unit of that name', async () => {
  const kpi = async (units: string[]) => (await engine.query<KpiRow>(kpisQuery({ ...emptyFilters('2024-12-31'), units }, DEFAULT_PARAMS)))[0];
  const k = await kpi(['永康市古山镇党委']);
  expect([k.findings, k.completed, k.units]).toEqual([3, 1, 1]);
  expect((await kpi(['古山镇党委'])).findings).toBe(4);
  expect((await kpi(['西城街道党工委', '永康市古山镇党委'])).findings).toBe(4);
});
