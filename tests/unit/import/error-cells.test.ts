import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { engineEachTest, importOk, issuesOf } from './helpers';

/**
 * Formula error cells (#N/A of a broken VLOOKUP, #REF!): read as empty, and warned on the rows
 * that are imported, naming the column and the error. A template's formula rows below the data,
 * errors and nothing else, stay blank rows that say nothing.
 */
const e = engineEachTest();

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

/** A one-sheet workbook whose sheet XML rows are given as written (to save formulas as other programs do). */
function workbookWithSheetData(rows: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), 'Sheet1');
  const zip = XLSX.CFB.read(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), { type: 'array' });
  const at = zip.FullPaths.findIndex((p: string) => p.endsWith('worksheets/sheet1.xml'));
  const xml = new TextDecoder().decode(zip.FileIndex[at].content as Uint8Array)
    .replace(/<dimension [^>]*\/>/, '<dimension ref="A1:E5"/>').replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows}</sheetData>`);
  zip.FileIndex[at].content = new TextEncoder().encode(xml);
  return new Uint8Array(XLSX.CFB.write(zip, { type: 'array', fileType: 'zip' }) as ArrayBuffer);
}

// A ledger a program wrote with formulas and never saved in Excel: its formulas have no result in the
// file, so the cells read as empty. Before, nothing said why a status or a date was missing.
test('formulas saved without their result are empty and warned with the formula; a saved empty result is not', async () => {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const head = ['序号', '被巡察单位', '具体问题', '整改状态', '完成时间'].map((t, i) => inline(`${'ABCDE'[i]}1`, t)).join('');
  const data = (r: number, unit: string, problem: string, rest: string) =>
    `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${inline(`B${r}`, unit)}${inline(`C${r}`, problem)}${rest}</row>`;
  const bytes = workbookWithSheetData([`<row r="1">${head}</row>`,
    // openpyxl: <f> and an empty <v/>, no type; a date formula with no <v> at all.
    data(2, '市教育局党委', '违规吃喝', `<c r="D2"><f>IF(E2&lt;&gt;"","已完成","正在整改")</f><v/></c><c r="E2"><f>DATE(2024,5,1)</f></c>`),
    // A formula whose saved result is "" (Excel's own save): a value, read as empty without a word.
    data(3, '市财政局党组', '违规发放津补贴', `<c r="D3" t="str"><f>""</f><v></v></c>`),
    // A formula with its result saved: read as the result.
    data(4, '市卫健委党委', '理论学习不深入', `<c r="D4" t="str"><f>"正在整改"</f><v>正在整改</v></c>`)].join(''));
  const [r] = await importOk(e, '八届市委第三轮巡察整改台账.xlsx', bytes);
  expect([r.rowsAccepted, r.rowsRejected]).toEqual([3, 0]);
  expect(r.issues.filter((i) => i.code === 'cell_uncalculated').map((i) => ({ row: i.row, column: i.column, value: i.value }))).toEqual([
    { row: 2, column: '整改状态', value: '=IF(E2<>"","已完成","正在整改")' },
    { row: 2, column: '完成时间', value: '=DATE(2024,5,1)' },
  ]);
  expect(r.issues.filter((i) => i.code === 'cell_error')).toEqual([]);
  expect(await e.query('SELECT source_row, status_raw FROM findings ORDER BY source_row')).toEqual([
    { source_row: 2, status_raw: null }, { source_row: 3, status_raw: null }, { source_row: 4, status_raw: '正在整改' }]);
});
