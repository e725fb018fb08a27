import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { insertFindings, openFixtureEngine, times, type TestEngine } from './fixture';

describe('kpisQuery: DOMAIN §4.1 worked examples', () => {
  const cases = [
    { name: '婺城 25 → 76%', rows: [...times(19, { status: 'completed' }), ...times(6, { status: 'in_progress' })], n: 25, completed: 19, strict: 19 / 25, basic: 19 / 25 },
    {
      name: '昆明 697 → 98.71%, 692/697 with 基本完成',
      rows: [...times(688, { status: 'completed' }), ...times(4, { status: 'basically_completed' }), ...times(5, { status: 'not_completed' })],
      n: 697, completed: 688, strict: 688 / 697, basic: 692 / 697,
    },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const engine = await openFixtureEngine();
      await insertFindings(engine, c.rows);
      const [row] = await engine.query<KpiRow>(kpisQuery(emptyFilters('2023-05-01'), DEFAULT_PARAMS));
      expect(row.findings).toBe(c.n);
      expect(row.completed).toBe(c.completed);
      expect(row.completion_rate).toBeCloseTo(c.strict, 12);
      expect(row.completion_basic_rate).toBeCloseTo(c.basic, 12);
      engine.close();
    });
  }
  test('98.71% rounds as printed', () => expect(Math.round((688 / 697) * 10000) / 100).toBe(98.71));
});

describe('kpisQuery at two as-of dates', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const fb = '2023-01-17';
    await insertFindings(engine, [
      { finding_id: 'f1', feedback_date: fb, status: 'completed', completion_date: '2023-03-01', deadline: '2023-04-30' },
      { finding_id: 'f2', feedback_date: fb, status: 'completed', completion_date: '2023-06-15', deadline: '2023-04-30' },
      { finding_id: 'f3', feedback_date: fb, status: 'in_progress', deadline: '2023-06-30' },
      { finding_id: 'f4', feedback_date: fb, status: 'basically_completed', deadline: '2023-12-31', long_term: true },
      { finding_id: 'f5', feedback_date: fb, status: 'not_completed' },
      { finding_id: 'f6', feedback_date: fb, status: null, deadline: '2023-02-01', category_l2: 'H1' },
      { finding_id: 'f7', feedback_date: '2023-09-01', round_key: 'R2', status: 'in_progress', deadline: '2023-10-01', is_prior_round_issue: true, rect_type: '立行立改' },
      { finding_id: 'f8', feedback_date: fb, unit_name: 'U2', status: 'completed', prior_finding_id: 'x', source: '立行立改' },
    ]);
  });
  afterAll(() => engine.close());

  const expected: Record<string, Partial<KpiRow>> = {
    // f7 not yet fed back; f2 completed after T so in progress (and overdue) at T.
    '2023-05-01': {
      findings: 7, completed: 2, basically_completed: 1, in_progress: 2, not_completed: 1, unknown_status: 1,
      completion_rate: 2 / 7, completion_basic_rate: 3 / 7, overdue: 2, past_deadline: 3, overdue_rate: 2 / 3,
      repeat: 2, repeat_rate: 2 / 7, units: 2, findings_per_unit: 3.5, immediate: 1, immediate_completed: 1, immediate_rate: 1,
    },
    '2023-12-31': {
      findings: 8, completed: 3, basically_completed: 1, in_progress: 2, not_completed: 1, unknown_status: 1,
      completion_rate: 3 / 8, completion_basic_rate: 4 / 8, overdue: 3, past_deadline: 5, overdue_rate: 3 / 5,
      repeat: 3, repeat_rate: 3 / 8, units: 3, findings_per_unit: 8 / 3, immediate: 2, immediate_completed: 1, immediate_rate: 0.5,
    },
  };
  for (const [asOf, want] of Object.entries(expected)) {
    test(`as of ${asOf}`, async () => {
      const [row] = await engine.query<KpiRow>(kpisQuery(emptyFilters(asOf), DEFAULT_PARAMS));
      for (const [k, v] of Object.entries(want)) expect(row[k as keyof KpiRow], k).toBeCloseTo(v as number, 12);
    });
  }

  test('dated long-term items join D with longTermWithDeadline = include', async () => {
    const params = { ...DEFAULT_PARAMS, longTermWithDeadline: 'include' as const };
    const [row] = await engine.query<KpiRow>(kpisQuery(emptyFilters('2024-01-01'), params));
    // f4 (basically completed, long-term, deadline 2023-12-31) is now overdue as well.
    expect([row.overdue, row.past_deadline]).toEqual([4, 6]);
  });

  test('the source filter is part of S (DOMAIN §7): only f8 has source 立行立改', async () => {
    const [row] = await engine.query<KpiRow>(kpisQuery({ ...emptyFilters('2023-12-31'), sources: ['立行立改'] }, DEFAULT_PARAMS));
    expect([row.findings, row.completed, row.immediate, row.units]).toEqual([1, 1, 1, 1]);
    const [none] = await engine.query<KpiRow>(kpisQuery({ ...emptyFilters('2023-12-31'), unitTypes: ['学校'] }, DEFAULT_PARAMS));
    expect([none.findings, none.completion_rate]).toEqual([0, null]);
  });

  test('empty explicitRepeatCodes drops the code rule only', async () => {
    const [row] = await engine.query<KpiRow>(kpisQuery(emptyFilters('2023-12-31'), { ...DEFAULT_PARAMS, explicitRepeatCodes: [] }));
    expect(row.repeat).toBe(2);
  });

  test('filters narrow S; an empty S gives N = 0 and NULL rates', async () => {
    const f = { ...emptyFilters('2023-12-31'), rounds: ['R2'] };
    const [r2] = await engine.query<KpiRow>(kpisQuery(f, DEFAULT_PARAMS));
    expect([r2.findings, r2.completed, r2.completion_rate, r2.overdue]).toEqual([1, 0, 0, 1]);
    const [none] = await engine.query<KpiRow>(kpisQuery({ ...f, counties: ['义乌市'] }, DEFAULT_PARAMS));
    expect(none).toMatchObject({ findings: 0, completion_rate: null, overdue_rate: null, findings_per_unit: null });
  });
});

// U (#2) counts a unit of each county: a city committee's round inspects 医疗保障局 in four counties,
// whose names the import compares without the county's (义乌市医疗保障局 ~ 医疗保障局).
test('the distinct-unit count keeps the same office of different counties apart, on findings and on the cube', async () => {
  const { openFixtureEngine, insertFindings } = await import('./fixture');
  const { derivedTableStatements } = await import('../../../src/lib/queries/cube');
  const engine = await openFixtureEngine();
  try {
    const round = '金华市|市委|八届市委|5';
    await insertFindings(engine, ['义乌市', '东阳市', '永康市', '兰溪市'].map((county, i) => ({
      round_key: round, county, unit_name: `${county}医疗保障局`, unit_name_norm: '医疗保障局', feedback_date: '2024-05-01', finding_id: `m${i}`,
    })));
    for (const s of derivedTableStatements()) await engine.exec(s);
    for (const source of ['findings', 'cube'] as const) {
      const [k] = await engine.query<{ units: number }>(kpisQuery(emptyFilters('2024-12-31'), DEFAULT_PARAMS, { source }));
      expect(k.units, source).toBe(4);
    }
  } finally {
    engine.close();
  }
});
