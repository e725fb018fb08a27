import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { engineEachTest, importOk } from './helpers';

/**
 * The text of an XLSX cell is what the sheet says: a number in a fixed-decimal format is the text
 * Excel shows (a month typed 2019.10 is stored 2019.1), and an ISO date cell (t="d") is the date
 * written, offset and all, not the UTC instant SheetJS makes of it.
 */
const e = engineEachTest();

const R = '八届市委第三轮巡察';
const HEADER = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态', '整改时限', '完成时间'];
const bookBytes = (ws: XLSX.WorkSheet) => {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

test('a deadline month in a fixed-decimal format is read as Excel shows it; General numbers and dates as before', async () => {
  const row = (i: number, deadline: number) => [i, '婺城区', `婺城区单位${i}`, R, `具体问题${i}`, '正在推进', deadline, null];
  const ws = XLSX.utils.aoa_to_sheet([HEADER, row(1, 2019.1), row(2, 2019.1), row(3, 2019.12), row(4, 2020.1), row(5, 2019.1), row(6, 43830)]);
  // 0.00, Chinese Excel's 0.00_ (padding) and 0.0; 2019.1 in General stays January; a date serial stays a date.
  ws.G2.z = '0.00';
  ws.G3.z = '0.00_ ';
  ws.G4.z = '0.00';
  ws.G5.z = '0.0;[Red]-0.0';
  ws.G7.z = 'yyyy-mm-dd';
  await importOk(e, 'ledger.xlsx', bookBytes(ws));
  expect(await e.query(`SELECT source_row, deadline_raw, deadline FROM findings ORDER BY 1`)).toEqual([
    { source_row: 2, deadline_raw: '2019.10', deadline: '2019-10-31' },
    { source_row: 3, deadline_raw: '2019.10', deadline: '2019-10-31' },
    { source_row: 4, deadline_raw: '2019.12', deadline: '2019-12-31' },
    { source_row: 5, deadline_raw: '2020.1', deadline: '2020-01-31' },
    { source_row: 6, deadline_raw: '2019.1', deadline: '2019-01-31' },
    { source_row: 7, deadline_raw: '2019-12-31', deadline: '2019-12-31' },
  ]);
});

/** A workbook whose cells (by reference) are rewritten as ISO date cells (t="d") holding the given text. */
async function withIsoDateCells(ws: XLSX.WorkSheet, cells: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bookBytes(ws));
  let sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  for (const [ref, iso] of Object.entries(cells)) {
    sheet = sheet.replace(new RegExp(`<c r="${ref}"( s="\\d+")?[^>]*>.*?</c>`), (_, s: string | undefined) => `<c r="${ref}"${s ?? ''} t="d"><v>${iso}</v></c>`);
  }
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

test('ISO date cells (t="d") are the date written, with or without a date style', async () => {
  const row = (i: number) => [i, '婺城区', `婺城区单位${i}`, R, `具体问题${i}`, '已完成', 0, 0];
  const ws = XLSX.utils.aoa_to_sheet([HEADER, row(1), row(2), row(3)]);
  // Row 3's deadline has a month-only style: a month's first day is the month (DOMAIN §3.4).
  ws.G4.z = 'yyyy"年"m"月"';
  ws.H4.z = 'yyyy-mm-dd';
  const bytes = await withIsoDateCells(ws, {
    G2: '2019-06-01T00:00:00+08:00', H2: '2019-06-01T00:00:00+08:00',
    G3: '2019-06-01', H3: '2019-06-01T00:00:00Z',
    G4: '2024-12-01T00:00:00+08:00', H4: '2019-06-30T23:30:00+08:00',
  });
  expect(await new JSZip().loadAsync(bytes).then((z) => z.file('xl/worksheets/sheet1.xml')!.async('string'))).toMatch(/ s="\d+" t="d"><v>2024-12-01T00:00:00\+08:00/);
  await importOk(e, 'ledger.xlsx', bytes);
  expect(await e.query(`SELECT source_row, deadline_raw, deadline, completion_date_raw, completion_date FROM findings ORDER BY 1`)).toEqual([
    { source_row: 2, deadline_raw: '2019-06-01T00:00:00+08:00', deadline: '2019-06-01', completion_date_raw: '2019-06-01T00:00:00+08:00', completion_date: '2019-06-01' },
    { source_row: 3, deadline_raw: '2019-06-01', deadline: '2019-06-01', completion_date_raw: '2019-06-01T00:00:00Z', completion_date: '2019-06-01' },
    { source_row: 4, deadline_raw: '2024年12月', deadline: '2024-12-31', completion_date_raw: '2019-06-30', completion_date: '2019-06-30' },
  ]);
});

// Only where the shown text is the same number: an amount 1.234 shown 1.23 keeps its value, and a
// 序号 1 shown 1.00 stays 1 (a first version rounded amounts and made ids end in .00).
test('a fixed-decimal format never changes a value: amounts keep their decimals, whole numbers stay whole', async () => {
  const header = ['序号', '县市区', '被巡察单位', '轮次名称', '具体问题', '整改状态', '挽回经济损失（万元）'];
  const ws = XLSX.utils.aoa_to_sheet([header, ...[1.234, 3.2, 2 / 3].map((funds, i) => [i + 1, '婺城区', '婺城区单位1', R, `具体问题${i + 1}`, '已完成', funds])]);
  for (let r = 2; r <= 4; r++) for (const c of ['A', 'G']) ws[`${c}${r}`].z = '0.00';
  await importOk(e, 'ledger.xlsx', bookBytes(ws));
  const rows = await e.query<{ finding_id: string; funds_wan: number }>('SELECT finding_id, funds_wan FROM findings ORDER BY source_row');
  expect(rows.map((r) => r.funds_wan)).toEqual([1.234, 3.2, 2 / 3]);
  expect(rows.map((r) => r.finding_id.split('|').pop())).toEqual(['1', '2', '3']);
});

// Review: a lookup that finds nothing returns 0, which a date-formatted 完成时间 shows as 1900/1/0: it was
// read as 1900-01-00 and warned unreadable, where the cell is empty to the eye.
test('0 in a date-formatted cell is empty, not 1900-01-00; other date cells as before', async () => {
  const row = (i: number, done: number) => [i, '婺城区', `婺城区单位${i}`, R, `具体问题${i}`, '正在推进', null, done];
  const ws = XLSX.utils.aoa_to_sheet([HEADER, row(1, 0), row(2, 45422)]);
  ws.H2.z = 'yyyy/m/d';
  ws.H3.z = 'yyyy/m/d';
  const [r] = await importOk(e, 'ledger.xlsx', bookBytes(ws));
  expect(await e.query(`SELECT source_row, completion_date_raw, completion_date FROM findings ORDER BY 1`)).toEqual([
    { source_row: 2, completion_date_raw: null, completion_date: null },
    { source_row: 3, completion_date_raw: '2024-05-10', completion_date: '2024-05-10' },
  ]);
  expect(r.issues.filter((i) => i.code === 'date_invalid')).toEqual([]);
});

// Review: a status typed as a code and shown through a format ([=1]"已完成";[=2]"正在推进";"未完成") was read
// as the code, 1, and warned unrecognised, where Excel shows 已完成.
test('a number shown through a format of words only is the words Excel shows, condition and colour aside', async () => {
  const row = (i: number, status: number) => [i, '婺城区', `婺城区单位${i}`, R, `具体问题${i}`, status, null, null];
  const ws = XLSX.utils.aoa_to_sheet([HEADER, row(1, 1), row(2, 2), row(3, 3), row(4, 5)]);
  for (const ref of ['F2', 'F3', 'F4']) ws[ref].z = '[=1]"已完成";[=2]"正在推进";"未完成"';
  ws.F5.z = '[Red][=5]"已完成";"未完成"';
  await importOk(e, 'ledger.xlsx', bookBytes(ws));
  expect(await e.query(`SELECT status_raw, status FROM findings ORDER BY source_row`)).toEqual([
    { status_raw: '已完成', status: 'completed' }, { status_raw: '正在推进', status: 'in_progress' },
    { status_raw: '未完成', status: 'not_completed' }, { status_raw: '已完成', status: 'completed' },
  ]);
});
