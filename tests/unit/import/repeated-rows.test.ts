import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { repeatedRowNumbers } from '../../../src/lib/import/xlsx-row-repeats';
import { WORKSHEET_PART, partText, rewriteXlsxParts } from '../../../src/lib/import/xlsx-parts';
import { freshEngine, importOk } from './helpers';

// A program-written workbook can state one row number twice (two <row r="4">). Excel calls the file damaged;
// SheetJS reads both into one row, the later cells over the earlier, and one row's text was lost without a word
// (helper-108's M9). Each such row is now warned, on the sheet it is in.

/** A workbook of two sheets; in 台账's XML the row numbered `row` is written again after it with `cells`. */
function workbookWithRepeatedRow(row: number, cells: string): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['说明'], ['本表为空']]), '封面');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
    ['十五届县委第三轮巡察整改台账'],
    ['序号', '被巡察单位', '具体问题', '整改状态'],
    [1, '永康市教育局', '违规吃喝', '已完成'],
    [2, '永康市教育局', '公车私用', '正在整改'],
    [3, '永康市卫健局', '滥发津补贴', '未完成'],
  ]), '台账');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return rewriteXlsxParts(XLSX, bytes, WORKSHEET_PART, (raw) => {
    const xml = partText(raw);
    if (!xml.includes('滥发津补贴')) return null;
    const at = new RegExp(`(<row r="${row}"[^>]*>.*?</row>)`);
    return at.test(xml) ? xml.replace(at, `$1<row r="${row}">${cells}</row>`) : null;
  })!;
}

test('row numbers stated twice are found in the bytes; other tags and attributes named r-something are not rows', () => {
  const xml = new TextEncoder().encode(`<worksheet><sheetData><row r="1" spans="1:2"><c r="A1"/></row><row spans="1:2" r = '2'/>
    <row r="3"></row><row\tr="2" ht="15"></row><rowBreaks count="1"><brk id="3"/></rowBreaks><row x14ac:dyDescent="0.25" r="3"/><row/></sheetData></worksheet>`);
  expect(repeatedRowNumbers(xml)).toEqual([2, 3]);
  expect(repeatedRowNumbers(new TextEncoder().encode('<row r="1"/><row r="10"/><row r="11"/>'))).toEqual([]);
  // A row without its r is the one its first cell names (as SheetJS reads it), else the one after the row before;
  // a prefixed element is a row too.
  const enc = (s: string) => new TextEncoder().encode(s);
  expect(repeatedRowNumbers(enc('<row r="1"/><row><c r="A2"/></row><row><c r="B2"/></row><row r="3"/>'))).toEqual([2]);
  expect(repeatedRowNumbers(enc('<row><c/></row><row><c/></row><row r="2"/>'))).toEqual([2]);
  expect(repeatedRowNumbers(enc('<x:row r="5"></x:row><x:row r="5"/></x:sheetData>'))).toEqual([5]);
});

test('a data row stated twice is imported once and warned; the other rows are not', async () => {
  const e = await freshEngine();
  // Row 4 (公车私用) written again with other cells: SheetJS keeps the later ones.
  const bytes = workbookWithRepeatedRow(4, '<c r="A4"><v>2</v></c><c r="B4" t="inlineStr"><is><t>永康市教育局</t></is></c><c r="C4" t="inlineStr"><is><t>超标配车</t></is></c>');
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.xlsx', bytes);
  expect(r.sheet).toBe('台账');
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  expect(r.issues.filter((i) => i.code === 'row_repeated').map((i) => [i.row, i.severity])).toEqual([[4, 'warning']]);
  // The later row's cells over the earlier's: its title, and the status only the first one had.
  expect(await e.query(`SELECT source_row, problem_title, status_raw FROM findings ORDER BY source_row`)).toEqual([
    { source_row: 3, problem_title: '违规吃喝', status_raw: '已完成' },
    { source_row: 4, problem_title: '超标配车', status_raw: '正在整改' },
    { source_row: 5, problem_title: '滥发津补贴', status_raw: '未完成' },
  ]);
  e.close();
});

/** The workbook's zip with its parts edited as text (JSZip): `edit` gets and sets parts by path. */
async function edited(bytes: Uint8Array, edit: (get: (path: string) => Promise<string>, set: (path: string, text: string | null) => void) => Promise<void>) {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  await edit((path) => zip.file(path)!.async('string'), (path, text) => (text === null ? zip.remove(path) : zip.file(path, text)));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

test('found also where the package names its parts otherwise: rows numbered by position, a sheet name with entities, another workbook path', async () => {
  const one = (title: string) => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([
      ['十五届县委第三轮巡察整改台账'], ['序号', '被巡察单位', '具体问题', '整改状态'],
      [1, '永康市教育局', '违规吃喝', '已完成'], [2, '永康市教育局', title, '正在整改'],
    ]), 'A&B');
    return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };
  const sheetPath = 'xl/worksheets/sheet1.xml';
  // Rows 1-3 without their r (numbered by position), then row 3 stated again; the sheet named A&#38;B; the
  // workbook moved to xl/book.xml, as _rels/.rels and [Content_Types].xml say.
  const bytes = await edited(one('公车私用'), async (get, set) => {
    const sheet = (await get(sheetPath)).replace(/<row r="[123]"/g, '<row').replace(/(<row r="4"[^>]*>)/, '<row r="3"><c r="C3" t="inlineStr"><is><t>超标配车</t></is></c></row>$1');
    set(sheetPath, sheet);
    set('xl/book.xml', (await get('xl/workbook.xml')).replace('name="A&amp;B"', 'name="A&#38;B"'));
    set('xl/_rels/book.xml.rels', await get('xl/_rels/workbook.xml.rels'));
    set('xl/workbook.xml', null);
    set('xl/_rels/workbook.xml.rels', null);
    set('_rels/.rels', (await get('_rels/.rels')).replace('xl/workbook.xml', 'xl/book.xml'));
    set('[Content_Types].xml', (await get('[Content_Types].xml')).replace('/xl/workbook.xml', '/xl/book.xml'));
  });
  const e = await freshEngine();
  const [r] = await importOk(e, '十五届县委第三轮巡察整改台账.xlsx', bytes);
  expect(r.sheet).toBe('A&B');
  expect(r.issues.filter((i) => i.code === 'row_repeated').map((i) => i.row)).toEqual([3]);
  e.close();
});
