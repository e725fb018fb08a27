import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_PARAMS } from '../../../../src/lib/domain/params';
import { emptyFilters } from '../../../../src/lib/queries/filters';
import { clearDecisionSql, DECISIONS_SQL, saveDecisionSql } from '../../../../src/lib/queries/repeats/decisions';
import { repeatSuggestionCountSql, repeatSuggestionsSql, type RepeatSuggestionRow } from '../../../../src/lib/queries/repeats/suggestions';
import { freshDatabase } from '../../../helpers/db';
import { decide, loadRepeatFixture } from './fixture';

type Db = Awaited<ReturnType<typeof freshDatabase>>;
const T = '2024-12-31';

type Brief = [g: string, f: string, rule: string, counted: boolean, decision: string | null];
const brief = (rows: RepeatSuggestionRow[]): Brief[] => rows.map((r) => [r.g_finding_id, r.f_finding_id, r.rule, r.counted, r.decision]);

describe('repeat suggestions (review screen)', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); await loadRepeatFixture(db); });
  afterAll(() => db.close());

  // Same-unit pairs across rounds, plus b3's explicit prior_finding_id = b1; ordered by unit
  // (卫健局 < 教育局 < 民政局 in code-point order), round, later finding, score.
  test('every rule, with scores and both findings traceable', async () => {
    const rows = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), DEFAULT_PARAMS));
    expect(brief(rows)).toEqual([
      ['b1', 'b2', 'same_unit_l2', true, null],
      ['b1', 'b3', 'explicit', false, null],
      ['a1', 'a3', 'same_unit_l2', true, null],
      ['a2', 'a4', 'same_unit_l2', true, null],
      ['a6', 'a5', 'text_similarity', false, null],
      ['d1', 'd2', 'same_unit_l2', true, null],
    ]);
    expect(rows.map((r) => r.score)).toEqual([4 / 6, 0, 0.6, 0, 4 / 6, 1].map((x) => expect.closeTo(x, 12)));
    expect(rows[2]).toMatchObject({
      g_dataset_id: 'ds1', g_round_key: '永康市|县(市、区)委|十五届县委|1', g_unit_name: '永康市教育局', g_county: '永康市', g_title: '违规吃喝问题突出', g_status_t: 'completed', g_l2: 'D1',
      f_dataset_id: 'ds2', f_round_key: '永康市|县(市、区)委|十五届县委|2', f_unit_name: '永康市教育局', f_title: '违规吃喝问题仍然突出！', f_county: '永康市', f_l2: 'D1',
    });
    expect(await db.query(repeatSuggestionCountSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([{ suggestions: 6 }]);
    // Every row of a page carries the total of all pages, so the screen needs one query per page.
    expect(rows.map((r) => r.total)).toEqual([6, 6, 6, 6, 6, 6]);
    const page2 = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), DEFAULT_PARAMS, { limit: 4, offset: 4 }));
    expect(page2.map((r) => r.total)).toEqual([6, 6]);
  });

  test('similarity on: the same-L2 pair scoring 0 is no longer suggested', async () => {
    const rows = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), { ...DEFAULT_PARAMS, useTextSimilarity: true }));
    expect(brief(rows).map(([g, f]) => `${g}>${f}`)).toEqual(['b1>b2', 'b1>b3', 'a1>a3', 'a6>a5', 'd1>d2']);
  });

  test('θ edge on text similarity: a5~a6 = 4/6 is kept at θ = 4/6 and dropped above', async () => {
    const at = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), { ...DEFAULT_PARAMS, similarityThreshold: 4 / 6 }));
    expect(at.some((r) => r.f_finding_id === 'a5')).toBe(true);
    const above = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), { ...DEFAULT_PARAMS, similarityThreshold: 0.67 }));
    expect(above.some((r) => r.f_finding_id === 'a5')).toBe(false);
  });

  test('paging', async () => {
    const rows = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), DEFAULT_PARAMS, { limit: 2, offset: 2 }));
    expect(brief(rows).map(([g, f]) => `${g}>${f}`)).toEqual(['a1>a3', 'a2>a4']);
  });

  test('a rejected suggestion disappears, a confirmed one is marked and counted', async () => {
    await decide(db, ['ds1', 'a1'], ['ds2', 'a3'], 'same_unit_l2', 'rejected');
    await decide(db, ['ds1', 'a6'], ['ds2', 'a5'], 'text_similarity', 'confirmed');
    const rows = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), DEFAULT_PARAMS));
    expect(brief(rows)).toEqual([
      ['b1', 'b2', 'same_unit_l2', true, null],
      ['b1', 'b3', 'explicit', false, null],
      ['a2', 'a4', 'same_unit_l2', true, null],
      ['a6', 'a5', 'text_similarity', true, 'confirmed'],
      ['d1', 'd2', 'same_unit_l2', true, null],
    ]);
    // A confirmed pair stays listed even when the threshold no longer proposes it, under its stored rule.
    const strict = await db.query<RepeatSuggestionRow>(repeatSuggestionsSql(emptyFilters(T), { ...DEFAULT_PARAMS, similarityThreshold: 0.9 }));
    expect(brief(strict).find(([, f]) => f === 'a5')).toEqual(['a6', 'a5', 'text_similarity', true, 'confirmed']);
    // Withdrawing the rejection brings the suggestion back.
    await db.exec(clearDecisionSql({ earlierDatasetId: 'ds1', earlierFindingId: 'a1', laterDatasetId: 'ds2', laterFindingId: 'a3' }));
    expect(await db.query(repeatSuggestionCountSql(emptyFilters(T), DEFAULT_PARAMS))).toEqual([{ suggestions: 6 }]);
  });
});

describe('decision SQL', () => {
  const d = {
    earlierDatasetId: "ds'1", earlierFindingId: 'a1', laterDatasetId: 'ds2', laterFindingId: 'a3',
    rule: 'same_unit_l2', score: 0.6, decision: 'confirmed', decidedAt: '2025-01-02T03:04:05.000Z',
  } as const;

  test('exact SQL, values quoted', () => {
    expect(saveDecisionSql(d)).toBe(
      `INSERT OR REPLACE INTO repeat_decisions VALUES ('ds''1', 'a1', 'ds2', 'a3', 'same_unit_l2', 0.6, 'confirmed', CAST('2025-01-02T03:04:05.000' AS TIMESTAMP))`,
    );
  });

  test.each([
    ['rule', { rule: 'anything' }],
    ['decision', { decision: 'maybe' }],
    ['time', { decidedAt: "2025-01-02'); DROP TABLE findings; --" }],
    ['score', { score: Number.NaN }],
  ])('rejects a bad %s', (_n, patch) => {
    expect(() => saveDecisionSql({ ...d, ...(patch as object) } as never)).toThrow();
  });

  test('stored and read back on the engine', async () => {
    const db = await freshDatabase();
    try {
      await db.exec(saveDecisionSql(d));
      await db.exec(saveDecisionSql({ ...d, decision: 'rejected', decidedAt: '2025-02-01T00:00:00Z' }));
      expect(await db.query(DECISIONS_SQL)).toEqual([{
        earlier_dataset_id: "ds'1", earlier_finding_id: 'a1', later_dataset_id: 'ds2', later_finding_id: 'a3',
        rule: 'same_unit_l2', score: 0.6, decision: 'rejected', decided_at: '2025-02-01 00:00:00',
      }]);
    } finally {
      db.close();
    }
  });
});
