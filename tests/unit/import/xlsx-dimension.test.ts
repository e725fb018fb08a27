import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { freshEngine, importOk } from './helpers';

// Review: programs that fill a template leave its <dimension> tag as it was. Excel ignores the tag; the
// importer read only the range it states, so a row past it vanished, a column past it (整改状态) was
// dropped, and a range starting at B2 lost the header.
const R = '八届市委第三轮巡察';
const rows = [['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'],
  [1, '浦江县', '浦江县教育局', R, '理论学习不深入', '已完成'], [2, '浦江县', '浦江县教育局', R, '违规吃喝', '未完成'],
  [3, '浦江县', '浦江县卫健局', R, '三会一课不规范', '正在推进']];

async function withDimension(ref: string): Promise<Uint8Array> {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S');
  const zip = await JSZip.loadAsync(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  expect(sheet).toMatch(/<dimension ref="A1:F4"\/>/);
  zip.file('xl/worksheets/sheet1.xml', sheet.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`));
  return zip.generateAsync({ type: 'uint8array' });
}

test.each(['A1:F3', 'A1:E4', 'B2:F4', 'A1'])('a stale <dimension ref="%s"> hides no cell: every row and column is read', async (ref) => {
  const e = await freshEngine();
  const [r] = await importOk(e, 'ledger.xlsx', await withDimension(ref));
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  expect(await e.query('SELECT source_row, problem_title, status FROM findings ORDER BY source_row')).toEqual([
    { source_row: 2, problem_title: '理论学习不深入', status: 'completed' },
    { source_row: 3, problem_title: '违规吃喝', status: 'not_completed' },
    { source_row: 4, problem_title: '三会一课不规范', status: 'in_progress' },
  ]);
  e.close();
});
