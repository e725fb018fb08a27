import { afterEach, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { freshEngine, importOk } from './helpers';

// DOMAIN.md §6.1: year = the year of stationing. A row's own 进驻时间 says it; a year in the file's
// name only where no 年度 column or stationing date does, before the feedback date's year.
let engine: (Engine & { close(): void }) | null = null;
afterEach(() => engine?.close());
const ledger = (rows: string[]) => new TextEncoder().encode(['序号,县市区,被巡察单位,反馈时间,进驻时间,具体问题,整改状态', ...rows].join('\n'));

test.each([
  ['八届市委第3轮巡察整改台账_2024.9.1.csv', '2023-05-10', '2023-03-01', 2023],
  ['2024年八届市委第三轮巡察整改台账.csv', '2023-05-10', '2023-03-01', 2023],
  ['2024年八届市委第三轮巡察整改台账.csv', '2025-01-10', '', 2024],
  ['八届市委第三轮巡察整改台账.csv', '2023-05-10', '', 2023],
])('%s, feedback %s, stationed %s → year %i', async (name, feedback, station, year) => {
  engine = await freshEngine();
  await importOk(engine, name, ledger([`1,婺城区,婺城区教育局,${feedback},${station},理论学习不深入,正在推进`]));
  expect((await engine.query<{ year: number }>('SELECT year FROM findings')).map((r) => r.year)).toEqual([year]);
});

// An 11-digit 轮次 (an id pasted in the wrong column) rejects its own row as round_missing; it
// failed the whole file with write_failed when the commit cast it to INTEGER.
test.each([
  ['巡视巡察主体,届次,轮次', '市委,八届,3', '市委,八届,12345678901'],
  ['轮次名称', '八届市委第三轮巡察', '八届市委第12345678901轮巡察'],
])('an impossible round number in one row (%s) rejects that row only', async (head, good, bad) => {
  engine = await freshEngine();
  const bytes = new TextEncoder().encode(`序号,县市区,被巡察单位,${head},具体问题,整改状态\n1,婺城区,单位一,${good},理论学习不深入,已完成\n2,婺城区,单位二,${bad},违规吃喝,正在推进`);
  const [report] = await importOk(engine, 'r.csv', bytes);
  expect([report.rowsAccepted, report.rowsRejected]).toEqual([1, 1]);
  expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.code])).toEqual([[3, 'round_missing']]);
});

// A date that reads but cannot be a ledger's (1933, 2173, 9999) is kept and warned.
test('dates before 1990 or after 2099 are warned as implausible', async () => {
  engine = await freshEngine();
  const bytes = new TextEncoder().encode(['序号,县市区,被巡察单位,轮次名称,反馈时间,整改时限,完成时间,具体问题,整改状态',
    '1,婺城区,单位一,八届市委第三轮巡察,2019-05-10,2019-12-31,2019-11-01,问题一不深入,已完成',
    '2,婺城区,单位二,八届市委第三轮巡察,12345,9999-12-31,1900-01-01,问题二不深入,已完成'].join('\n'));
  const [report] = await importOk(engine, 'a.csv', bytes);
  const warned = report.issues.filter((i) => i.code === 'date_implausible');
  expect(warned.map((i) => [i.row, i.column]).sort()).toEqual([[3, '反馈时间'], [3, '完成时间'], [3, '整改时限']].sort());
  expect(warned.find((i) => i.column === '反馈时间')?.value).toBe('12345 → 1933-10-18');
  // A date written as it reads is shown once (review: 1900-01-01 → 1900-01-01).
  expect(warned.find((i) => i.column === '完成时间')?.value).toBe('1900-01-01');
});

// A 年度 column that names no year (19, 今年) is warned, and the year comes from the dates; 二〇一九年 is 2019.
test('a 年度 that names no four-digit year is warned and the dates give the year', async () => {
  engine = await freshEngine();
  const bytes = new TextEncoder().encode(['序号,县市区,被巡察单位,轮次名称,年度,反馈时间,具体问题,整改状态',
    '1,婺城区,单位一,八届市委第三轮巡察,2019年度,2020-05-10,问题一不深入,正在推进',
    '2,婺城区,单位二,八届市委第三轮巡察,19,2020-05-10,问题二不深入,正在推进',
    '3,婺城区,单位三,八届市委第三轮巡察,二〇一九年,2020-05-10,问题三不深入,正在推进',
    '4,婺城区,单位四,八届市委第三轮巡察,今年,2020-05-10,问题四不深入,正在推进',
    '5,婺城区,单位五,八届市委第三轮巡察,,2020-05-10,问题五不深入,正在推进'].join('\n'));
  const [r] = await importOk(engine, 'y.csv', bytes);
  expect((await engine.query<{ year: number }>('SELECT year FROM findings ORDER BY source_row')).map((x) => x.year)).toEqual([2019, 2020, 2019, 2020, 2020]);
  expect(r.issues.filter((i) => i.code === 'year_invalid').map((i) => [i.row, i.value])).toEqual([[3, '19'], [5, '今年']]);
});

// A 轮次 of a round numbered within its year (2023年第一轮) gives the rows that year (review: it was dropped, and
// the rows warned as having none).
test('a round numbered within its year gives its year to the rows', async () => {
  engine = await freshEngine();
  const csv = ['县市区,巡视巡察主体,被巡察单位,轮次,具体问题,整改状态', '婺城区,婺城区委,婺城区教育局,2023年第一轮,理论学习不深入,已完成',
    '婺城区,婺城区委,婺城区财政局,2024年第二轮,违规吃喝,已完成'].join('\n');
  const [r] = await importOk(engine, 'a.csv', new TextEncoder().encode(csv));
  expect(r.issues.filter((i) => i.code === 'year_missing')).toEqual([]);
  expect(await engine.query('SELECT year, round_no FROM findings ORDER BY source_row')).toEqual([{ year: 2023, round_no: 1 }, { year: 2024, round_no: 2 }]);
});
