import { displayValue, neutraliseCell, type CellScalar } from './neutralise';
import { textWidthUnits } from './briefing/layout';
import { translate, type Lang } from '../i18n/translate';
import type { AboutRow } from './about';

/** A column of a tabular export: key in the rows, header label, and `date` for YYYY-MM-DD values. */
export interface TableColumn {
  key: string;
  label: string;
  type?: 'date';
}

/** Number format of date cells: ISO order, as the app writes dates everywhere. */
export const DATE_FORMAT = 'yyyy-mm-dd';

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); before 1900-03-01 the
// serials disagree with the calendar, so such dates stay text rather than print a day off.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const FIRST_SAFE_MS = Date.UTC(1900, 2, 1);

/** Excel's serial day number of a `YYYY-MM-DD` calendar date (no time zone), or null if it is not one. */
export function excelDateSerial(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  // 2024-02-30 would roll over to March: not a date.
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3]) || ms < FIRST_SAFE_MS) return null;
  return Math.round((ms - EXCEL_EPOCH_MS) / 86_400_000);
}

/** Most characters (UTF-16 units) an Excel cell holds; SheetJS refuses to write a longer text. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * Text cut to fit one Excel cell, ending with a marker that says it was cut and how long the full
 * text is (in characters), so a 100,000-character cell the importer took still exports instead of
 * failing the whole file. A surrogate pair is never split.
 */
export function fitExcelCell(text: string, lang: Lang): string {
  if (text.length <= EXCEL_CELL_LIMIT) return text;
  const marker = translate(lang, 'export.cellCut', { n: Array.from(text).length });
  let head = text.slice(0, EXCEL_CELL_LIMIT - marker.length);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return head + marker;
}

/** A value as an XLSX cell: display text for non-scalars, neutralised, cut to Excel's limit. */
function xlsxCell(value: unknown, lang: Lang): CellScalar {
  const cell = neutraliseCell(value);
  return typeof cell === 'string' ? fitExcelCell(cell, lang) : cell;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

/**
 * Column widths in Excel characters: each column as wide as its header or widest line of text
 * (a Han character counting two), with a little padding, capped so a long 具体表现 wraps instead
 * of pushing every other column off screen.
 */
export function columnWidths(rows: Record<string, unknown>[], columns: TableColumn[]): number[] {
  return columns.map((c) => {
    let widest = textWidthUnits(c.label);
    if (c.type === 'date') widest = Math.max(widest, DATE_FORMAT.length);
    else {
      for (const row of rows) {
        const v = displayValue(row[c.key]);
        if (v === null || v === undefined) continue;
        for (const line of String(v).split('\n')) widest = Math.max(widest, textWidthUnits(line));
        if (widest >= MAX_WIDTH) break;
      }
    }
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}

type SheetUtils = typeof import('@e965/xlsx')['utils'];

/** The About sheet: a 项目 / 内容 header, then one row per item, each cell neutralised and fitted. */
function aboutSheet(utils: SheetUtils, about: AboutRow[], lang: Lang) {
  const columns = [{ key: 'item', label: translate(lang, 'export.about.item') }, { key: 'value', label: translate(lang, 'export.about.value') }];
  const records = about.map(([item, value]) => ({ item, value }));
  const sheet = utils.aoa_to_sheet([columns.map((c) => xlsxCell(c.label, lang)), ...about.map((row) => row.map((v) => xlsxCell(v, lang)))]);
  sheet['!cols'] = columnWidths(records, columns).map((wch) => ({ wch }));
  return sheet;
}

// SheetJS (community) writes no frozen panes, so the first row is frozen by editing the sheet's
// XML in the zip it produced: a pane below row 1, the standard form Excel and WPS write.
const FROZEN_HEADER = '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

/**
 * Rows as an XLSX workbook (one sheet): header row frozen, columns sized to their text, numbers
 * numeric, `date` columns as real Excel dates shown yyyy-mm-dd, lists and other non-scalars as
 * their display text, formula-like text and headers neutralised (always a text cell, never a
 * formula), text past Excel's cell limit cut with a marker in `lang`, the zip compressed. With
 * `about`, a second sheet 说明 (About) follows: 项目 / 内容 rows saying what the file holds, its
 * cells written like the data's. SheetJS is loaded only on export.
 */
export async function toXlsx(rows: Record<string, unknown>[], columns: TableColumn[], sheetName: string, lang: Lang, about?: AboutRow[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const aoa: unknown[][] = [columns.map((c) => xlsxCell(c.label, lang))];
  for (const row of rows) {
    aoa.push(columns.map((c) => {
      const value = row[c.key] ?? null;
      const serial = c.type === 'date' ? excelDateSerial(value) : null;
      return serial === null ? xlsxCell(value, lang) : { t: 'n', v: serial, z: DATE_FORMAT };
    }));
  }
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  sheet['!cols'] = columnWidths(rows, columns).map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'Sheet1');
  if (about) XLSX.utils.book_append_sheet(book, aboutSheet(XLSX.utils, about, lang), translate(lang, 'export.about.sheet'));
  const plain = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  const zip = XLSX.CFB.read(plain, { type: 'array' });
  const at = zip.FullPaths.findIndex((p: string) => p.endsWith('/xl/worksheets/sheet1.xml'));
  const entry = zip.FileIndex[at];
  const xml = new TextDecoder().decode(entry.content).replace('<sheetView workbookViewId="0"/>', FROZEN_HEADER);
  entry.content = new TextEncoder().encode(xml);
  entry.size = entry.content.length;
  // Compressed only now, once: stored, 1,380 text-heavy findings made a 3.1 MB file.
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'array', compression: true }));
}
