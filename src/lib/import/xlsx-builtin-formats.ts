/**
 * Number formats a Chinese Excel refers to by id alone, with no definition in the workbook
 * (ECMA-376 Part 1, §18.8.30, zh-CN built-ins). SheetJS knows none of them, so a date cell in one
 * has no format: a 整改时限 typed as 2024年12月 (format 57) read as the serial of 12-01, and on
 * the 1904 date system a date read as a 1900-system serial, four years early. SheetJS resets its
 * format table at every read, so the definitions are written into the workbook's styles instead.
 */
import { escapeXml } from '../text/xml';
import { partText, rewriteXlsxParts } from './xlsx-parts';
import { joinBytes } from './bytes';

type XlsxModule = typeof import('@e965/xlsx');

const ZH_CN_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};


/** styles.xml with a definition for every zh-CN built-in format its cell styles use undefined; null if none. */
export function defineBuiltinFormats(styles: string): string | null {
  const defined = new Set([...styles.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const xfs = styles.match(/<cellXfs\b[\s\S]*?<\/cellXfs>/)?.[0] ?? '';
  const used = new Set([...xfs.matchAll(/\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const missing = [...used].filter((id) => ZH_CN_BUILTIN_FORMATS[id] !== undefined && !defined.has(id));
  if (!missing.length) return null;
  const defs = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(ZH_CN_BUILTIN_FORMATS[id])}"/>`).join('');
  if (/<numFmts\b[^>]*\/>/.test(styles)) return styles.replace(/<numFmts\b[^>]*\/>/, `<numFmts>${defs}</numFmts>`);
  if (/<numFmts\b[^>]*>/.test(styles)) return styles.replace(/<numFmts\b[^>]*>/, (tag) => `${tag.replace(/\s+count="\d+"/, '')}${defs}`);
  return styles.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts>${defs}</numFmts>`);
}

/**
 * An XLSB's styles.bin with a format record (BrtFmt) for each zh-CN built-in put first. SheetJS
 * loads every BrtFmt it meets into its format table, so a later one of the book's own still wins.
 */
export function defineBuiltinFormatsBin(styles: Uint8Array): Uint8Array {
  return joinBytes([...Object.entries(ZH_CN_BUILTIN_FORMATS).map(([id, format]) => brtFmt(Number(id), format)), styles]);
}

/** True for a styles.bin: it opens with BrtBeginStyleSheet (record type 0x116, as a varint 96 02). */
const startsStyleSheetBin = (raw: Uint8Array) => raw[0] === 0x96 && raw[1] === 0x02;

/** A BrtFmt record ([MS-XLSB] 2.4.648): type 0x2C, its size as a 7-bit varint, the id, the format as XLWideString. */
function brtFmt(id: number, format: string): Uint8Array {
  const size = 2 + 4 + 2 * format.length;
  const sizeBytes: number[] = [];
  for (let n = size; ; n >>= 7) {
    sizeBytes.push((n & 0x7f) | (n >= 0x80 ? 0x80 : 0));
    if (n < 0x80) break;
  }
  const record = new Uint8Array(1 + sizeBytes.length + size);
  const view = new DataView(record.buffer);
  record[0] = 0x2c;
  record.set(sizeBytes, 1);
  let at = 1 + sizeBytes.length;
  view.setUint16(at, id, true);
  view.setUint32(at + 2, format.length, true);
  at += 6;
  for (let i = 0; i < format.length; i++, at += 2) view.setUint16(at, format.charCodeAt(i), true);
  return record;
}

/**
 * The bytes of an XLSX (or XLSB) whose styles use zh-CN built-in formats without defining them,
 * with the definitions added (the parts stored uncompressed); null when it needs none or is no zip.
 */
export function withBuiltinFormats(X: XlsxModule, bytes: Uint8Array): Uint8Array | null {
  return rewriteXlsxParts(X, bytes, /\/xl\/styles\.(xml|bin)$/i, (raw) =>
    (startsStyleSheetBin(raw) ? defineBuiltinFormatsBin(raw) : defineBuiltinFormats(partText(raw))));
}

/**
 * The zh-CN built-in formats loaded into SheetJS's format table, for a legacy .xls (BIFF): its reader
 * keeps the table it finds, where the zip reader resets it (so an .xlsx has them written into its
 * styles instead). A FORMAT record of the file's own still overrides one. Without them a 整改时限 of
 * format 57 (2024年12月) read as the serial of 12-01, and its raw text as that serial.
 */
export function loadBuiltinFormats(X: XlsxModule): void {
  for (const [id, format] of Object.entries(ZH_CN_BUILTIN_FORMATS)) X.SSF.load(format, Number(id));
}
