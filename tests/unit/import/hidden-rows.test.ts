import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshEngine, importOk } from './helpers';

/** One sheet from rows, with the given 0-based rows hidden as Excel hides them (<row hidden="1">). */
function workbookWithHiddenRows(rows: (string | number | null)[][], hidden: number[]): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!rows'] = rows.map((_, i) => (hidden.includes(i) ? { hidden: true } : {}));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '台账');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

// A row hidden in Excel, by hand or by a filter, is not shown, but the office may still own it; or
// it is a withdrawn item left in. It is imported as data and each one is warned (review D9), so
// nothing hidden counts unseen. A hidden 合计 row is skipped as any 合计 row is.
test('hidden rows are imported, each warned; a hidden total row is skipped as a total', async () => {
  const e = await freshEngine();
  const bytes = workbookWithHiddenRows([
    ['十五届县委第三轮巡察整改台账'],
    ['序号', '被巡察单位', '具体问题', '整改状态'],
    [1, '永康市教育局', '违规吃喝', '已完成'],
    [2, '永康市教育局', '公车私用', '正在整改'],
    [3, '永康市教育局', '三会一课不规范', '未完成'],
    [4, '永康市卫健局', '滥发津补贴', '正在整改'],
    ['合计', null, '4个问题', null],
  ], [3, 4, 6]);
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected, r.rowsSkipped]).toEqual([4, 0, 1]);
  expect(r.issues.filter((i) => i.code === 'row_hidden').map((i) => [i.row, i.severity])).toEqual([[4, 'warning'], [5, 'warning']]);
  expect(r.issues.filter((i) => i.row === 7).map((i) => i.code)).toEqual(['row_skipped_total']);
  expect(await e.query('SELECT count(*)::INT AS n FROM findings')).toEqual([{ n: 4 }]);
  e.close();
});
