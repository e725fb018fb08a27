import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import JSZip from 'jszip';
import { engineEachTest, importOk } from './helpers';

/**
 * Date formats a Chinese Excel writes by id alone (27, 31, 57, …: no definition in styles.xml).
 * A 整改时限 typed as 2024年12月 is stored as the serial of 2024-12-01 in format 57; it is the
 * month, read as its last day (DOMAIN §3.4). In a workbook on the 1904 date system the serial
 * counts from 1904.
 */
const e = engineEachTest();

const serial1900 = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
const serial1904 = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / 86400000;

/** A one-sheet workbook whose cells in column `col` (rows 2…) are styled with format `ids[i]`, by id only. */
async function withBuiltinFormats(rows: unknown[][], col: string, ids: number[], date1904 = false): Promise<Uint8Array> {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  const zip = await JSZip.loadAsync(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const m = styles.match(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/)!;
  const base = Number(m[1]);
  const xfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  zip.file('xl/styles.xml', styles.replace(m[0], `<cellXfs count="${base + ids.length}">${m[2]}${xfs}</cellXfs>`));
  let sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  ids.forEach((_, i) => {
    sheet = sheet.replace(new RegExp(`<c r="${col}${i + 2}"( s="\\d+")?`), `<c r="${col}${i + 2}" s="${base + i}"`);
  });
  zip.file('xl/worksheets/sheet1.xml', sheet);
  if (date1904) {
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace(/<workbookPr([^>]*?)\/>/, (_, a: string) => `<workbookPr${a.replace(/ date1904="[^"]*"/, '')} date1904="1"/>`));
  }
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

const HEADER = ['序号', '被巡察单位', '轮次名称', '具体问题', '整改时限', '整改状态', '完成时间'];
const ROUND = '八届市委第三轮巡察';

test('a month typed in a Chinese Excel (format 57 or 27, by id only) is the month, read as its last day; 31 is a whole date', async () => {
  const bytes = await withBuiltinFormats([HEADER,
    [1, '市教育局党委', ROUND, '违规吃喝', serial1900(2024, 12, 1), '正在整改', null],
    [2, '市教育局党委', ROUND, '违规发放津补贴', serial1900(2024, 12, 1), '正在整改', null],
    [3, '市教育局党委', ROUND, '三会一课不规范', serial1900(2024, 6, 15), '正在整改', null],
  ], 'E', [57, 27, 31]);
  await importOk(e, 'ledger.xlsx', bytes);
  expect(await e.query(`SELECT deadline_raw, deadline FROM findings ORDER BY source_row`)).toEqual([
    { deadline_raw: '2024年12月', deadline: '2024-12-31' },
    { deadline_raw: '2024年12月', deadline: '2024-12-31' },
    { deadline_raw: '2024-06-15', deadline: '2024-06-15' },
  ]);
});

test('a 1904-system workbook: a completion date in format 31 counts from 1904', async () => {
  const bytes = await withBuiltinFormats([HEADER,
    [1, '市教育局党委', ROUND, '违规吃喝', null, '已完成', serial1904(2024, 5, 10)],
  ], 'G', [31], true);
  await importOk(e, 'ledger.xlsx', bytes);
  expect(await e.query(`SELECT completion_date FROM findings`)).toEqual([{ completion_date: '2024-05-10' }]);
});

test('a 1904-system workbook: serials left in General format (a typed number, a formula =D2+30) count from 1904 too', async () => {
  // Format 0 is General: no date format tells the reader the number is a date; the column does.
  const bytes = await withBuiltinFormats([[...HEADER, '反馈时间'],
    [1, '市教育局党委', ROUND, '违规吃喝', serial1904(2024, 5, 31), '已完成', serial1904(2024, 5, 10), serial1904(2024, 3, 1)],
  ], 'E', [0], true);
  await importOk(e, 'ledger.xlsx', bytes);
  expect(await e.query(`SELECT feedback_date, deadline, completion_date, year FROM findings`)).toEqual([
    { feedback_date: '2024-03-01', deadline: '2024-05-31', completion_date: '2024-05-10', year: 2024 },
  ]);
});

test('a completion date on another day than the first, in a month-only format, keeps its day (the format only hides it)', async () => {
  const bytes = await withBuiltinFormats([HEADER,
    [1, '市教育局党委', ROUND, '违规吃喝', null, '已完成', serial1900(2024, 5, 10)],
    [2, '市教育局党委', ROUND, '违规发放津补贴', null, '已完成', serial1900(2024, 5, 1)],
  ], 'G', [57, 57]);
  await importOk(e, 'ledger.xlsx', bytes);
  expect(await e.query(`SELECT completion_date FROM findings ORDER BY source_row`)).toEqual([
    { completion_date: '2024-05-10' }, { completion_date: '2024-05-31' },
  ]);
});

/** The records of an XLSB part: [type, record start, payload start, payload length]; type and size are 7-bit varints. */
function binRecords(buf: Uint8Array): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < buf.length; ) {
    const start = i;
    let type = buf[i++];
    if (type & 0x80) type = (type & 0x7f) | ((buf[i++] & 0x7f) << 7);
    let len = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = buf[i++];
      len |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    out.push([type, start, i, len]);
    i += len;
  }
  return out;
}

/**
 * styles.bin as a Chinese Excel writes it: the cells' date formats pointed at the zh-CN built-in ids
 * 57 and 31, and no format record (BrtFmt, 0x2C) defining them or any other built-in.
 */
function withBuiltinIdsOnly(styles: Uint8Array): Uint8Array {
  const BRT_FMT = 0x2c;
  const BRT_XF = 0x2f;
  const builtin = new Map<number, number>();
  for (const [type, , at, len] of binRecords(styles)) {
    if (type !== BRT_FMT) continue; // id, then the format as a wide string
    const format = new TextDecoder('utf-16le').decode(styles.subarray(at + 6, at + len));
    if (format.includes('年')) builtin.set(styles[at] | (styles[at + 1] << 8), format.includes('d') ? 31 : 57);
  }
  const kept: Uint8Array[] = [];
  for (const [type, start, at, len] of binRecords(styles)) {
    const record = styles.slice(start, at + len);
    const id = record[at - start] | (record[at - start + 1] << 8);
    if (type === BRT_FMT && (id < 164 || builtin.has(id))) continue;
    const to = type === BRT_XF ? builtin.get(record[at - start + 2] | (record[at - start + 3] << 8)) : undefined;
    if (to) [record[at - start + 2], record[at - start + 3]] = [to, 0]; // BrtXF: parent, then the format id
    kept.push(record);
  }
  const out = new Uint8Array(kept.reduce((n, r) => n + r.length, 0));
  kept.reduce((n, r) => (out.set(r, n), n + r.length), 0);
  return out;
}

test('an .xlsb saved by a Chinese Excel: a month in format 57 (by id only, in styles.bin) is the month too', async () => {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([HEADER,
    [1, '市教育局党委', ROUND, '违规吃喝', serial1900(2024, 12, 1), '正在整改', null],
    [2, '市教育局党委', ROUND, '三会一课不规范', serial1900(2024, 6, 15), '已完成', serial1900(2024, 5, 10)],
  ]);
  ws.E2.z = 'yyyy"年"m"月"';
  ws.E3.z = ws.G3.z = 'yyyy"年"m"月"d"日"';
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const zip = XLSX.CFB.read(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsb' }) as ArrayBuffer), { type: 'array' });
  const entry = zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith('xl/styles.bin'))];
  const styles = withBuiltinIdsOnly(entry.content as Uint8Array);
  expect(binRecords(styles).filter(([type]) => type === 0x2c)).toEqual([]);
  entry.content = styles as unknown as typeof entry.content;
  entry.size = styles.length;
  await importOk(e, 'ledger.xlsb', new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'array' }) as ArrayBuffer));
  expect(await e.query(`SELECT deadline_raw, deadline, completion_date FROM findings ORDER BY source_row`)).toEqual([
    { deadline_raw: '2024年12月', deadline: '2024-12-31', completion_date: null },
    { deadline_raw: '2024-06-15', deadline: '2024-06-15', completion_date: '2024-05-10' },
  ]);
});
