import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { decodeText, detectEncoding } from './decode';

type XlsxModule = typeof import('@e965/xlsx');

/**
 * The text of the "Excel" files that are web pages, as systems export them, for the workbook reader:
 * an HTML page or an Excel 2003 XML spreadsheet, and a web archive (.mht, Excel's 单个文件网页) whose
 * pages are in MIME parts. Pure: runs in the grid worker.
 */

const GBK_CHARSET = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i;

/** The text of an HTML or XML spreadsheet: GBK when its meta charset or its bytes say so. */
export function markupText(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /charset\s*=\s*["']?(gb2312|gbk|gb18030)/i.test(head) || /encoding\s*=\s*["'](gb2312|gbk|gb18030)/i.test(head);
  return decodeText(bytes, declared ? 'gb18030' : detectEncoding(bytes));
}

/**
 * A page as one table, where it holds several one after another (a title or the 填报单位 line in a
 * table of its own above the ledger's): the workbook reader makes each table a sheet of its own, and
 * the title's round and 截至 date were lost to the ledger. Their rows are kept in page order, a blank
 * row between tables. A page of nested tables (a layout table around the ledger) and an XML
 * spreadsheet (whose <Table> is one sheet's) are left as they are.
 */
export function oneTable(text: string): string {
  if (!isHtml(text)) return text;
  const tags = [...text.matchAll(/<(\/?)table\b[^>]*>/gi)];
  if (tags.length < 4) return text;
  // Tables one after another: opening and closing tags alternate.
  if (tags.some((t, i) => (t[1] === '/') !== (i % 2 === 1))) return text;
  const rows: string[] = [];
  for (let i = 0; i < tags.length; i += 2) rows.push(text.slice(tags[i].index + tags[i][0].length, tags[i + 1].index));
  const first = tags[0];
  const last = tags[tags.length - 1];
  return `${text.slice(0, first.index)}<table>${rows.join('<tr></tr>')}</table>${text.slice(last.index + last[0].length)}`;
}

/** True for an HTML page, as the workbook reader tells one from an XML spreadsheet. */
function isHtml(text: string): boolean {
  const opening = text.slice(0, 1024).toLowerCase();
  return !opening.includes('<?xml') && ['<html', '<table', '<head', '<meta', '<body', '<div'].some((tag) => opening.includes(tag));
}

/** True for a MIME web archive (.mht/.mhtml): its headers first, a multipart/related body. */
export function isWebArchive(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).trimStart();
  return /^(mime-version|from|subject|date|x-[\w-]+|content-[\w-]+)\s*:/i.test(head) && /content-type:\s*multipart\/related/i.test(head);
}

/**
 * A web page, an XML spreadsheet or a web archive read as a workbook. raw: a page's cells are the
 * text it shows, read as the same table saved as CSV is; SheetJS would guess numbers and dates from
 * it (2024.10 → 2024.1, a measure 1-1 → 2001-01-01, (1) → -1). An XML spreadsheet's cells carry
 * their types, which raw leaves alone. An archive's pages with a table are its sheets, named as
 * Excel names them in the archive (<x:Name>), else Sheet1, Sheet2, ….
 */
export function readWebPage(X: XlsxModule, bytes: Uint8Array, opts: ParsingOptions): WorkBook {
  const read = (text: string) => X.read(oneTable(text), { ...opts, type: 'string', raw: true });
  if (!isWebArchive(bytes)) return read(markupText(bytes));
  const { pages, names } = webArchivePages(bytes);
  if (!pages.length) throw new Error('the web archive (.mht) holds no page with a table');
  if (pages.length === 1) return read(pages[0]);
  const book = X.utils.book_new();
  pages.forEach((page, i) => {
    const wb = read(page);
    X.utils.book_append_sheet(book, wb.Sheets[wb.SheetNames[0]], pages.length === names.length ? names[i] : `Sheet${i + 1}`);
  });
  return book;
}

/**
 * The HTML pages of a web archive that hold a table, decoded from their transfer encoding (base64
 * or quoted-printable) and charset, in the archive's order, and the sheet names Excel lists in it.
 */
export function webArchivePages(bytes: Uint8Array): { pages: string[]; names: string[] } {
  const text = new TextDecoder('latin1').decode(bytes);
  const boundary = /boundary\s*=\s*"?([^"\r\n;]+)"?/i.exec(text)?.[1];
  const pages: string[] = [];
  const names: string[] = [];
  if (!boundary) return { pages, names };
  for (const part of text.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = latin1Bytes(part.slice(split.index + split[0].length));
    const transfer = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase();
    const raw = transfer === 'base64' ? fromBase64(body) : transfer === 'quoted-printable' ? fromQuotedPrintable(body) : body;
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1];
    const page = charset && GBK_CHARSET.test(charset) ? decodeText(raw, 'gb18030') : markupText(raw);
    if (/<table\b/i.test(page)) pages.push(page);
    for (const m of page.matchAll(/<x:ExcelWorksheet>\s*<x:Name>([^<]+)<\/x:Name>/gi)) names.push(m[1].trim());
  }
  return { pages, names };
}

const latin1Bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

function fromBase64(bytes: Uint8Array): Uint8Array {
  const clean = new TextDecoder('latin1').decode(bytes).replace(/[^A-Za-z0-9+/=]/g, '');
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
}

/** Quoted-printable (RFC 2045): =XX is a byte, = at a line's end joins it to the next. */
function fromQuotedPrintable(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  const hex = (b: number) => (b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1);
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x3d) {
      out[n++] = bytes[i];
      continue;
    }
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) i += 2;
    else if (bytes[i + 1] === 0x0a) i += 1;
    else if (hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
      out[n++] = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
      i += 2;
    } else out[n++] = bytes[i];
  }
  return out.subarray(0, n);
}
