import { test, expect } from 'vitest';
import { engineEachTest, importOk } from './helpers';
import { kpisQuery, type KpiRow } from '../../../src/lib/queries/kpis';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';

/**
 * Committees that number their rounds within a year (2023年第一轮巡察, 2024年第一轮巡察) and name no
 * term: the round key holds the year in the term's place (round.ts period), so the two first rounds
 * are two rounds, not one whose units, repeats and round order mix two years.
 */
const e = engineEachTest();

const enc = (s: string) => new TextEncoder().encode(s);
const R2023 = '婺城区|县(市、区)委|2023年|1';
const R2024 = '婺城区|县(市、区)委|2024年|1';
const keys = async () => (await e.query<{ round_key: string }>('SELECT DISTINCT round_key FROM findings ORDER BY ALL')).map((r) => r.round_key);
const rounds = () => e.query('SELECT round_key, term, round_no, round_label, year FROM rounds ORDER BY round_key');
const units = async () => (await e.query<KpiRow>(kpisQuery(emptyFilters('2025-06-30'), DEFAULT_PARAMS)))[0].units;

test('a 轮次 column of 2023年第一轮 and 2024年第一轮: two rounds, each with its year', async () => {
  await importOk(e, 'wucheng.csv', enc(['县市区,巡视巡察主体,被巡察单位,轮次,反馈时间,具体问题,整改状态',
    '婺城区,婺城区委,婺城区教育局,2023年第一轮,2023-06-20,理论学习不深入,已完成',
    '婺城区,婺城区委,婺城区教育局,2024年第一轮,2024-06-18,理论学习仍不深入,正在推进',
    '婺城区,婺城区委,婺城区财政局,2024年第一轮,2024-06-18,违规吃喝,已完成'].join('\n')));
  expect(await keys()).toEqual([R2023, R2024]);
  expect(await rounds()).toEqual([
    { round_key: R2023, term: '2023年', round_no: 1, round_label: '婺城区委2023年第一轮巡察', year: 2023 },
    { round_key: R2024, term: '2024年', round_no: 1, round_label: '婺城区委2024年第一轮巡察', year: 2024 }]);
  // U counts a unit once per round: 教育局 in both rounds, 财政局 in one (was 2 when the rounds were one).
  expect(await units()).toBe(3);
});

test('one file per round, the round in the file name: two rounds', async () => {
  const file = (unit: string, fed: string) => enc(['被巡察单位,反馈时间,具体问题,整改状态', `${unit},${fed},理论学习不深入,已完成`].join('\n'));
  await importOk(e, '婺城区委2023年第一轮巡察整改台账.csv', file('婺城区教育局', '2023-06-20'));
  await importOk(e, '婺城区委2024年第一轮巡察整改台账.csv', file('婺城区教育局', '2024-06-18'));
  expect(await keys()).toEqual([R2023, R2024]);
});

test('a stacked block per round in one sheet: each block its own round', async () => {
  const head = '被巡察单位,具体问题,整改状态';
  await importOk(e, '婺城区委巡察整改台账.csv', enc(['婺城区委2023年第一轮巡察', head, '婺城区教育局,理论学习不深入,已完成',
    '婺城区委2024年第一轮巡察', head, '婺城区财政局,违规吃喝,已完成'].join('\n')));
  expect(await e.query('SELECT unit_name, round_key FROM findings ORDER BY source_row')).toEqual([
    { unit_name: '婺城区教育局', round_key: R2023 }, { unit_name: '婺城区财政局', round_key: R2024 }]);
});

test('a file that names no year\'s numbering joins the year round its feedback fits, and only one that fits alone', async () => {
  const file = (fed: string, problem: string) => enc(['被巡察单位,反馈时间,具体问题,整改状态', `婺城区财政局,${fed},${problem},已完成`].join('\n'));
  await importOk(e, '婺城区委2023年第一轮巡察整改台账.csv', file('2023-06-20', '违规吃喝'));
  await importOk(e, '婺城区委2024年第一轮巡察整改台账.csv', file('2024-06-18', '公车私用'));
  // Fed back in 2023: only 2023's first round fits (a year-numbered round takes its year and the next).
  await importOk(e, '婺城区委第一轮巡察整改台账.csv', file('2023-07-01', '文山会海'));
  // Fed back in 2024: the first round of 2023 (fed back the next year) or of 2024; it stays as written.
  await importOk(e, '婺城区委第一轮巡察（补充）.csv', file('2024-07-01', '三公经费超支'));
  expect(await e.query('SELECT problem_title, round_key FROM findings ORDER BY problem_title')).toEqual([
    { problem_title: '三公经费超支', round_key: '婺城区|县(市、区)委||1' }, { problem_title: '公车私用', round_key: R2024 },
    { problem_title: '文山会海', round_key: R2023 }, { problem_title: '违规吃喝', round_key: R2023 }]);
});
