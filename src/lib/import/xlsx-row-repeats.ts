/**
 * Row numbers a worksheet's XML states twice (two `<row r="3">` elements). Excel calls such a file
 * damaged and repairs it; SheetJS reads both into the same row, the later cells over the earlier, so
 * one row's text is lost without a word. The rows are found here, in the parts SheetJS unzipped anyway
 * (bookFiles), and each is warned (row_repeated) so the analyst checks it against the file.
 */
import { WORKSHEET_PART, partText } from './xlsx-parts';

type ZipEntry = { content?: unknown };

// The most rows listed per sheet: a generator that numbers every row 1 repeats thousands.
const MAX_LISTED = 10_000;
const EXCEL_ROWS = 1_048_576;
// Bytes of `<row` and what may follow the element's name: white space or the tag's end.
const LT = 0x3c;
const ROW = [0x72, 0x6f, 0x77];
const isBreak = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3e || c === 0x2f;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isQuote = (c: number) => c === 0x22 || c === 0x27;

/** The number of the `r` attribute in a tag's bytes [from, end), read byte by byte (a sheet has a million rows); -1 if none. */
function rowNumber(xml: Uint8Array, from: number, end: number): number {
  for (let j = from; j < end - 1; j++) {
    if (!isSpace(xml[j]) || xml[j + 1] !== 0x72) continue;
    let k = j + 2;
    while (k < end && isSpace(xml[k])) k++;
    if (xml[k] !== 0x3d) continue;
    k++;
    while (k < end && isSpace(xml[k])) k++;
    if (!isQuote(xml[k])) continue;
    let n = 0;
    let digits = 0;
    for (k++; k < end && isDigit(xml[k]); k++, digits++) n = n * 10 + xml[k] - 0x30;
    return digits && isQuote(xml[k]) ? n : -1;
  }
  return -1;
}

/** Row numbers stated more than once in a worksheet's XML bytes, ascending. */
export function repeatedRowNumbers(xml: Uint8Array): number[] {
  // Rows seen, as bits for Excel's 1,048,576 rows (a Set of a million numbers is slow), a Set past them.
  const bits = new Uint8Array((EXCEL_ROWS >> 3) + 1);
  const beyond = new Set<number>();
  const repeated = new Set<number>();
  // Found by their w, which a sheet holds about twice a row (<row, </row>), not by <, which it holds at every tag.
  for (let w = xml.indexOf(ROW[2], 3); w >= 0 && repeated.size < MAX_LISTED; w = xml.indexOf(ROW[2], w + 1)) {
    if (xml[w - 3] !== LT || xml[w - 2] !== ROW[0] || xml[w - 1] !== ROW[1] || !isBreak(xml[w + 1])) continue;
    const end = xml.indexOf(0x3e, w);
    if (end < 0) break;
    const n = rowNumber(xml, w + 1, end);
    if (n < 0) continue;
    const was = n <= EXCEL_ROWS ? bits[n >> 3] & (1 << (n & 7)) : beyond.has(n);
    if (was) repeated.add(n);
    else if (n <= EXCEL_ROWS) bits[n >> 3] |= 1 << (n & 7);
    else beyond.add(n);
    w = end;
  }
  return [...repeated].sort((a, b) => a - b);
}

const unescapeXml = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag)?.[2];

/**
 * The repeated row numbers of each sheet, by sheet name, from a workbook's unzipped parts: the
 * workbook lists its sheets and their relationship ids, its relationships name each one's part.
 * Sheets without repeats are left out; an empty map when the parts cannot be matched.
 */
export function repeatedRowsBySheet(files: Record<string, ZipEntry> | undefined): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!files) return out;
  // Paths as SheetJS keys them, with or without a leading slash, in any case.
  const part = (path: string) => {
    const content = Object.entries(files).find(([p]) => p.replace(/^\//, '').toLowerCase() === path.toLowerCase())?.[1]?.content;
    return content instanceof Uint8Array ? content : null;
  };
  const text = (path: string) => {
    const content = part(path);
    return content ? partText(content) : null;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const path = targets.get(attr(tag, 'r:id') ?? attr(tag, '\\w+:id') ?? '');
    const xml = path && WORKSHEET_PART.test(path) ? part(path) : null;
    if (!name || !xml) continue;
    const rows = repeatedRowNumbers(xml);
    if (rows.length) out.set(unescapeXml(name), rows);
  }
  return out;
}
