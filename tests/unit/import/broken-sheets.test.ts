import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { importFile } from '../../../src/lib/import';
import { translate } from '../../../src/lib/i18n/translate';
import { freshEngine, importOk, tableCounts } from './helpers';

/**
 * A workbook SheetJS reads only in part is refused with what is wrong with it, not read as less
 * than it holds, nor called empty: a sheet it cannot parse (a part missing from the zip, one bad
 * shared-string index) names the sheet; a part that unpacks beyond what a browser can hold (a zip
 * bomb) is refused from the zip's directory before anything is unpacked; a book of charts says so.
 */
const HEADER = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态'];
const rows = (round: string, titles: string[]) => [HEADER, ...titles.map((t, i) => [i + 1, '永康市', '永康市教育局党委', round, t, '已完成'])];
function book(sheets: Record<string, (string | number)[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);
}
const twoSheets = () => book({ 八届市委第四轮巡察: rows('八届市委第四轮巡察', ['违规吃喝', '违规发放津补贴', '三会一课不规范']), 八届市委第五轮巡察: rows('八届市委第五轮巡察', ['理论学习不深入', '档案管理不规范']) });

/** The zip with its parts edited: `edit` gets each part's path and text and returns new text, null to drop it, or undefined to keep it. */
function editZip(bytes: Uint8Array, edit: (path: string, text: string) => string | null | undefined): Uint8Array {
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  for (const path of [...cfb.FullPaths]) {
    const i = cfb.FullPaths.indexOf(path);
    const entry = cfb.FileIndex[i];
    if (!entry?.content || entry.type !== 2) continue;
    const text = new TextDecoder().decode(entry.content as Uint8Array);
    const out = edit(path.replace(/^Root Entry\//, ''), text);
    if (out === null) XLSX.CFB.utils.cfb_del(cfb, path);
    else if (out !== undefined) {
      const content = new TextEncoder().encode(out);
      entry.content = content as unknown as typeof entry.content;
      entry.size = content.length;
    }
  }
  const written = XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array' }) as ArrayBuffer | Uint8Array;
  return written instanceof Uint8Array ? written : new Uint8Array(written);
}

async function refused(bytes: Uint8Array, name = 'book.xlsx') {
  const e = await freshEngine();
  await importOk(e, 'good.csv', new TextEncoder().encode('县市区,被巡察单位,轮次名称,具体问题,整改状态\n永康市,永康市财政局党委,八届市委第三轮巡察,违规吃喝,已完成\n'));
  const before = await tableCounts(e);
  const res = await importFile(e, { name, bytes });
  expect(await tableCounts(e)).toEqual(before);
  if (res.ok || !('error' in res)) throw new Error(`not refused: ${JSON.stringify(res).slice(0, 300)}`);
  return { code: res.error.code, text: translate('zh', res.error.message, res.error.vars) };
}

test('the books as written import whole (the edits below are what breaks them)', async () => {
  const e = await freshEngine();
  const reports = await importOk(e, 'book.xlsx', editZip(twoSheets(), () => undefined));
  expect(reports.map((r) => r.rowsAccepted)).toEqual([3, 2]);
});

test('a sheet whose part is missing from the zip is named, and nothing of the book is imported', async () => {
  const r = await refused(editZip(twoSheets(), (path) => (/worksheets\/sheet2\.xml$/.test(path) ? null : undefined)));
  expect(r.code).toBe('sheet_unreadable');
  expect(r.text).toContain('工作表“八届市委第五轮巡察”已损坏');
});

test('one shared-string index out of range loses no sheet silently', async () => {
  let edited = false;
  const bytes = editZip(twoSheets(), (path, text) => {
    if (!/worksheets\/sheet2\.xml$/.test(path)) return undefined;
    const out = text.replace(/(<c r="E3"[^>]*t="s"[^>]*><v>)\d+(<\/v>)/, '$199999$2');
    edited = out !== text;
    return out;
  });
  expect(edited).toBe(true);
  const r = await refused(bytes);
  expect(r.code).toBe('sheet_unreadable');
  expect(r.text).toContain('八届市委第五轮巡察');
  // A one-sheet book with its shared strings gone: damaged, not empty.
  const single = book({ 八届市委第四轮巡察: rows('八届市委第四轮巡察', ['违规吃喝']) });
  const gone = await refused(editZip(single, (path) => (/sharedStrings\.xml$/.test(path) ? null : undefined)));
  expect(gone.code).not.toBe('empty_file');
});

test('a part stated to unpack beyond 512 MB is refused from the directory, before it is unpacked', async () => {
  const bytes = editZip(twoSheets(), () => undefined);
  // Patch the central directory's unpacked size of sheet1.xml to 1.5 GB.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  let patched = false;
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const n = view.getUint16(at + 28, true);
    if (n === name.length && name.every((b, i) => bytes[at + 46 + i] === b)) {
      view.setUint32(at + 24, 1536 * 1024 * 1024, true);
      patched = true;
    }
  }
  expect(patched).toBe(true);
  const r = await refused(bytes);
  expect(r.code).toBe('workbook_too_large');
  expect(r.text).toContain('“xl/worksheets/sheet1.xml”解压后有 1536 MB');
});

test('a book of chart sheets only says so, not that the file is empty', async () => {
  const single = book({ 八届市委第四轮巡察: rows('八届市委第四轮巡察', ['违规吃喝']) });
  const chart = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></chartsheet>';
  let bytes = editZip(single, (path, text) => {
    if (/_rels\/workbook\.xml\.rels$/.test(path)) return text.replace(/Type="[^"]*\/worksheet" Target="worksheets\/sheet1.xml"/, 'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"');
    if (/Content_Types\].xml$/.test(path)) return text.replace('/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"', '/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"');
    if (/worksheets\/sheet1\.xml$/.test(path)) return null;
    return undefined;
  });
  const cfb = XLSX.CFB.read(bytes, { type: 'array' });
  XLSX.CFB.utils.cfb_add(cfb, 'xl/chartsheets/sheet1.xml', new TextEncoder().encode(chart));
  const written = XLSX.CFB.write(cfb, { fileType: 'zip', type: 'array' }) as ArrayBuffer | Uint8Array;
  bytes = written instanceof Uint8Array ? written : new Uint8Array(written);
  const r = await refused(bytes);
  expect(r.code).toBe('charts_only');
  expect(r.text).toContain('只有 1 个图表工作表');
});

test('an 800-column sheet beside a ledger is left out and named; alone, it refuses the file naming it', async () => {
  const wide = [Array.from({ length: 800 }, (_, i) => `列${i + 1}`), Array.from({ length: 800 }, (_, i) => i)];
  const e = await freshEngine();
  const reports = await importOk(e, 'wide.xlsx', book({ 八届市委第四轮巡察: rows('八届市委第四轮巡察', ['违规吃喝']), 透视表: wide }));
  expect(reports.map((r) => [r.sheet, r.rowsAccepted])).toEqual([['八届市委第四轮巡察', 1]]);
  expect(reports[0].issues.filter((i) => i.code === 'sheet_too_wide').map((i) => i.value)).toEqual(['透视表']);
  const r = await refused(book({ 透视表: wide }), 'only-wide.xlsx');
  expect(r.code).toBe('too_many_columns');
});
