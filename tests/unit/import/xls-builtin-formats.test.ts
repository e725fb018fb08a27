import { test, expect } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { freshEngine, importOk } from './helpers';

// A file of its own: SheetJS's format table outlives a read, and an .xlsx read first that defines the
// zh-CN formats (xlsx-builtin-formats.test.ts) would leave them there for the .xls.
const HEADER = ['序号', '被巡察单位', '轮次名称', '具体问题', '整改时限', '整改状态', '完成时间'];
const ROUND = '八届市委第三轮巡察';
const serial1900 = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

/**
 * A legacy .xls (BIFF8) whose date cells use built-in id `id` with no FORMAT record, as a Chinese Excel
 * saves one: written with `format` as a custom format, then each XF record (0x00E0) naming that
 * format pointed at `id` instead.
 */
function xlsWithBuiltin(rows: unknown[][], format: string, id: number): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  for (const cell of Object.values(ws)) if (cell && typeof cell === 'object' && 'z' in cell && cell.z === 'custom') cell.z = format;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  const cfb = XLSX.CFB.read(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer), { type: 'array' });
  const stream = XLSX.CFB.find(cfb, 'Workbook')!;
  const buf = Buffer.from(stream.content as Uint8Array);
  const records = (each: (type: number, at: number) => void) => {
    for (let at = 0; at + 4 <= buf.length; at += 4 + buf.readUInt16LE(at + 2)) each(buf.readUInt16LE(at), at);
  };
  const custom: number[] = [];
  records((type, at) => {
    if (type !== 0x041e) return;
    const chars = buf.readUInt16LE(at + 6);
    const wide = buf[at + 8] & 1;
    const text = buf.subarray(at + 9, at + 9 + chars * (wide ? 2 : 1)).toString(wide ? 'utf16le' : 'latin1');
    if (text === format) custom.push(buf.readUInt16LE(at + 4));
  });
  let patched = 0;
  records((type, at) => {
    if (type === 0x00e0 && custom.includes(buf.readUInt16LE(at + 6))) buf.writeUInt16LE(id, at + 6), patched++;
  });
  expect(patched).toBeGreaterThan(0);
  stream.content = buf;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

// Review: a .xls never had the zh-CN built-ins defined (only an .xlsx's styles are rewritten): a 整改时限
// of 2024年12月 in format 57 read as 2024-12-01, its raw text the serial 45627.
test('a legacy .xls: a month in format 57 (by id only) is the month, read as its last day; the raw text as Excel shows it', async () => {
  const month = { t: 'n', v: serial1900(2024, 12, 1), z: 'custom' };
  const bytes = xlsWithBuiltin([HEADER, [1, '市教育局党委', ROUND, '违规吃喝', month, '正在整改', null]], 'yyyy"年"m"月"', 57);
  const e = await freshEngine();
  await importOk(e, 'ledger.xls', bytes);
  expect(await e.query(`SELECT deadline_raw, deadline FROM findings`)).toEqual([{ deadline_raw: '2024年12月', deadline: '2024-12-31' }]);
  e.close();
});
