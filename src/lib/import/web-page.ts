import type { ParsingOptions, WorkBook } from '@e965/xlsx';
import { decodeText, detectEncoding } from './decode';
import { archiveHtmlParts, isWebArchive } from './web-archive';

type XlsxModule = typeof import('@e965/xlsx');

/**
 * The text of the "Excel" files that are web pages, as systems export them, for the workbook reader:
 * an HTML page or an Excel 2003 XML spreadsheet, and a web archive (.mht, Excel's 单个文件网页) whose
 * pages are in MIME parts. Pure: runs in the grid worker.
 */

const GBK = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i;

/**
 * The text of an HTML or XML spreadsheet: GBK when the charset an archive states for it, its meta
 * charset or its bytes say so.
 */
export function markupText(bytes: Uint8Array, stated?: string): string {
  if (stated && /^utf-?8$/i.test(stated)) return decodeText(bytes, 'utf-8');
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = stated ?? /(?:charset\s*=\s*["']?|encoding\s*=\s*["'])([\w-]+)/i.exec(head)?.[1];
  return decodeText(bytes, declared && GBK.test(declared) ? 'gb18030' : detectEncoding(bytes));
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
  return !isXmlSpreadsheet(text) && !opening.includes('<?xml') && ['<html', '<table', '<head', '<meta', '<body', '<div'].some((tag) => opening.includes(tag));
}

/** True for an Excel 2003 XML spreadsheet: a Workbook in its namespace (its <Table> is one sheet's). */
function isXmlSpreadsheet(text: string): boolean {
  const head = text.slice(0, 65536);
  return /urn:schemas-microsoft-com:office:spreadsheet/i.test(head) && /<(\w+:)?Workbook\b/.test(head);
}

/**
 * The text as the workbook reader tells its kind, which is by an <?xml declaration: an XML
 * spreadsheet written without one was taken for a web page and read as blank; an XHTML page with
 * one for an XML spreadsheet, and refused. Then a page's tables are made one (oneTable).
 */
function asReadable(text: string): string {
  if (isXmlSpreadsheet(text)) return /^\s*(\ufeff)?\s*<\?xml/.test(text) ? text : `<?xml version="1.0"?>\n${text.replace(/^\ufeff/, '')}`;
  return oneTable(yearlessDates(text.replace(/^(\ufeff)?\s*<\?xml[^>]*\?>/, '')));
}

// A date Excel shows without its year (m"月"d"日", m/d), the serial it holds in x:num.
const YEARLESS_CELL = /(<t[dh]\b[^>]*\bx:num\s*=\s*"?(\d{5}(?:\.\d+)?)"?[^>]*>)((?:\s|<[^>]*>)*)(\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{1,2}[/-]\d{1,2})((?:\s|<[^>]*>)*<\/t[dh]>)/gi;

/**
 * An Excel-saved page's dates shown without their year, as the date their cell holds: Excel writes
 * the serial in x:num (3月1日 shown, 45352 held), and the year, which the text lacks, is in it.
 * Other cells stay the text shown.
 */
function yearlessDates(html: string): string {
  if (!/x:num/i.test(html)) return html;
  return html.replace(YEARLESS_CELL, (cell, open: string, serial: string, before: string, _shown: string, after: string) => {
    const days = Math.floor(Number(serial));
    if (days < 1 || days > 2958465) return cell;
    const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
    return `${open}${before}${d.toISOString().slice(0, 10)}${after}`;
  });
}

/**
 * A web page, an XML spreadsheet or a web archive read as a workbook. raw: a page's cells are the
 * text it shows, read as the same table saved as CSV is; SheetJS would guess numbers and dates from
 * it (2024.10 → 2024.1, a measure 1-1 → 2001-01-01, (1) → -1). An XML spreadsheet's cells carry
 * their types, which raw leaves alone. An archive's sheets are its pages that hold a table.
 */
export function readWebPage(X: XlsxModule, bytes: Uint8Array, opts: ParsingOptions): WorkBook {
  const read = (text: string) => X.read(asReadable(text), { ...opts, type: 'string', raw: true });
  if (!isWebArchive(bytes)) return read(markupText(bytes));
  const sheets = archiveSheets(archiveHtmlParts(bytes).map((p) => ({ location: p.location, html: markupText(p.bytes, p.charset) })));
  if (!sheets.length) throw new Error('the web archive (.mht) holds no page with a table');
  const book = X.utils.book_new();
  sheets.forEach((sheet, i) => {
    const wb = read(sheet.html);
    for (const name of wb.SheetNames) X.utils.book_append_sheet(book, wb.Sheets[name], sheetName(sheet.name) ?? `Sheet${i + 1}`, true);
  });
  return book;
}

/** A sheet name as a workbook may hold it: at most 31 characters, none of []:*?/\\. */
const sheetName = (name: string | undefined) => (name ? name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) : undefined);

/** Text without scripts and comments: where Excel's tab-strip script writes <table> in strings. */
const withoutScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<!--[\s\S]*?-->/g, '');

/**
 * The pages of an archive that are sheets, named as Excel lists them (<x:ExcelWorksheet>: <x:Name>
 * and the page it is, <x:WorksheetSource>; by order when the counts agree). Not a sheet: Excel's
 * frameset page and its tab strip (a table of links to the sheets), and a page without a table.
 */
function archiveSheets(pages: { location: string; html: string }[]): { name?: string; html: string }[] {
  const listed = pages.flatMap((p) => [...p.html.matchAll(/<x:ExcelWorksheet>([\s\S]*?)<\/x:ExcelWorksheet>/gi)].map((m) => ({
    name: /<x:Name>([^<]+)<\/x:Name>/i.exec(m[1])?.[1].trim(),
    source: /<x:WorksheetSource\s+HRef="([^"]+)"/i.exec(m[1])?.[1],
  })));
  const sheets = pages.filter((p) => {
    const body = withoutScripts(p.html);
    return /<table\b/i.test(body) && !/<frameset\b/i.test(body) && !/tabstrip\.html?$/i.test(p.location) && !/target\s*=\s*["']?frSheet/i.test(body);
  });
  const file = (path: string) => path.replace(/^.*[/\\]/, '').toLowerCase();
  return sheets.map((p, i) => ({
    html: p.html,
    name: listed.find((l) => l.source && file(l.source) === file(p.location))?.name ?? (listed.length === sheets.length ? listed[i].name : undefined),
  }));
}
