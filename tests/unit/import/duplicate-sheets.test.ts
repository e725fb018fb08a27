import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { importFile } from '../../../src/lib/import';
import { removeDataset } from '../../../src/lib/state/datasets';
import { freshEngine, importOk, tableCounts } from './helpers';

/**
 * A workbook whose bytes are stored again: every sheet it holds is named in the question (the
 * answer acts on all of them), and nothing is written before the analyst answers, also when one
 * sheet's dataset was removed meanwhile.
 */
const HEADER = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
function sheet(county: string, titles: string[]) {
  return XLSX.utils.aoa_to_sheet([HEADER, ...titles.map((t, i) => [i + 1, county, `${county}教育局党委`, '八届市委第五轮巡察', t, '已完成'])]);
}
function workbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet('东阳市', ['违规吃喝', '违规发放津补贴']), '东阳市');
  XLSX.utils.book_append_sheet(wb, sheet('义乌市', ['三会一课不规范', '理论学习不深入', '档案管理不规范']), '义乌市');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

test('an identical two-sheet workbook is reported as a copy of both sheets, and writes nothing', async () => {
  const e = await freshEngine();
  const bytes = workbook();
  const stored = await importOk(e, 'wb.xlsx', bytes);
  expect(stored.map((d) => [d.sheet, d.rowsAccepted])).toEqual([['东阳市', 2], ['义乌市', 3]]);
  const before = await tableCounts(e);
  const again = await importFile(e, { name: 'wb-copy.xlsx', bytes });
  expect(again.ok && again.datasets.map((d) => [d.sheet, d.duplicateOf])).toEqual([['东阳市', stored[0].datasetId], ['义乌市', stored[1].datasetId]]);
  expect(await tableCounts(e)).toEqual(before);
  // Replace (the answer given for the first): both sheets are replaced, nothing is counted twice.
  const replaced = await importOk(e, 'wb-copy.xlsx', bytes, { replaceDatasetId: stored[0].datasetId });
  expect(replaced.map((d) => d.rowsAccepted)).toEqual([2, 3]);
  expect(await tableCounts(e)).toEqual(before);
});

test('with one sheet removed, the copy is asked about before its other sheet is written; "keep both" then writes each sheet once more', async () => {
  const e = await freshEngine();
  const bytes = workbook();
  const stored = await importOk(e, 'wb.xlsx', bytes);
  await removeDataset(e, stored[1].datasetId);
  const before = await tableCounts(e);
  expect(before.findings).toBe(2);
  const again = await importFile(e, { name: 'wb.xlsx', bytes });
  // Only the stored sheet is a copy; the removed one is not written beside the question.
  expect(again.ok && again.datasets.map((d) => [d.sheet, d.duplicateOf])).toEqual([['东阳市', stored[0].datasetId]]);
  expect(await tableCounts(e)).toEqual(before);
  // "Keep both": the stored sheet a second time and the removed one once, 2 + 2 + 3.
  const kept = await importOk(e, 'wb.xlsx', bytes, { allowDuplicate: true });
  expect(kept.map((d) => d.rowsAccepted)).toEqual([2, 3]);
  expect((await tableCounts(e)).findings).toBe(7);
});
