import { test, expect, afterEach } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { freshEngine, importOk, mergedWorkbook, utf8 } from './helpers';

/**
 * A header over three rows: 整改情况 merged over 整改措施 | 完成情况, and 完成情况 merged over 状态 | 时间.
 * The third row's 时间 is the completion date (before, it was a column without a header, and a
 * completed item had no date); the rows under the header are data, not a repeated header.
 */
let e: Engine & { close(): void };
afterEach(() => e.close());

const TOP = ['序号', '被巡察单位', '具体问题', '整改情况', null, null, '责任人'];
const DATA = [[1, '婺城区教育局', '理论学习不深入', '加强学习', '已完成', '2023-08-01', '张三'],
  [2, '婺城区财政局', '违规吃喝', '退赔', '正在推进', null, '李四']];
const read = () => e.query('SELECT unit_name, problem_title, measures, status, completion_date, resp_person FROM findings ORDER BY source_row');
const EXPECTED = [
  { unit_name: '婺城区教育局', problem_title: '理论学习不深入', measures: '加强学习', status: 'completed', completion_date: '2023-08-01', resp_person: '张三' },
  { unit_name: '婺城区财政局', problem_title: '违规吃喝', measures: '退赔', status: 'in_progress', completion_date: null, resp_person: '李四' }];

test('in a workbook with merged cells', async () => {
  e = await freshEngine();
  const rows = [['婺城区委2023年第二轮巡察反馈问题整改台账'], TOP, [null, null, null, '整改措施', '完成情况', null, null],
    [null, null, null, null, '状态', '时间', null], ...DATA];
  const [r] = await importOk(e, '婺城区.xlsx', mergedWorkbook(rows, ['A1:G1', 'A2:A4', 'B2:B4', 'C2:C4', 'D2:F2', 'D3:D4', 'E3:F3', 'G2:G4']));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect(r.issues.filter((i) => ['column_no_header', 'row_skipped_header', 'completed_without_date'].includes(i.code))).toEqual([]);
  expect(await read()).toEqual(EXPECTED);
});

test('saved as CSV, the merges gone', async () => {
  e = await freshEngine();
  const line = (cells: (string | number | null)[]) => cells.map((c) => c ?? '').join(',');
  const csv = ['婺城区委2023年第二轮巡察反馈问题整改台账', line(TOP), ',,,整改措施,完成情况,,', ',,,,状态,时间,', ...DATA.map(line)].join('\n');
  const [r] = await importOk(e, '婺城区.csv', utf8(csv));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([2, 0]);
  expect(r.issues.filter((i) => ['column_no_header', 'completed_without_date'].includes(i.code))).toEqual([]);
  expect(await read()).toEqual(EXPECTED);
});
