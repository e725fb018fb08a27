/**
 * ISO 8601 date cells (t="d": strict OOXML and some generators write them). SheetJS reads
 * 2019-06-01T00:00:00+08:00 as the UTC instant, 2019-05-31 16:00, and, with no date style on the
 * cell, gives only its serial (43616.666…): the day written is lost, and so is a readable raw.
 * Such a cell is rewritten before reading as what it says: with no style, as its text (t="str",
 * read as a date like any typed one); with a style, as the same wall-clock time without the offset,
 * so that a date format (a month, 2024年12月) still applies. A workbook without t="d" cells, the
 * usual one, is not touched: its parts are scanned as bytes, read anyway (SheetJS bookFiles).
 */
import { WORKSHEET_PART, partText, rewriteXlsxParts, type BookFiles } from './xlsx-parts';

type XlsxModule = typeof import('@e965/xlsx');

const T = 0x74;
const EQ = 0x3d;
const D = 0x64;
const isQuote = (c: number) => c === 0x22 || c === 0x27;

/** Whether XML bytes hold an attribute t="d" (or t='d'): one native search per letter d. */
function hasDateType(xml: ArrayLike<number> & { indexOf(b: number, from?: number): number }): boolean {
  for (let i = xml.indexOf(D, 3); i >= 0; i = xml.indexOf(D, i + 1)) {
    const q = xml[i - 1];
    if (isQuote(q) && xml[i + 1] === q && xml[i - 2] === EQ && xml[i - 3] === T) return true;
  }
  return false;
}

/** Whether a workbook read with bookFiles has an ISO date cell in any worksheet. */
export function hasIsoDateCells(files: BookFiles | undefined): boolean {
  if (!files) return false;
  return Object.entries(files).some(([path, f]) => WORKSHEET_PART.test(path) && f?.content instanceof Uint8Array && hasDateType(f.content));
}

// An ISO date cell: its opening tag's attributes, an optional formula, and its value.
const DATE_CELL = /<c\b([^>]*?)\st=(["'])d\2([^>]*?)>((?:<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)?)<v>([^<]*)<\/v>/g;
const OFFSET = /(T[\d:.]+)(?:Z|[+-]\d\d:?\d\d)$/;

/** Worksheet XML with its ISO date cells written as what they say (see the file comment). */
export function rewriteIsoDateCells(xml: string): string {
  return xml.replace(DATE_CELL, (_, before: string, _q: string, after: string, formula: string, value: string) => {
    const attrs = before + after;
    if (/\ss=/.test(` ${attrs}`)) return `<c${before} t="d"${after}>${formula}<v>${value.trim().replace(OFFSET, '$1')}</v>`;
    return `<c${before} t="str"${after}>${formula}<v>${value}</v>`;
  });
}

/** The XLSX bytes with every worksheet's ISO date cells rewritten (parts stored uncompressed); null if none changed. */
export function withIsoDateCells(X: XlsxModule, bytes: Uint8Array): Uint8Array | null {
  return rewriteXlsxParts(X, bytes, WORKSHEET_PART, (raw) => {
    if (!hasDateType(raw)) return null;
    const xml = partText(raw);
    const rewritten = rewriteIsoDateCells(xml);
    return rewritten === xml ? null : rewritten;
  });
}
