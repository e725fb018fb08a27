import { afterEach, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { freshEngine, importOk, utf8 } from './helpers';

// A date cell saying there is no date (/, 无, 待定, N/A, in brackets with spaces inside, in any case) is none: no
// date_invalid. An unfinished item's is what it should be; a completed item's takes the day its status states, or is
// completed_without_date. A date the rules cannot read stays date_invalid.
let e: Engine & { close(): void };
afterEach(() => e.close());

test('completion cells saying none are no invalid dates', async () => {
  e = await freshEngine();
  const cells = ['无', '/', '（无）', 'N/A', '（ 无 ）', '【 暂无 】', 'NULL', 'None', '待定', '2019-13-45'];
  const rows = cells.flatMap((c, i) => [
    `${3 * i + 1},永康市,永康市财政局${i},问题甲${i},已完成（2024.5.20）,${c}`,
    `${3 * i + 2},永康市,永康市教育局${i},问题乙${i},已完成,${c}`,
    `${3 * i + 3},永康市,永康市民政局${i},问题丙${i},正在推进,${c}`]);
  const csv = ['序号,县市区,被巡察单位,具体问题,整改状态,完成时间', ...rows].join('\n');
  const [r] = await importOk(e, '十五届永康市委第三轮巡察整改台账.csv', utf8(csv));
  const found = await e.query<{ source_row: number; d: string | null }>(
    'SELECT source_row, CAST(completion_date AS VARCHAR) AS d FROM findings ORDER BY source_row');
  const codes = (row: number) => r.issues.filter((i) => i.row === row && /date|completion/.test(i.code)).map((i) => i.code).sort();
  const got = found.map((f) => [f.d, codes(f.source_row)]);
  const none = [['2024-05-20', ['completion_from_status']], [null, ['completed_without_date']], [null, []]];
  expect(got).toEqual([
    ...cells.slice(0, -1).flatMap(() => none),
    [null, ['date_invalid']], [null, ['date_invalid']], [null, ['date_invalid']],
  ]);
});

test('a closed item whose 销号时间 says none is warned closed_without_date; an open one is not', async () => {
  e = await freshEngine();
  const csv = ['序号,县市区,被巡察单位,具体问题,整改状态,是否销号,销号时间',
    '1,永康市,永康市财政局,问题甲,已完成,是,/', '2,永康市,永康市教育局,问题乙,已完成,是,N/A', '3,永康市,永康市民政局,问题丙,已完成,是,2024-06-30',
    '4,永康市,永康市水务局,问题丁,正在推进,否,/', '5,永康市,永康市林业局,问题戊,已完成（已销号）,,', '6,永康市,永康市司法局,问题己,已完成,是,2019-13-45'].join('\n');
  const [r] = await importOk(e, '十五届永康市委第三轮巡察整改台账.csv', utf8(csv));
  const codes = (row: number) => r.issues.filter((i) => i.row === row && /^(closed_without_date|date_invalid)$/.test(i.code)).map((i) => i.code);
  expect([2, 3, 4, 5, 6, 7].map(codes)).toEqual([
    ['closed_without_date'], ['closed_without_date'], [], [], ['closed_without_date'], ['date_invalid']]);
});

// helper-141: a 是否销号 cell holding the day gives the closure date (no warning), on the terms of a day a status states:
// one date, no time limit or plan words, not before the feedback, not after the as-of date (a month alone is its last
// day, or the as-of date within it). A time limit in 销号时间 is no day it was closed.
test('a 是否销号 that states the day gives the closure date; a time limit in 销号时间 is none', async () => {
  e = await freshEngine();
  const closed = ['2024年6月30日', '已销号（2024.6.30）', '是', '是', '是（2024.6.30）', '已销号（2024年12月）', '2025年1月5日', '2024年1月5日',
    '计划2024年12月底前销号', '否（2024.6.30）', '2024.7.1销号', '已于二〇二四年八月八日销号', '已销号（2024.9）'];
  const closure = ['/', '', '2024年12月底前', '2024-06-30', '', '', '', '', '', '', '无', '', ''];
  const csv = ['序号,县市区,被巡察单位,具体问题,整改状态,是否销号,销号时间,反馈时间',
    ...closed.map((c, i) => `${i + 1},永康市,永康市单位${i},问题${i},已完成,${c},${closure[i]},2024-03-01`)].join('\n');
  const [r] = await importOk(e, '十五届永康市委第三轮巡察整改台账.csv', utf8(csv), { asOf: '2024-12-20' });
  const codes = (row: number) => r.issues.filter((i) => i.row === row && /^(closed_without_date|closed_day_unused|date_invalid)$/.test(i.code)).map((i) => i.code);
  // A day that is no closure date (after the as-of date, before the feedback) is said to be unused (helper-145).
  expect(closed.map((_, i) => codes(i + 2))).toEqual([[], [], ['date_invalid'], [], [], [], ['closed_day_unused'], ['closed_day_unused'], [], [], [], [], []]);
  const days = await e.query<{ d: string | null }>('SELECT CAST(closure_date AS VARCHAR) AS d FROM findings ORDER BY source_row');
  expect(days.map((x) => x.d)).toEqual(['2024-06-30', '2024-06-30', null, '2024-06-30', '2024-06-30', '2024-12-20', null, null, null, null,
    '2024-07-01', '2024-08-08', '2024-09-30']);
});
