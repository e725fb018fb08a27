import { test, expect, beforeEach, afterEach } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Engine } from '../../../src/lib/db/types';
import { freshEngine, importOk, issuesOf } from './helpers';

/**
 * Formula error cells (#N/A of a broken VLOOKUP, #REF!): read as empty, and warned on the rows
 * that are imported, naming the column and the error. A template's formula rows below the data,
 * errors and nothing else, stay blank rows that say nothing.
 */
let e: Engine & { close(): void };
beforeEach(async () => {
  e = await freshEngine();
});
afterEach(() => e.close());

test('#N/A and #REF! cells are empty, warned with their column and error; rows of errors only are blank', async () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ['八届市委第三轮巡察整改台账'],
    ['序号', '被巡察单位', '具体问题', '整改状态', '完成时间', '备用列'],
    [1, '市教育局党委', '违规吃喝', '已完成', '2024-05-01', null],
    [2, '市教育局党委', '违规发放津补贴', null, null, null],
    [3, '市教育局党委', '理论学习不深入', '正在整改', null, null],
    [null, null, null, null, null, null],
  ]);
  const err = (v: number, f: string) => ({ t: 'e', v, f } as XLSX.CellObject);
  // Row 4: a status looked up from another sheet that is gone, a date from a deleted column.
  ws['D4'] = err(0x2a, 'VLOOKUP(B4,状态!A:B,2,0)');
  ws['E4'] = err(0x17, '#REF!+1');
  // Row 5: an error in a column no field reads says nothing.
  ws['F5'] = err(0x07, '1/0');
  // Row 6: the template's formulas run on below the data.
  ws['D6'] = err(0x2a, 'VLOOKUP(B6,状态!A:B,2,0)');
  ws['E6'] = err(0x2a, 'VLOOKUP(B6,状态!A:C,3,0)');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  const errs = r.issues.filter((i) => i.code === 'cell_error').map((i) => ({ row: i.row, column: i.column, value: i.value }));
  expect(errs).toEqual([
    { row: 4, column: '整改状态', value: '#N/A' },
    { row: 4, column: '完成时间', value: '#REF!' },
  ]);
  expect(issuesOf(r, 'warning').filter((i) => i.row === 6)).toEqual([]);
  expect(await e.query(`SELECT source_row, status, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, status: 'completed', completion_date: '2024-05-01' },
    { source_row: 4, status: null, completion_date: null },
    { source_row: 5, status: 'in_progress', completion_date: null },
  ]);
});
