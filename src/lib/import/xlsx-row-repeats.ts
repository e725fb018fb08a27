/**
 * Row numbers a worksheet's XML states twice (two `<row r="3">` elements). Excel calls such a file
 * damaged and repairs it; SheetJS reads both into the same row, the later cells over the earlier, so
 * one row's text is lost without a word. The rows are found here, in the parts SheetJS unzipped anyway
 * (bookFiles), and each is warned (row_repeated) so the analyst checks it against the file.
 */
import { partText, type BookFiles } from './xlsx-parts';

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

/**
 * The number of the `r` attribute in a tag's bytes [from, end), read byte by byte (a sheet has a million rows);
 * a cell's reference (A4) gives its row after the column's letters. -1 if none.
 */
function rowNumber(xml: Uint8Array, from: number, end: number): number {
  for (let j = from; j < end - 1; j++) {
    if (!isSpace(xml[j]) || xml[j + 1] !== 0x72) continue;
    let k = j + 2;
    while (k < end && isSpace(xml[k])) k++;
    if (xml[k] !== 0x3d) continue;
    k++;
    while (k < end && isSpace(xml[k])) k++;
    if (!isQuote(xml[k])) continue;
    for (k++; k < end && ((xml[k] >= 0x41 && xml[k] <= 0x5a) || xml[k] === 0x24); k++);
    let n = 0;
    let digits = 0;
    for (; k < end && isDigit(xml[k]); k++, digits++) n = n * 10 + xml[k] - 0x30;
    return digits && isQuote(xml[k]) ? n : -1;
  }
  return -1;
}

/** The row its first cell names (<c r="A4">), for a row element without its own `r` ending at `end`; -1 if none. */
function firstCellRow(xml: Uint8Array, end: number): number {
  if (xml[end - 1] === 0x2f) return -1;
  const c = xml.indexOf(LT, end + 1);
  if (c < 0 || xml[c + 1] !== 0x63 || !isBreak(xml[c + 2])) return -1;
  const close = xml.indexOf(0x3e, c);
  return close < 0 ? -1 : rowNumber(xml, c + 2, close);
}

/**
 * Row numbers stated more than once in a worksheet's XML bytes, ascending. A row without its `r` is the one
 * its first cell names, else the one after the row before it, as SheetJS reads it; a prefixed element (<x:row>)
 * counts too.
 */
export function repeatedRowNumbers(xml: Uint8Array): number[] {
  // Rows seen, as bits for Excel's 1,048,576 rows (a Set of a million numbers is slow), a Set past them.
  const bits = new Uint8Array((EXCEL_ROWS >> 3) + 1);
  const beyond = new Set<number>();
  const repeated = new Set<number>();
  let last = 0;
  // Found by their w, which a sheet holds about twice a row (<row, </row>), not by <, which it holds at every tag.
  for (let w = xml.indexOf(ROW[2], 3); w >= 0 && repeated.size < MAX_LISTED; w = xml.indexOf(ROW[2], w + 1)) {
    if (xml[w - 2] !== ROW[0] || xml[w - 1] !== ROW[1] || !isBreak(xml[w + 1]) || !opensElement(xml, w - 3)) continue;
    const end = xml.indexOf(0x3e, w);
    if (end < 0) break;
    // A row without its r is numbered by its first cell's reference, else by position.
    const stated = rowNumber(xml, w + 1, end);
    const cellRow = stated > 0 ? stated : firstCellRow(xml, end);
    const n = cellRow > 0 ? cellRow : last + 1;
    last = n;
    const was = n <= EXCEL_ROWS ? bits[n >> 3] & (1 << (n & 7)) : beyond.has(n);
    if (was) repeated.add(n);
    else if (n <= EXCEL_ROWS) bits[n >> 3] |= 1 << (n & 7);
    else beyond.add(n);
    w = end;
  }
  return [...repeated].sort((a, b) => a - b);
}

/** Whether the byte at `at` ends the opening of an element's name: `<` itself, or the `:` of a prefix (`<x:`). */
function opensElement(xml: Uint8Array, at: number): boolean {
  if (xml[at] === LT) return true;
  if (xml[at] !== 0x3a) return false;
  for (let k = at - 1; k >= 0 && at - k <= 16; k--) {
    if (xml[k] === LT) return k < at - 1;
    const c = xml[k];
    const nameChar = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f || c === 0x2d || c === 0x2e;
    if (!nameChar) return false;
  }
  return false;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
const unescapeXml = (s: string) => s.replace(/&(?:(lt|gt|quot|apos|amp)|#(\d+)|#x([0-9a-fA-F]+));/g,
  (all, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return ENTITIES[name];
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
const attr = (tag: string, name: string) => {
  const v = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`, 's').exec(tag)?.[2];
  return v === undefined ? undefined : unescapeXml(v);
};
// An element's opening tag, whatever its prefix, quoted values holding any character (a sheet named A>B).
const tags = (xml: string, name: string) => xml.match(new RegExp(`<(?:\\w+:)?${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'g')) ?? [];

/** A relationship's target as a path from the package's root, `base` the folder of the part it is of. */
function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * The repeated row numbers of each sheet, by sheet name, from a workbook's unzipped parts: the
 * workbook lists its sheets and their relationship ids, its relationships name each one's part.
 * Sheets without repeats are left out; an empty map when the parts cannot be matched.
 */
export function repeatedRowsBySheet(files: BookFiles | undefined): Map<string, number[]> {
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
  // The workbook part is the package's officeDocument (xl/workbook.xml almost always, but a generator may name it otherwise).
  const main = tags(text('_rels/.rels') ?? '', 'Relationship').find((t) => /\/officeDocument$/.test(attr(t, 'Type') ?? ''));
  const workbookPath = main && attr(main, 'Target') ? resolvePath('', attr(main, 'Target')!) : 'xl/workbook.xml';
  const folder = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const workbook = text(workbookPath);
  const rels = text(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`);
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const tag of tags(rels, 'Relationship')) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, resolvePath(folder, target));
  }
  for (const tag of tags(workbook, 'sheet')) {
    const name = attr(tag, 'name');
    const path = targets.get(attr(tag, 'r:id') ?? attr(tag, '\\w+:id') ?? '');
    const xml = path ? part(path) : null;
    if (name === undefined || !xml) continue;
    const rows = repeatedRowNumbers(xml);
    if (rows.length) out.set(name, rows);
  }
  return out;
}
