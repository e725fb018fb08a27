import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshEngine, importOk } from './helpers';

/**
 * A template whose columns are merged down to Excel's last row (1,048,576) over a sheet of three
 * problems: the merges fill the rows that exist and no more. Filling every row they span made 58
 * million entries for a 25 KB file and ran the reader out of memory.
 */
test('55 columns merged down to row 1,048,576 fill only the rows the sheet has', async () => {
  const header = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', ...Array.from({ length: 55 }, (_, i) => `附${i + 1}`)];
  const rows = [1, 2, 3].map((i) => [i, '永康市', '永康市教育局党委', '八届市委第四轮巡察', `问题${'甲乙丙'[i - 1]}`, ...Array.from({ length: 55 }, () => '附')]);
  const ws = XLSX.utils.aoa_to_sheet([header, ...rows]);
  ws['!merges'] = Array.from({ length: 55 }, (_, i) => ({ s: { r: 1, c: i + 5 }, e: { r: 1_048_575, c: i + 5 } }));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '八届市委第四轮巡察');
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  expect(bytes.length).toBeLessThan(64 * 1024);
  const e = await freshEngine();
  const [r] = await importOk(e, 'merged.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  expect(await e.query('SELECT problem_title FROM findings ORDER BY source_row')).toEqual([
    { problem_title: '问题甲' }, { problem_title: '问题乙' }, { problem_title: '问题丙' },
  ]);
});
