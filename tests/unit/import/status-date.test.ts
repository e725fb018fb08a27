import { afterEach, expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { DEFAULT_PARAMS } from '../../../src/lib/domain/params';
import { emptyFilters } from '../../../src/lib/queries/filters';
import { timelinessQuery } from '../../../src/lib/queries/timeliness';
import { freshEngine, importOk, utf8 } from './helpers';

// A ledger with no 完成时间 column whose status says when (已完成（2024.6.30）): that day is the completion date, and the
// closure date where it says 销号. Every row fed back 2024-03-15; the ledger as of 2024-12-15.

let e: Engine & { close(): void };
afterEach(() => e.close());

async function ledger(statuses: string[], deadline = '2024年12月底前', extra?: { header: string; cells: string[] }) {
  e = await freshEngine();
  const csv = ['2024年县委第一轮巡察东阳市整改台账', `序号,县市区,被巡察单位,反馈时间,具体问题,整改时限,整改状态${extra ? ',' + extra.header : ''}`,
    ...statuses.map((s, i) => [i + 1, '东阳市', '甲局', '2024-03-15', `问题${i + 1}`, deadline, s, ...(extra ? [extra.cells[i]] : [])].join(','))].join('\n');
  const [report] = await importOk(e, 'a.csv', utf8(csv), { asOf: '2024-12-15' });
  const rows = await e.query<{ source_row: number; completion_date: string | null; closure_date: string | null }>(
    'SELECT source_row, CAST(completion_date AS VARCHAR) AS completion_date, CAST(closure_date AS VARCHAR) AS closure_date FROM findings ORDER BY source_row');
  const codes = (row: number) => report.issues.filter((i) => i.row === row && /^(completion_|completed_)/.test(i.code)).map((i) => i.code);
  return { rows: rows.map((f) => [f.completion_date, f.closure_date, codes(f.source_row)]), report };
}

test('a completed status that states one day or month gives the completion date, said as info; 销号 with a day gives the closure date', async () => {
  const { rows, report } = await ledger([
    '已完成（2024.6.30）', '2024年6月30日已完成', '已于2024年6月30日完成', '已完成 2024-06-30', '已完成(2024年6月)', '已销号（2024.6.30）',
    '已完成，2024年5月销号',
    // A month alone that runs past the as-of date: done by the as-of date, as a 完成时间 of that month is.
    '已完成（2024年12月）',
    // The date in Chinese numerals, as an official letter writes it (helper-131).
    '已于二〇二四年六月三十日完成',
  ]);
  const fromStatus = ['completion_from_status'];
  expect(rows).toEqual([
    ['2024-06-30', null, fromStatus], ['2024-06-30', null, fromStatus], ['2024-06-30', null, fromStatus], ['2024-06-30', null, fromStatus],
    ['2024-06-30', null, fromStatus], ['2024-06-30', '2024-06-30', fromStatus], ['2024-05-31', '2024-05-31', fromStatus],
    ['2024-12-15', null, fromStatus], ['2024-06-30', null, fromStatus],
  ]);
  const info = report.issues.find((i) => i.code === 'completion_from_status' && i.row === 3);
  expect([info?.severity, info?.column, info?.value]).toEqual(['info', '整改状态', '已完成（2024.6.30） → 2024-06-30']);
});

// A month written with a dot among words (已完成（2024.6）) gave no completion date: only 2024年6月 was read (session 53 leftover).
test('a status dating its completion or closure by a dotted month gives that month\'s last day; an amount is no month', async () => {
  const { rows } = await ledger(['已完成（2024.6）', '已销号（2024.6）', '已整改（2024.06）', '已完成(2024-06)', '已完成，2024.10销号',
    '已完成，追缴资金2019.5万元']);
  const fromStatus = ['completion_from_status'];
  expect(rows).toEqual([['2024-06-30', null, fromStatus], ['2024-06-30', '2024-06-30', fromStatus], ['2024-06-30', null, fromStatus],
    ['2024-06-30', null, fromStatus], ['2024-10-31', '2024-10-31', fromStatus], [null, null, ['completed_without_date']]]);
});

test('no completion date from a status that states two dates, a time limit or plan, a start, a day out of range, or is not completed', async () => {
  const { rows } = await ledger([
    '2024年3月完成，2024年5月销号', '已完成（整改时限2024年12月底）', '已完成，下步将于2025年6月底前开展回头看', '已完成（2024年6月底前）',
    '已完成，2024年3月起长期坚持', '已完成（2024.3.1）', '已完成（2025.3.1）', '正在整改（2024.6.30）', '已完成',
  ]);
  const none = ['completed_without_date'];
  expect(rows).toEqual([
    [null, null, none], [null, null, none], [null, null, none], [null, null, none], [null, null, none], [null, null, none], [null, null, none],
    [null, null, []], [null, null, none],
  ]);
});

test('a 完成时间 cell wins over the status; an empty one, or one saying there is none, gives way to it', async () => {
  const { rows } = await ledger(['已完成（2024.6.30）', '已完成（2024.6.30）', '已完成（2024.6.30）', '已完成（2024.6.30）'], '2024年12月底前',
    { header: '完成时间', cells: ['2024-07-05', '', '/', '无'] });
  const fromStatus = ['2024-06-30', null, ['completion_from_status']];
  expect(rows).toEqual([['2024-07-05', null, []], fromStatus, fromStatus, fromStatus]);
});

// helper-146 D3: a 完成时间 writing its month among words (已完成（2024.12）) ran past the as-of date in that month (2024-12-31,
// warned completion_after_as_of) where 2024.12完成 or the same month in the status gave the as-of date.
test('a 完成时间 of one month among words, in the as-of month, is the as-of date, as a month alone is', async () => {
  const { rows } = await ledger(['已完成', '已完成', '已完成', '已完成', '已完成'], '2024年12月底前',
    { header: '完成时间', cells: ['已完成（2024.12）', '已完成（2024年12月）', '2024年12月完成', '2024年12月上旬完成', '已完成（2024.11）'] });
  expect(rows).toEqual([['2024-12-15', null, []], ['2024-12-15', null, []], ['2024-12-15', null, []], ['2024-12-10', null, []],
    ['2024-11-30', null, []]]);
  // Not a month alone: a day written apart, a quarter (helper-147 F3): read as written, past the as-of date, warned.
  const apart = await ledger(['已完成', '已完成'], '2024年12月底前', { header: '完成时间', cells: ['2024年12月，20日', '2024年四季度完成'] });
  expect(apart.rows).toEqual([['2024-12-31', null, ['completion_after_as_of']], ['2024-12-31', null, ['completion_after_as_of']]]);
});

// helper-147 F2: a 反馈时间 the date map reads no date from (2024.3反馈) is no feedback month: a yearless 完成时间 is dated from
// the round's year, as with no feedback date at all (it was left empty).
test('a feedback cell with no date read leaves a yearless completion day to the round\'s year', async () => {
  e = await freshEngine();
  const csv = ['东阳市委2024年第一轮巡察整改台账', '序号,县市区,被巡察单位,反馈时间,具体问题,整改时限,整改状态,完成时间',
    '1,东阳市,甲局,2024.3反馈,问题1,2024年12月底前,已完成,6月30日', '2,东阳市,乙局,,问题2,2024年12月底前,已完成,6月30日'].join('\n');
  await importOk(e, 'a.csv', utf8(csv), { asOf: '2024-12-15' });
  const rows = await e.query<{ d: string | null }>('SELECT CAST(completion_date AS VARCHAR) AS d FROM findings ORDER BY source_row');
  expect(rows.map((r) => r.d)).toEqual(['2024-06-30', '2024-06-30']);
});

test('按期完成率 counts a completion its status dates: due 3 by 2024-06-30, on time 1 (it was 0)', async () => {
  await ledger(['已完成（2024.6.20）', '2024年7月15日已完成', '已完成'], '2024年6月30日前');
  const [t] = await e.query<{ due: number; on_time: number }>(timelinessQuery(emptyFilters('2024-12-15'), DEFAULT_PARAMS));
  expect([t.due, t.on_time]).toEqual([3, 1]);
});

// helper-130: a row whose status cell is blank but whose 完成时间 is filled counted as not completed, and overdue.
test('a blank status with a 完成时间 that is a day by the as-of date is completed, warned; a limit, a later day or no date leave it blank', async () => {
  const { rows, report } = await ledger(['', '', '', '', '已完成', '', ''], '2024年6月30日前',
    { header: '完成时间', cells: ['2024-06-20', '2024年12月底前', '2025-01-10', '', '2024-06-25', '预计2024年6月20日', '2024.6.20（计划）'] });
  const found = await e.query<{ status: string | null }>('SELECT status FROM findings ORDER BY source_row');
  // A plan (预计…, （计划）) is no day it was done either (helper-131).
  expect(found.map((f) => f.status)).toEqual(['completed', null, null, null, 'completed', null, null]);
  expect(rows.map((r) => r[0]).slice(0, 5)).toEqual(['2024-06-20', null, '2025-01-10', null, '2024-06-25']);
  const codes = (row: number) => report.issues.filter((i) => i.row === row && i.code.startsWith('status_')).map((i) => [i.code, i.value ?? null]);
  expect([3, 4, 5, 6, 7].map(codes)).toEqual([
    [['status_by_completion', '2024-06-20']], [['status_blank', null]], [['status_blank', null]], [['status_blank', null]], [],
  ]);
  // Due 7 by 2024-06-30; completed on time 2 (it was 1).
  const [t] = await e.query<{ due: number; on_time: number }>(timelinessQuery(emptyFilters('2024-12-15'), DEFAULT_PARAMS));
  expect([t.due, t.on_time]).toEqual([7, 2]);
});

test('a completed status with several dates gives the day its clause says the whole work was done, not a step, stage or plan (session 57)', async () => {
  const { rows } = await ledger([
    '已完成，已于2024年5月20日完成整改，2024年6月10日通过验收', '已完成。该问题已于2024年5月20日整改完毕，下步将于2024年12月开展回头看',
    '已完成，2024年6月底前，2024年7月10日完成整改',
    // Without 已 too, the status saying the work is done (helper-158).
    '已完成，2024年5月20日完成整改，2024年6月10日通过验收', '2024年4月10日召开专题会议，2024年5月印发方案，2024年6月20日整改完成并销号',
    // Review (helper-159): a closing clause is no completion beside a done one; parts done give the latest; a 实际 note gives its day.
    '已完成，2024年6月20日完成整改，2024年7月10日整改完成并销号', '已完成。2024年7月10日完成整改；2024年5月20日完成整改',
    '已完成（实际2024年7月10日完成，原定2024年6月底前）',
    // A stage, a step or only a plan: none, as before.
    '已完成，已于2024年5月20日完成方案，2024年6月10日通过验收', '已完成，2024年5月20日召开专题会议，2024年6月10日通过验收',
    '正在整改，2024年5月20日召开专题会议，2024年12月底前完成整改',
  ]);
  const none = ['completed_without_date'];
  const fromStatus = ['completion_from_status'];
  expect(rows).toEqual([
    ['2024-05-20', null, fromStatus], ['2024-05-20', null, fromStatus], ['2024-07-10', null, fromStatus],
    ['2024-05-20', null, fromStatus], ['2024-06-20', null, fromStatus],
    ['2024-06-20', null, fromStatus], ['2024-07-10', null, fromStatus], ['2024-07-10', null, fromStatus],
    [null, null, none], [null, null, none], [null, null, []],
  ]);
});
