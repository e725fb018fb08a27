import { test, expect, beforeEach, afterEach } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Engine } from '../../../src/lib/db/types';
import { findStatusTicks, tickLabel, tickSubHeaders } from '../../../src/lib/import/status-ticks';
import { freshEngine, importOk, issuesOf, utf8 } from './helpers';

// Status given as tick columns (已完成 | 正在整改 | 未完成 with a √ in one), alone or under a merged 整改情况.

let e: Engine & { close(): void };
beforeEach(async () => (e = await freshEngine()));
afterEach(() => e.close());

const rowsOf = () => e.query(`SELECT problem_title, status, status_raw, long_term FROM findings ORDER BY source_row`);

test('tick headers: the status word alone, also under a group; two or more, one of them a status', () => {
  expect(['已完成', '已 完 成', '整改情况/正在整改', '未完成（√）', '长期坚持', '完成时间', '整改完成情况', '已完成数', '', '整改', '完成', '已整改']
    .map(tickLabel)).toEqual(['已完成', '已完成', '正在整改', '未完成', '长期坚持', null, null, null, null, null, null, '已整改']);
  expect(findStatusTicks(['问题', '已完成', '未完成'], new Set())).toEqual([{ col: 1, label: '已完成' }, { col: 2, label: '未完成' }]);
  // One column only, or only the ongoing mark, or one a field already reads: no tick columns.
  expect(findStatusTicks(['问题', '已完成'], new Set())).toEqual([]);
  expect(findStatusTicks(['问题', '长期坚持', '常态化'], new Set())).toEqual([]);
  expect(findStatusTicks(['问题', '已完成', '未完成'], new Set([2]))).toEqual([]);
});

test('a row of tick labels under a header merges into it; any other text under a label does not', () => {
  expect(tickSubHeaders(['问题', '整改情况', null, null, '备注'], [null, '已完成', '正在整改', '未完成', null]))
    .toEqual(['问题', '整改情况/已完成', '整改情况/正在整改', '整改情况/未完成', '备注']);
  // The date group beside them keeps its planned and actual dates.
  expect(tickSubHeaders(['问题', '完成时间', null, '整改情况', null], [null, '计划', '实际', '已完成', '未完成']))
    .toEqual(['问题', '整改时限', '完成时间', '整改情况/已完成', '整改情况/未完成']);
  expect(tickSubHeaders(['问题', '整改情况', null], [null, '已完成', '另说'])).toBeNull();
  expect(tickSubHeaders(['问题', '整改情况', null], [null, '已完成', null])).toBeNull();
  // A data row is no sub-header.
  expect(tickSubHeaders(['问题', '已完成', '未完成'], ['违规吃喝', '√', null])).toBeNull();
});

const HEAD = '2024年县委第一轮巡察东阳市整改台账\n';

test('one header row: each row takes the word of the column it marks; no mark is a blank status; 长期坚持 beside it is long term', async () => {
  const csv = `${HEAD}序号,县市区,被巡察单位,问题,整改时限,完成时间,已完成,正在整改,未完成,长期坚持
1,东阳市,甲局,违规发放津补贴问题,2024年底前,2024-05-01,√,,,
2,东阳市,甲局,三重一大制度执行不严,2024年底前,,,是,,
3,东阳市,甲局,选人用人不规范,2024年底前,,X,,1,
4,东阳市,甲局,公车私用,2024年底前,2024-06-01,2024.6.1,,,√
5,东阳市,甲局,档案管理不规范,2024年底前,,,,,
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([5, 0]);
  expect(r.issues.find((i) => i.code === 'status_from_ticks')?.value).toBe('已完成 | 正在整改 | 未完成 | 长期坚持');
  // The tick columns are read, so none is reported as ignored, and the file does not lack a status.
  expect(r.issues.filter((i) => ['column_ignored', 'status_missing'].includes(i.code))).toEqual([]);
  expect(issuesOf(r, 'warning').filter((i) => i.code.startsWith('status'))).toEqual([{ row: 7, code: 'status_blank' }]);
  expect(await rowsOf()).toEqual([
    { problem_title: '违规发放津补贴问题', status: 'completed', status_raw: '已完成', long_term: false },
    { problem_title: '三重一大制度执行不严', status: 'in_progress', status_raw: '正在整改', long_term: false },
    { problem_title: '选人用人不规范', status: 'not_completed', status_raw: '未完成', long_term: false },
    { problem_title: '公车私用', status: 'completed', status_raw: '已完成、长期坚持', long_term: true },
    { problem_title: '档案管理不规范', status: null, status_raw: null, long_term: false },
  ]);
});

test('two header rows saved as CSV: 整改情况 over the ticks is no status column of its own, and the sub-header is no data row', async () => {
  const csv = `${HEAD}序号,县市区,被巡察单位,问题,整改时限,整改情况,,
,,,,,已完成,正在整改,未完成
1,东阳市,甲局,违规发放津补贴问题,2024年底前,√,,
2,东阳市,甲局,三重一大制度执行不严,2024年底前,,√,
3,东阳市,甲局,选人用人不规范,2024年底前,,,√
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([3, 0, 0]);
  // The completed row has no completion date (no such column): DOMAIN's warning, nothing about the status.
  expect(issuesOf(r, 'warning').filter((i) => i.code !== 'year_missing')).toEqual([{ row: 4, code: 'completed_without_date' }]);
  expect((await rowsOf()).map((x) => x.status)).toEqual(['completed', 'in_progress', 'not_completed']);
});

test('an Excel workbook with 整改情况 merged over the ticks and 完成时间 over 计划 | 实际', async () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['2024年县委第一轮巡察东阳市整改台账'],
    ['序号', '县市区', '被巡察单位', '问题', '完成时间', null, '整改情况', null, null],
    [null, null, null, null, '计划', '实际', '已完成', '正在整改', '未完成'],
    [1, '东阳市', '甲局', '违规发放津补贴问题', '2024年6月底前', '2024-05-01', '√', null, null],
    [2, '东阳市', '甲局', '三重一大制度执行不严', '2024年底前', null, null, '√', null],
  ]);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 8 } }, { s: { r: 1, c: 4 }, e: { r: 1, c: 5 } }, { s: { r: 1, c: 6 }, e: { r: 1, c: 8 } },
    ...[0, 1, 2, 3].map((c) => ({ s: { r: 1, c }, e: { r: 2, c } }))];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const [r] = await importOk(e, 'a.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([2, 0, 0]);
  expect(await e.query(`SELECT status, deadline, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { status: 'completed', deadline: '2024-06-30', completion_date: '2024-05-01' },
    { status: 'in_progress', deadline: '2024-12-31', completion_date: null },
  ]);
});

test('a real status column keeps its place: tick-like columns beside it are not read', async () => {
  const csv = `${HEAD}序号,县市区,被巡察单位,问题,整改状态,已完成,未完成
1,东阳市,甲局,违规发放津补贴问题,正在整改,3,1
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect((await rowsOf()).map((x) => [x.status, x.status_raw])).toEqual([['in_progress', '正在整改']]);
  expect(r.issues.filter((i) => i.code === 'column_ignored').map((i) => i.value)).toEqual(['已完成', '未完成']);
});

test('boxes and circles: the filled one marks, an empty box or circle does not', async () => {
  const csv = `${HEAD}序号,县市区,被巡察单位,问题,整改时限,已完成,正在整改,未完成
1,东阳市,甲局,违规发放津补贴问题,2024年底前,☑,□,□
2,东阳市,甲局,三重一大制度执行不严,2024年底前,□,☑,☐
3,东阳市,甲局,选人用人不规范,2024年底前,○,○,●
`;
  await importOk(e, 'a.csv', utf8(csv));
  expect((await rowsOf()).map((x) => x.status)).toEqual(['completed', 'in_progress', 'not_completed']);
});

test('a 整改 column of measures and a 完成 column of dates are no tick columns', async () => {
  const csv = `${HEAD}序号,县市区,被巡察单位,问题,整改,完成
1,东阳市,甲局,违规发放津补贴问题,清退资金,2024-05-01
`;
  const [r] = await importOk(e, 'a.csv', utf8(csv));
  expect(r.issues.some((i) => i.code === 'status_from_ticks')).toBe(false);
});

// Review: a system export writes 1 and 0 under 是否完成 as it does under 是否销号; a 整改状态 column of codes
// (1, 2, 3) is another system's vocabulary, which nobody defined.
test('1 and 0 under a yes/no status header (是否完成) are 是 and 否; under 整改状态 they stay unrecognised', async () => {
  const title = '八届市委第三轮巡察整改台账';
  const [yes] = await importOk(e, 'a.csv', utf8([title, '县市区,被巡察单位,问题,是否完成', '永康市,甲局,问题一,1', '永康市,甲局,问题二,0', '永康市,甲局,问题三,是'].join('\n')));
  expect(await e.query(`SELECT problem_title, status FROM findings WHERE dataset_id = '${yes.datasetId}' ORDER BY source_row`)).toEqual([
    { problem_title: '问题一', status: 'completed' }, { problem_title: '问题二', status: 'not_completed' }, { problem_title: '问题三', status: 'completed' },
  ]);
  expect(yes.issues.filter((i) => i.code === 'status_unrecognised')).toEqual([]);
  const [codes] = await importOk(e, 'b.csv', utf8([title, '县市区,被巡察单位,问题,整改状态', '永康市,乙局,问题四,1', '永康市,乙局,问题五,0'].join('\n')));
  expect(await e.query(`SELECT status FROM findings WHERE dataset_id = '${codes.datasetId}' ORDER BY source_row`)).toEqual([{ status: null }, { status: null }]);
  expect(codes.issues.filter((i) => i.code === 'status_unrecognised').map((i) => i.row)).toEqual([3, 4]);
});
