import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { timelinessQuery, type TimelinessRow } from '../../../src/lib/queries/timeliness';
import { completionDetailQuery, type CompletionDetailRow } from '../../../src/lib/queries/completionDetail';
import { outcomesQuery, type OutcomeRow } from '../../../src/lib/queries/outcomes';
import { emptyFilters, type Filters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS, type MetricParams } from '../../../src/lib/domain/params';
import { insertFindings, openFixtureEngine, type TestEngine } from './fixture';

type Case<R> = [name: string, asOf: string, params: MetricParams, want: Partial<R>];

async function expectRow<R>(engine: TestEngine, sql: string, want: Partial<R>) {
  const [row] = await engine.query<R>(sql);
  for (const [k, v] of Object.entries(want)) {
    if (typeof v === 'number') expect(row[k as keyof R], k).toBeCloseTo(v, 10);
    else expect(row[k as keyof R], k).toEqual(v);
  }
}

describe('timelinessQuery (#13–#16)', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const fb = { feedback_date: '2023-01-01' };
    await insertFindings(engine, [
      { ...fb, status: 'completed', completion_date: '2023-02-01', deadline: '2023-03-01' },
      { ...fb, status: 'completed', completion_date: '2023-05-01', deadline: '2023-03-01' },
      { ...fb, status: 'in_progress', deadline: '2023-03-31' },
      { ...fb, status: 'in_progress', deadline: '2023-04-15' },
      { ...fb, status: 'basically_completed', deadline: '2023-12-31', long_term: true },
      { ...fb, status: 'completed', deadline: '2023-03-01' },
      { ...fb, status: 'not_completed' },
      { feedback_date: '2023-06-01', status: 'in_progress', deadline: '2023-12-01' },
    ]);
  });
  afterAll(() => engine.close());
  const include: MetricParams = { ...DEFAULT_PARAMS, longTermWithDeadline: 'include' };
  const cases: Case<TimelinessRow>[] = [
    ['T1', '2023-03-31', DEFAULT_PARAMS, {
      findings: 7, deadline_set: 5, due: 4, on_time: 1, on_time_rate: 1 / 4, overdue: 1, past_deadline: 3, overdue_rate: 1 / 3,
      progress_completed: 2, progress_on_schedule: 2, progress_lagging: 1, progress_no_deadline: 2, warn_red: 1, warn_yellow: 1, warn_green: 1,
    }],
    ['T2', '2023-12-31', DEFAULT_PARAMS, {
      findings: 8, deadline_set: 6, due: 6, on_time: 1, on_time_rate: 1 / 6, overdue: 3, past_deadline: 6, overdue_rate: 3 / 6,
      progress_completed: 3, progress_on_schedule: 0, progress_lagging: 3, progress_no_deadline: 2, warn_red: 3, warn_yellow: 0, warn_green: 0,
    }],
    ['T2, long-term with deadline included', '2023-12-31', include, {
      deadline_set: 7, due: 7, on_time: 1, overdue: 3, past_deadline: 6, progress_on_schedule: 1, progress_no_deadline: 1, warn_yellow: 1,
    }],
    ['before any feedback: empty S, NULL rates', '2022-12-31', DEFAULT_PARAMS, { findings: 0, on_time_rate: null, overdue_rate: null }],
  ];
  test.each(cases)('%s', (_n, asOf, params, want) => expectRow(engine, timelinessQuery(emptyFilters(asOf), params), want));
});

describe('completionDetailQuery (#9–#12)', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const fb = { feedback_date: '2023-01-15' };
    await insertFindings(engine, [
      { ...fb, status: 'completed', completion_date: '2023-02-14', evidence_count: 2, closed: true, closure_date: '2023-03-01' },
      { ...fb, status: 'completed', completion_date: '2023-04-15', evidence_count: 0, closed: true, closure_date: '2023-08-01' },
      { ...fb, status: 'completed', completion_date: '2023-06-15', evidence_count: 1, closed: true },
      { ...fb, status: 'completed', in_concentrated_period: true },
      { ...fb, status: 'in_progress', closed: false },
      { ...fb, status: 'completed', completion_date: '2023-04-16', evidence_count: 1, in_concentrated_period: true },
    ]);
  });
  afterAll(() => engine.close());
  const cases: Case<CompletionDetailRow>[] = [
    // 2023-04-15 is exactly 3 months after feedback: inside; 04-16 is outside even though its stale flag says inside.
    // Closed at T1: only the row closed 03-01. The 08-01 closure is after T1, and the undated 销号 of the
    // row completed 06-15 cannot precede its completion, so it is not closed at T1 either.
    ['T1', '2023-05-01', DEFAULT_PARAMS, {
      findings: 6, completed: 4, concentrated_completed: 3, concentrated_rate: 0.5, closed: 1, closure_rate: 1 / 6,
      days_sample: 3, mean_days: 211 / 3, median_days: 90, evidence_complete: 2, evidence_rate: 0.5, evidence_known: 3,
    }],
    ['T2', '2023-12-31', DEFAULT_PARAMS, {
      findings: 6, completed: 5, concentrated_completed: 3, concentrated_rate: 0.5, closed: 3, closure_rate: 0.5,
      days_sample: 4, mean_days: 90.5, median_days: 90.5, evidence_complete: 3, evidence_rate: 3 / 5, evidence_known: 4,
    }],
    ['T2, P = 2 months', '2023-12-31', { ...DEFAULT_PARAMS, concentratedPeriodMonths: 2 }, { concentrated_completed: 2, concentrated_rate: 2 / 6 }],
    ['empty S', '2023-01-01', DEFAULT_PARAMS, { findings: 0, concentrated_rate: null, mean_days: null, median_days: null, evidence_rate: null }],
  ];
  test.each(cases)('%s', (_n, asOf, params, want) => expectRow(engine, completionDetailQuery(emptyFilters(asOf), params), want));
});

describe('completionDetailQuery: a completion dated before its feedback (边巡边改) counts its negative days (DOMAIN #11)', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const fb = { feedback_date: '2023-01-15' };
    await insertFindings(engine, [
      { ...fb, status: 'completed', completion_date: '2023-01-05' },
      { ...fb, status: 'completed', completion_date: '2023-03-16' },
    ]);
  });
  afterAll(() => engine.close());
  // Hand answer: days −10 and 60; mean (−10 + 60) / 2 = 25, median 25; both inside the 3-month period.
  test('mean and median of completion − feedback as written', () => expectRow<CompletionDetailRow>(engine, completionDetailQuery(emptyFilters('2023-12-31'), DEFAULT_PARAMS),
    { days_sample: 2, mean_days: 25, median_days: 25, concentrated_completed: 2 }));
});

describe('outcomesQuery: whether the total is its counted parts, row by row', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const fb = { feedback_date: '2023-01-17', county: '婺城区' };
    await insertFindings(engine, [
      // A total counting people (2) beside measures (3), and one counting 批评教育 (3 = 2 + 1): their sums
      // happen to agree with the parts (5 = 4 + 1), the rows do not.
      { ...fb, acc_people_total: 2, acc_party_discipline: 2, acc_org_handling: 1 },
      { ...fb, acc_people_total: 3, acc_party_discipline: 2, acc_light: 1 },
      { ...fb, county: '义乌市', acc_people_total: 2, acc_party_discipline: 1, acc_admonish: 1, acc_light: 4 },
      { ...fb, county: '义乌市', acc_party_discipline: 1 },
    ]);
  });
  afterAll(() => engine.close());
  const light: MetricParams = { ...DEFAULT_PARAMS, lightMeasuresInAccountability: true };
  const only = (county: string) => ({ ...emptyFilters('2023-12-31'), counties: [county] });
  test.each([
    ['totals that differ from their parts, by row though not in sum', only('婺城区'), DEFAULT_PARAMS, { acc_people: 5, parts_only: false }],
    ['totals that are their parts', only('义乌市'), DEFAULT_PARAMS, { acc_people: 3, parts_only: true }],
    ['the same totals with 批评教育 counted as a part', only('义乌市'), light, { acc_people: 3, parts_only: false }],
  ] as [string, Filters, MetricParams, Partial<OutcomeRow>][])('%s', (_n, filters, params, want) => expectRow(engine, outcomesQuery(filters, params), want));
});

describe('outcomesQuery (#17–#19)', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await openFixtureEngine();
    const fb = { feedback_date: '2023-01-17' };
    await insertFindings(engine, [
      { ...fb, acc_people_total: 5, acc_party_discipline: 1, acc_gov_sanction: 1, acc_org_handling: 1, acc_admonish: 1, acc_light: 3, systems_count: 2, funds_wan: 7.132, clue_transferred: 2, clue_closed: 1 },
      { ...fb, acc_party_discipline: 2, acc_light: 4 },
      { ...fb, systems_count: 12, funds_wan: 0.868, acc_orgs: 1 },
      { feedback_date: '2023-06-01', acc_people_total: 10, systems_count: 1, clue_transferred: 1, clue_closed: 1 },
    ]);
  });
  afterAll(() => engine.close());
  const light: MetricParams = { ...DEFAULT_PARAMS, lightMeasuresInAccountability: true };
  const cases: Case<OutcomeRow>[] = [
    ['T1, light measures excluded', '2023-05-01', DEFAULT_PARAMS, {
      acc_people: 7, acc_party_discipline: 3, acc_gov_sanction: 1, acc_org_handling: 1, acc_admonish: 1, acc_light: 7, light_included: false, parts_only: false,
      acc_orgs: 1, systems: 14, funds_wan: 8, clues_transferred: 2, clues_closed: 1, clue_rate: 0.5,
    }],
    ['T1, light measures included', '2023-05-01', light, { acc_people: 11, acc_light: 7, light_included: true }],
    ['T2', '2023-12-31', DEFAULT_PARAMS, { acc_people: 17, systems: 15, clues_transferred: 3, clues_closed: 2, clue_rate: 2 / 3 }],
    ['T2, light included', '2023-12-31', light, { acc_people: 21 }],
    ['empty S', '2022-01-01', DEFAULT_PARAMS, { acc_people: 0, parts_only: true, systems: 0, funds_wan: 0, clues_transferred: 0, clue_rate: null }],
  ];
  test.each(cases)('%s', (_n, asOf, params, want) => expectRow(engine, outcomesQuery(emptyFilters(asOf), params), want));
});
