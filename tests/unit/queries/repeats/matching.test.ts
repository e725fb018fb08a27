import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bigrams, earlierRound, jaccard, ROUND_SEQ_CTE, TITLE_EXPR } from '../../../../src/lib/queries/repeats/matching';
import { str } from '../../../../src/lib/queries/sql';
import { freshDatabase, insertFindings } from '../../../helpers/db';

type Db = Awaited<ReturnType<typeof freshDatabase>>;

describe('bigram Jaccard in SQL', () => {
  let db: Db;
  beforeAll(async () => { db = await freshDatabase(); });
  afterAll(() => db.close());

  // Hand-counted: 违规吃喝问题突出 has 7 bigrams, 违规吃喝问题仍然突出 has 9, 6 shared → 6 / 10.
  test.each([
    ['违规吃喝问题突出', '违规吃喝问题仍然突出', 0.6],
    ['滥发津补贴', '滥发津补贴问题', 4 / 6],
    ['三会一课不规范', '主题党日流于形式', 0],
    ['财务报销不规范', '财务报销不规范', 1],
    ['违规违规', '违规', 0.5], // sets: {违规, 规违} vs {违规}, the repeated bigram counts once
    ['学', '学', 1], // one character: its own only "bigram"
    ['', '', 0],
  ])('%s ~ %s = %d', async (a, b, expected) => {
    const sql = `SELECT ${jaccard(bigrams('a'), bigrams('b'))} AS j FROM (SELECT ${str(a)} AS a, ${str(b)} AS b)`;
    const [row] = await db.query<{ j: number }>(sql);
    expect(row.j).toBeCloseTo(expected, 12);
  });

  test('exactly θ compares equal to θ (division, not multiplication)', async () => {
    const sql = `SELECT ${jaccard(bigrams('a'), bigrams('b'))} >= 0.6::DOUBLE AS ok FROM (SELECT '违规吃喝问题突出' AS a, '违规吃喝问题仍然突出' AS b)`;
    expect(await db.query(sql)).toEqual([{ ok: true }]);
  });

  test('title fallback strips punctuation, symbols, digits and spaces when norm_title is missing', async () => {
    await insertFindings(db, [
      { finding_id: 'x', problem_title: '2019年，“三会一课” 不规范！', norm_title: null },
      { finding_id: 'y', problem_title: '原文', norm_title: '已规范化' },
    ]);
    const rows = await db.query(`SELECT finding_id, ${TITLE_EXPR} AS t FROM findings ORDER BY finding_id`);
    expect(rows).toEqual([{ finding_id: 'x', t: '年三会一课不规范' }, { finding_id: 'y', t: '已规范化' }]);
  });
});

describe('round order (roundOrder = feedback_date, then year, then round_no within one committee)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase();
    await db.insertJSONRows('rounds', [
      { round_key: 'A|市委|八届|1', committee: 'A|市委|八届', round_no: 1, year: 2020, feedback_date: '2020-09-01' },
      { round_key: 'A|市委|八届|2', committee: 'A|市委|八届', round_no: 2, year: 2020, feedback_date: null },
      { round_key: 'A|市委|八届|3', committee: 'A|市委|八届', round_no: 3, year: 2020, feedback_date: null },
      { round_key: 'B|县委|十五届|1', committee: 'B|县委|十五届', round_no: 1, year: 2020, feedback_date: null },
    ]);
    // Round 4 has no `rounds` row: its date comes from its findings, its committee from its key.
    await insertFindings(db, [
      { round_key: 'A|市委|八届|1' }, { round_key: 'A|市委|八届|2' }, { round_key: 'A|市委|八届|3' },
      { round_key: 'B|县委|十五届|1' }, { round_key: 'A|市委|八届|4', feedback_date: '2019-01-01', year: 2021 },
    ]);
  });
  afterAll(() => db.close());

  test.each([
    ['A|市委|八届|1', 'A|市委|八届|2', true, 'one date missing, same year, same committee: round_no decides'],
    ['A|市委|八届|2', 'A|市委|八届|3', true, 'no dates, same year, same committee: by round_no'],
    ['A|市委|八届|3', 'A|市委|八届|2', false, 'reverse'],
    ['A|市委|八届|2', 'B|县委|十五届|1', false, 'another committee, same year: unknown, never earlier'],
    ['B|县委|十五届|1', 'A|市委|八届|2', false, 'same, reversed'],
    ['A|市委|八届|4', 'A|市委|八届|1', true, 'dates from findings: 2019-01-01 < 2020-09-01 (date wins over round_no)'],
    ['A|市委|八届|4', 'A|市委|八届|2', false, 'no date on one side: year 2021 > 2020'],
    ['A|市委|八届|2', 'A|市委|八届|4', true, 'year 2020 < 2021'],
  ])('%s before %s = %s', async (g, f, expected) => {
    const sql = `WITH ${ROUND_SEQ_CTE} SELECT ${earlierRound('g', 'f')} AS earlier
      FROM round_seq g, round_seq f WHERE g.round_key = ${str(g)} AND f.round_key = ${str(f)}`;
    expect(await db.query(sql)).toEqual([{ earlier: expected }]);
  });
});
