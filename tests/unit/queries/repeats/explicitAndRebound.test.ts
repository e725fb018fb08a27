import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS, type MetricParams } from '../../../../src/lib/domain/params';
import { emptyFilters } from '../../../../src/lib/queries/filters';
import { explicitRepeatSql, type ExplicitRepeatRow } from '../../../../src/lib/queries/repeats/explicit';
import { reboundSql, type ReboundRow } from '../../../../src/lib/queries/repeats/rebound';
import { freshDatabase } from '../../../helpers/db';
import { decide, loadRepeatFixture } from './fixture';

type Db = Awaited<ReturnType<typeof freshDatabase>>;
const T = '2024-12-31';

describe('显式重复 (#21)', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  test('exact SQL', () => {
    const isE = `(coalesce(is_prior_round_issue, false) OR prior_finding_id IS NOT NULL OR coalesce(category_l2 IN ('H1', 'H2', 'H3', 'H4'), false))`;
    expect(explicitRepeatSql(emptyFilters(T), DEFAULT_PARAMS)).toBe(
      `SELECT CAST(count(*) AS INTEGER) AS findings, CAST(count(*) FILTER (WHERE ${isE}) AS INTEGER) AS explicit_repeats,
  CAST(CAST(count(*) FILTER (WHERE ${isE}) AS INTEGER) AS DOUBLE) / NULLIF(count(*), 0) AS explicit_rate
FROM (SELECT *, CASE WHEN status = 'completed' AND completion_date > DATE '2024-12-31' THEN 'in_progress' ELSE status END AS status_t FROM findings WHERE (feedback_date <= DATE '2024-12-31' OR feedback_date IS NULL AND round_key NOT IN (SELECT round_key FROM rounds WHERE feedback_date > DATE '2024-12-31')))`,
    );
  });

  // E = b3 (prior_finding_id), b4 (is_prior_round_issue), h1 (H1) of 16; without codes h1 drops out.
  // At 2022-01-01 only h1 is fed back (of 12).
  test.each([
    ['default codes H1–H4', {}, T, { findings: 16, explicit_repeats: 3, explicit_rate: 3 / 16 }],
    ['no explicit codes', { explicitRepeatCodes: [] }, T, { findings: 16, explicit_repeats: 2, explicit_rate: 2 / 16 }],
    ['earlier as-of date', {}, '2022-01-01', { findings: 12, explicit_repeats: 1, explicit_rate: 1 / 12 }],
  ])('%s', async (_n, params, asOf, expected) => {
    const sql = explicitRepeatSql(emptyFilters(asOf), { ...DEFAULT_PARAMS, ...(params as Partial<MetricParams>) });
    expect(await db.query<ExplicitRepeatRow>(sql)).toEqual([expected]);
  });

  test('empty S gives a NULL rate, not 0%', async () => {
    const sql = explicitRepeatSql({ ...emptyFilters(T), counties: ['磐安县'] }, DEFAULT_PARAMS);
    expect(await db.query(sql)).toEqual([{ findings: 0, explicit_repeats: 0, explicit_rate: null }]);
  });
});

describe('整改后反弹 (#23)', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  // Follow-up 问题反弹: b2, b3. Unit repeats whose g was completed or closed at T: a3 (a1 completed),
  // a4 (a2 closed though in progress), b2 (b1 completed and closed); d2's d1 is not completed.
  // b2 is in both terms and counts once: 2 + 3 − 1 = 4.
  test.each([
    ['similarity off', {}, { followup_rebounds: 2, recurred_after_closure: 3, in_both: 1, rebounds: 4 }],
    ['similarity on: a4~a2 scores 0, no longer a repeat', { useTextSimilarity: true }, { followup_rebounds: 2, recurred_after_closure: 2, in_both: 1, rebounds: 3 }],
  ])('%s', async (_n, params, expected) => {
    const rows = await db.query<ReboundRow>(reboundSql(emptyFilters(T), { ...DEFAULT_PARAMS, ...(params as Partial<MetricParams>) }));
    expect(rows).toEqual([{ findings: 16, ...expected }]);
  });

  test('before R3 is fed back: only a3 and a4, no follow-up yet', async () => {
    const rows = await db.query<ReboundRow>(reboundSql(emptyFilters('2022-01-01'), DEFAULT_PARAMS));
    expect(rows).toEqual([{ findings: 12, followup_rebounds: 0, recurred_after_closure: 2, in_both: 0, rebounds: 2 }]);
  });

  test('g completed after T is not completed at T', async () => {
    // A confirmed link a1 → c1 (another unit) counts like a match: c1 recurs after a1's completion.
    await decide(db, ['ds1', 'a1'], ['ds2', 'c1'], 'text_similarity', 'confirmed');
    const rows = await db.query<ReboundRow>(reboundSql(emptyFilters(T), DEFAULT_PARAMS));
    expect(rows[0]).toMatchObject({ recurred_after_closure: 4, rebounds: 5 });
    // Now a1 is completed only on 2024-06-01, after the next as-of date.
    await db.exec(`UPDATE findings SET completion_date = DATE '2024-06-01' WHERE finding_id = 'a1'`);
    const before = await db.query<ReboundRow>(reboundSql(emptyFilters('2024-01-01'), DEFAULT_PARAMS));
    // At 2024-01-01 a1 is in progress: a3 and c1 lose their closure link; a4 (a2 closed) and b2 remain.
    expect(before[0]).toMatchObject({ recurred_after_closure: 2, in_both: 1, rebounds: 3 });
    // Marked 销号 without a closure date: a 销号 cannot precede the completion it closes, so a1 is
    // neither completed nor closed at 2024-01-01 and the count stays 2 (it read 4 when an undated
    // 销号 counted at every T).
    await db.exec(`UPDATE findings SET closed = true WHERE finding_id = 'a1'`);
    const undated = await db.query<ReboundRow>(reboundSql(emptyFilters('2024-01-01'), DEFAULT_PARAMS));
    expect(undated[0]).toMatchObject({ recurred_after_closure: 2, in_both: 1, rebounds: 3 });
    await db.exec(`UPDATE findings SET closed = NULL WHERE finding_id = 'a1'`);
  });

  test('a rejected link removes its recurrence', async () => {
    await decide(db, ['ds1', 'b1'], ['ds3', 'b2'], 'same_unit_l2', 'rejected');
    const rows = await db.query<ReboundRow>(reboundSql(emptyFilters(T), DEFAULT_PARAMS));
    // b2 stays a rebound through its follow-up result, counted once; a3, a4, c1 recur.
    expect(rows[0]).toEqual({ findings: 16, followup_rebounds: 2, recurred_after_closure: 3, in_both: 0, rebounds: 5 });
  });
});
