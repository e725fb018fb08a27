import { test, expect } from 'vitest';
import { engineEachTest, importOk, issuesOf } from './helpers';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { unitRepeatRateSql, type RepeatRateRow } from '../../../src/lib/queries/repeats/unitRepeats';

/**
 * A committee that numbers its rounds within each year and writes no 届次 has a 第一轮 every year
 * (helper-130 H1). A file whose 年度 column shows one round number in two years is such a file:
 * its rounds are keyed by their year, as 2023年第一轮 in a title is (round-lookup.ts).
 */
const e = engineEachTest();
const enc = (s: string) => new TextEncoder().encode(s);
const keys = async () => (await e.query<{ round_key: string; n: number }>(
  'SELECT round_key, count(*)::INTEGER AS n FROM findings GROUP BY ALL ORDER BY ALL')).map((r) => `${r.round_key} ${r.n}`);
const kpis = async () => (await e.query<KpiRow>(kpisQuery(emptyFilters('2025-06-30'), DEFAULT_PARAMS)))[0];

const head = '年度,轮次,被巡察单位,具体问题,问题类别,整改状态';
const cumulative = (title: string) => enc([title, head,
  '2023,第一轮,永康市财政局,理论学习不深入,B1,已完成',
  '2023,第一轮,永康市教育局,违规吃喝,D1,已完成',
  '2024,第一轮,永康市财政局,理论学习不深入,B1,正在整改',
  '2024,第二轮,永康市卫健局,公车私用,D3,已完成'].join('\n'));

test('one round number in two years: a round of each year, no duplicate, U 4, the problem found again is a repeat', async () => {
  const [r] = await importOk(e, '永康市巡察整改台账汇总.csv', cumulative('永康市委巡察整改台账（汇总）'));
  expect(issuesOf(r, 'warning').filter((i) => i.code === 'duplicate_finding')).toEqual([]);
  expect(await keys()).toEqual([
    '永康市|县(市、区)委|2023年|1 2', '永康市|县(市、区)委|2024年|1 1', '永康市|县(市、区)委|2024年|2 1']);
  expect(await e.query('SELECT round_key, term, year FROM rounds ORDER BY ALL')).toEqual([
    { round_key: '永康市|县(市、区)委|2023年|1', term: '2023年', year: 2023 },
    { round_key: '永康市|县(市、区)委|2024年|1', term: '2024年', year: 2024 },
    { round_key: '永康市|县(市、区)委|2024年|2', term: '2024年', year: 2024 }]);
  const k = await kpis();
  // Hand count: 财政局 in 2023-1, 教育局 in 2023-1, 财政局 in 2024-1, 卫健局 in 2024-2.
  expect([k.findings, k.completed, k.units]).toEqual([4, 3, 4]);
  // 财政局's 理论学习不深入 (B1) of 2023 found again in 2024: one 同单位重复问题 among 财政局's two findings.
  const [rep] = await e.query<RepeatRateRow>(unitRepeatRateSql(emptyFilters('2025-06-30'), DEFAULT_PARAMS));
  expect([rep.repeats, rep.denominator]).toEqual([1, 2]);
});

test('a file of one year keeps its termless round (round-merge.ts may still find its term)', async () => {
  await importOk(e, '永康市2023巡察整改台账.csv', enc([head, '2023,第一轮,永康市财政局,理论学习不深入,B1,已完成',
    '2023,第一轮,永康市教育局,违规吃喝,D1,已完成'].join('\n')));
  expect(await keys()).toEqual(['永康市|县(市、区)委||1 2']);
});

test('a 届次 says the rounds are numbered within the term: one round over two years stays one', async () => {
  const [r] = await importOk(e, '十五届永康市委巡察整改台账.csv', cumulative('十五届永康市委巡察整改台账'));
  expect(await keys()).toEqual(['永康市|县(市、区)委|十五届|1 3', '永康市|县(市、区)委|十五届|2 1']);
  expect(issuesOf(r, 'warning').filter((i) => i.code === 'duplicate_finding').map((i) => i.row)).toEqual([5]);
});

// helper-133: a term's autumn 第四轮 written with 2023 and 2024 in 年度 (fed back in January) is one round, not a sign of
// rounds numbered within the year: no unit is in it twice, and 4 is the last number of 2023 and the first of 2024.
test('a round running from one year into the next, in a ledger numbered within the term, stays one round', async () => {
  await importOk(e, '永康市巡察整改台账汇总.csv', enc(['永康市委巡察整改台账（汇总）', head,
    '2022,第一轮,永康市财政局,理论学习不深入,B1,已完成', '2022,第二轮,永康市教育局,违规吃喝,D1,已完成',
    '2023,第三轮,永康市卫健局,公车私用,D3,已完成', '2023,第四轮,永康市交通局,工程项目管理不规范,C1,已完成',
    '2024,第四轮,永康市水务局,财务报销不规范,C2,正在整改', '2024,第五轮,永康市财政局,理论学习不深入,B1,正在整改'].join('\n')));
  expect(await keys()).toEqual([1, 2, 3, 4, 5].map((n) => `永康市|县(市、区)委||${n} ${n === 4 ? 2 : 1}`));
});

test('numbers starting again in a later year, with no unit in one round twice, are rounds of each year', async () => {
  await importOk(e, '永康市巡察整改台账汇总.csv', enc(['永康市委巡察整改台账（汇总）', head,
    '2023,第一轮,永康市财政局,理论学习不深入,B1,已完成', '2023,第二轮,永康市教育局,违规吃喝,D1,已完成',
    '2024,第一轮,永康市卫健局,公车私用,D3,正在整改'].join('\n')));
  expect(await keys()).toEqual(['永康市|县(市、区)委|2023年|1 1', '永康市|县(市、区)委|2023年|2 1', '永康市|县(市、区)委|2024年|1 1']);
});

// helper-133: one unit's problems of a term's round fed back in two batches over the new year: still one round.
test('a unit with other problems in both years of a round running into the next year is no restart', async () => {
  await importOk(e, '永康市巡察整改台账汇总.csv', enc(['永康市委巡察整改台账（汇总）', head,
    '2023,第三轮,永康市卫健局,公车私用,D3,已完成', '2023,第四轮,永康市交通局,工程项目管理不规范,C1,已完成',
    '2024,第四轮,永康市交通局,选人用人不规范,C3,正在整改', '2024,第五轮,永康市水务局,财务报销不规范,C2,正在整改'].join('\n')));
  expect(await keys()).toEqual(['永康市|县(市、区)委||3 1', '永康市|县(市、区)委||4 2', '永康市|县(市、区)委||5 1']);
  expect((await kpis()).units).toBe(3);
});
