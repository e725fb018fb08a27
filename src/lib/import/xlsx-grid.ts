import { ImportFailure, MAX_COLUMNS } from './errors';
import { gridChunks, gridWidth, type EncodedSheet, type GridRow } from './staging';
import { stagedCell } from './cells';
import { isLegacyBinaryWorkbook, isSpreadsheetMarkup } from './sniff';
import { loadCodePages } from './xlsx-code-pages';
import { isWebArchive } from './web-archive';
import { readWebPage } from './web-page';
import { loadBuiltinFormats, withBuiltinFormats } from './xlsx-builtin-formats';
import { hasIsoDateCells, withIsoDateCells } from './xlsx-iso-dates';
import { largestZipPart, truncatedSheetPart, type BookFiles } from './xlsx-parts';
import { formulaWithoutValue } from './xlsx-formula-cells';
import { repeatedRowsBySheet } from './xlsx-row-repeats';
import { fixedDecimals, isDateFormat, isIdFormat, isLabelFormat } from './xlsx-number-formats';

/**
 * XLSX (and legacy XLS) → text grids, one per sheet, through @e965/xlsx (loaded lazily). Pure:
 * no engine, so it runs in the grid worker in the browser and inline in Node. Every cell becomes
 * text: date cells and date-formatted serial numbers become YYYY-MM-DD, so normalisation sees one
 * date form; merged title cells keep their text in the top-left cell, and a cell merged down over
 * several rows gives its text to each of them (fillsDown). Row numbers are the sheet's
 * own (1-based), blank rows included in the count.
 */
type XlsxModule = typeof import('@e965/xlsx');
type Cell = import('@e965/xlsx').CellObject;

/** Reads a workbook, mapping password protection and damage to their error codes. */
function readWorkbook(X: XlsxModule, bytes: Uint8Array) {
  try {
    // dense: rows of cell arrays (`!data`), far leaner than one `A1`-keyed property per cell.
    // cellStyles: the only way SheetJS reads which columns are hidden (`!cols`); it costs no time
    // and a style reference per cell (blank styled cells stay unread without sheetStubs).
    // bookFiles: the parts SheetJS unzipped anyway, to look for ISO date cells (xlsx-iso-dates.ts).
    const opts = { dense: true, cellDates: false, cellNF: true, cellText: false, cellStyles: true, bookFiles: true } as const;
    // A web page, XML spreadsheet or web archive is text: decoded in the encoding it declares or has.
    if (isSpreadsheetMarkup(bytes) || isWebArchive(bytes)) return readWebPage(X, bytes, opts);
    checkUnpackedSize(bytes);
    loadBuiltinFormats(X);
    return X.read(bytes, { ...opts, type: 'array' });
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    const detail = String(e instanceof Error ? e.message : e);
    // A password-protected workbook is an OLE container (D0 CF 11 E0) holding the encrypted package;
    // SheetJS also says "encryption" of a damaged zip ("Unsupported ZIP encryption"), which is no password.
    const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    if (ole && /password|encrypt/i.test(detail)) throw new ImportFailure('encrypted_workbook');
    throw new ImportFailure('not_a_workbook', { detail: detail.slice(0, 300) });
  }
}

/**
 * Largest part of a workbook's zip that can be read: SheetJS reads a part as one string, and a
 * browser's longest string is about 2^29 characters. A part stated larger (a zip bomb: 1.5 GB of
 * spaces in a 1.5 MB file, which took 9 s and 1.9 GB before being called empty) is refused before
 * anything is unpacked.
 */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

function checkUnpackedSize(bytes: Uint8Array): void {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return;
  const part = largestZipPart(bytes);
  if (part && part.size > MAX_PART_BYTES) {
    throw new ImportFailure('workbook_too_large', { part: part.name, size: Math.round(part.size / 1048576), limit: MAX_PART_BYTES / 1048576 });
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of one cell as the importer wants it. */
export function cellText(X: XlsxModule, cell: Cell | undefined, date1904 = false): string | null {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'e' || cell.t === 'z') return null;
  if (cell.t === 'd' && cell.v instanceof Date) {
    const d = cell.v;
    return dateText(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), cell.z);
  }
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && isDateFormat(X, String(cell.z))) {
    // 0 in a date cell is a lookup that found nothing (=VLOOKUP(…) shown 1900/1/0 or 1904/1/1), not a day: empty.
    if (cell.v === 0) return null;
    const p = X.SSF.parse_date_code(cell.v, { date1904 });
    if (p) return dateText(p.y, p.m, p.d, cell.z);
  }
  if (cell.t === 'b') return cell.v ? '是' : '否';
  // An id shown padded or with letters (001, YK001: formats 000, "YK"000) is what Excel shows.
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && isIdFormat(String(cell.z))) return X.SSF.format(String(cell.z), cell.v);
  // A percentage cell (完成进度 80%) holds 0.8: its meaning is the percentage Excel shows.
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && String(cell.z).includes('%')) return `${+(cell.v * 100).toFixed(6)}%`;
  // A code shown as words ([=1]"已完成";[=2]"正在推进";"未完成": a status typed as 1, 2, 3) is the words.
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && isLabelFormat(String(cell.z))) return X.SSF.format(String(cell.z), cell.v);
  // A month typed 2019.10 is stored as 2019.1 and shown 2019.10 by a format 0.00: what Excel shows,
  // where that is the same number (an amount 1.234 shown 1.23 keeps its value; a 序号 1 stays 1).
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && !Number.isInteger(cell.v)) {
    const places = fixedDecimals(String(cell.z));
    const shown = places === null || !Number.isFinite(cell.v) ? null : cell.v.toFixed(places);
    if (shown !== null && Number(shown) === cell.v) return shown;
  }
  return String(cell.v);
}

/**
 * A date cell as text. A format that shows no day (yyyy"年"m"月", yyyy/m, mmm-yy: what Excel makes of
 * a typed 2024年12月) on a month's first day means the month, written as 2024年12月 so that it reads as
 * the month's last day (DOMAIN.md §3.4), not as its first, which is only where Excel keeps it. On any
 * other day the cell holds a real date (2024-05-10 shown as 2024年5月), which is kept.
 */
function dateText(y: number, m: number, d: number, format: unknown): string {
  const shown = String(format ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  // Only a month's first day was typed as a month: another day is a date whose format hides the day.
  if (d === 1 && shown && /y/.test(shown) && /m/.test(shown) && !/d/.test(shown)) return `${y}年${m}月`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** One sheet's non-blank rows as text cells, in workbook order. */
interface SheetGrid {
  name: string;
  rows: GridRow[];
  /** Hidden in Excel (hidden or very hidden). */
  hidden: boolean;
  /** Cells merged down over several rows: [column, first src_row, last src_row]. */
  downMerges: [number, number, number][];
  /** Formula cells without a value, read as empty: [column, src_row, error text (#N/A) or formula (=A1*2)]. */
  errorCells: [number, number, string][];
  /** Columns hidden in Excel (an old version of a column kept beside its replacement). */
  hiddenColumns: number[];
  /** Rows with cells hidden in Excel (by hand or by a filter), as runs [first src_row, last src_row]. */
  hiddenRows: [number, number][];
  /** Row numbers the sheet's XML states twice, read as one row (xlsx-row-repeats.ts). */
  repeatedRows: number[];
  /** The workbook's 1904 date system: its number cells that are dates count from 1904-01-01. */
  date1904: boolean;
}

// Formula error cells listed for the report, at most (a broken lookup column fills a sheet).
const MAX_ERROR_CELLS = 10_000;
/** The rewrites a workbook has had before this read: ISO date cells, zh-CN built-in formats. */
interface Rewrites {
  isoDates?: boolean;
  formats?: boolean;
}

/** Reads every sheet that has any cell into text grids. */
async function workbookGrids(bytes: Uint8Array, done: Rewrites = {}): Promise<SheetGrid[]> {
  const X = await import('@e965/xlsx');
  if (isLegacyBinaryWorkbook(bytes)) await loadCodePages(X);
  const wb = readWorkbook(X, bytes);
  // ISO date cells are read as written only from rewritten bytes (xlsx-iso-dates.ts).
  const files = (wb as { files?: BookFiles }).files;
  const cut = truncatedSheetPart(files);
  if (cut) throw new ImportFailure('not_a_workbook', { detail: `${cut} ends before </worksheet>` });
  const isoDates = !done.isoDates && hasIsoDateCells(files) ? withIsoDateCells(X, bytes) : null;
  if (isoDates) return workbookGrids(isoDates, { ...done, isoDates: true });
  const repeats = repeatedRowsBySheet(files);
  // The unzipped parts are no longer needed: not kept while the cells are read.
  for (const key of ['files', 'keys', 'cfb']) delete (wb as unknown as Record<string, unknown>)[key];
  // A number whose format SheetJS does not know: a zh-CN built-in format (xlsx-builtin-formats.ts).
  let unknownFormat = false;
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: SheetGrid[] = [];
  let charts = 0;
  for (const [i, name] of wb.SheetNames.entries()) {
    const hidden = !!wb.Workbook?.Sheets?.[i]?.Hidden;
    const ws = wb.Sheets[name];
    // SheetJS leaves out a sheet it could not parse (a part missing, a bad shared-string index) and
    // reads on: its problems would be lost without a word. A hidden one (an old copy) is let go.
    if (!ws) {
      if (hidden) continue;
      throw new ImportFailure('sheet_unreadable', { sheet: name });
    }
    if (ws['!type'] === 'chart') charts++;
    // Every cell the sheet holds, not the range its <dimension> states: a program that fills a
    // template leaves that tag as it was, and Excel ignores it (a row or column past it was lost).
    const data = (ws['!data'] ?? []) as (Cell | undefined)[][];
    const fills = fillsDown(X, ws['!merges'] ?? [], data, date1904);
    const rows: GridRow[] = [];
    const errorCells: [number, number, string][] = [];
    const rowInfo = ws['!rows'] ?? [];
    const hiddenRows: [number, number][] = [];
    for (let r = 0; r < data.length; r++) {
      const line = data[r];
      if (!line) continue;
      // A row ends at its last cell with text: formatting alone (a whole row coloured, borders to
      // column XFD) stretches the sheet's range to 16,384 columns without a value in them.
      const cells: (string | null)[] = [];
      for (let c = 0; c < line.length; c++) {
        const at = line[c];
        if (at?.t === 'n' && at.z === undefined) unknownFormat = true;
        const broken = at ? formulaWithoutValue(at) : null;
        if (broken && errorCells.length < MAX_ERROR_CELLS) errorCells.push([c, r + 1, broken]);
        const v = cellText(X, at, date1904);
        if (stagedCell(v) !== null) {
          while (cells.length < c) cells.push(null);
          cells[c] = v;
        }
      }
      if (!cells.length) continue;
      for (const [c, v] of fills.get(r) ?? []) {
        while (cells.length <= c) cells.push(null);
        if (stagedCell(cells[c]) === null) cells[c] = v;
      }
      rows.push({ row: r + 1, cells });
      if (rowInfo[r]?.hidden) {
        const run = hiddenRows.at(-1);
        if (run && run[1] === rows.at(-2)?.row) run[1] = r + 1;
        else hiddenRows.push([r + 1, r + 1]);
      }
    }
    const downMerges = (ws['!merges'] ?? []).filter((m) => m.e.r > m.s.r).map((m): [number, number, number] => [m.s.c, m.s.r + 1, m.e.r + 1]);
    const hiddenColumns = (ws['!cols'] ?? []).flatMap((c, i) => (c?.hidden ? [i] : []));
    if (rows.length) sheets.push(packColumns({ name, rows, hidden, downMerges, errorCells, hiddenColumns, hiddenRows, repeatedRows: repeats.get(name) ?? [], date1904 }));
  }
  // Nothing but charts (a chart sheet holds no cells): no "empty file", which would send the analyst looking for a saving mistake.
  if (!sheets.length && charts) throw new ImportFailure('charts_only', { n: charts });
  // Read once more with the formats defined: only workbooks that use them pay for it.
  const defined = unknownFormat && !done.formats ? withBuiltinFormats(X, bytes) : null;
  return defined ? workbookGrids(defined, { isoDates: true, formats: true }) : sheets;
}

/**
 * A sheet too wide to read only because of a few stray cells far to the right (a value typed in
 * column XFD): its empty columns are dropped, so the stray cell is one extra column, which the
 * validator reports on its row, rather than the whole workbook being refused. A sheet that really
 * has more than MAX_COLUMNS columns with values is left as it is (and refused).
 */
function packColumns(g: SheetGrid): SheetGrid {
  if (gridWidth(g.rows) <= MAX_COLUMNS) return g;
  const used = new Set<number>();
  for (const r of g.rows) r.cells.forEach((v, c) => v !== null && v !== undefined && used.add(c));
  if (used.size > MAX_COLUMNS) return g;
  const at = new Map([...used].sort((a, b) => a - b).map((c, i) => [c, i]));
  const rows = g.rows.map((r) => {
    const cells: (string | null)[] = [];
    r.cells.forEach((v, c) => {
      if (v === null || v === undefined) return;
      const i = at.get(c)!;
      while (cells.length < i) cells.push(null);
      cells[i] = v;
    });
    return { row: r.row, cells };
  });
  const downMerges = g.downMerges.filter(([c]) => at.has(c)).map(([c, a, b]): [number, number, number] => [at.get(c)!, a, b]);
  const errorCells = g.errorCells.filter(([c]) => at.has(c)).map(([c, r, t]): [number, number, string] => [at.get(c)!, r, t]);
  const hiddenColumns = g.hiddenColumns.filter((c) => at.has(c)).map((c) => at.get(c)!);
  return { ...g, rows, downMerges, errorCells, hiddenColumns };
}

/**
 * What merged cells put into the rows under their first: a cell merged down over several rows
 * (one unit's problems, one 方面's rows, a header cell over two header rows) holds its text in
 * the top row only, and Excel shows it on every row. Row index → [column, text], for the merge's
 * first column. A merge across columns in one row (a title, a 合计 label) adds nothing, and a
 * row that is blank but for a merge stays blank.
 */
function fillsDown(X: XlsxModule, merges: import('@e965/xlsx').Range[], data: (Cell | undefined)[][], date1904: boolean): Map<number, [number, string][]> {
  const fills = new Map<number, [number, string][]>();
  for (const m of merges) {
    if (m.e.r <= m.s.r) continue;
    const v = cellText(X, data[m.s.r]?.[m.s.c], date1904);
    if (stagedCell(v) === null) continue;
    // Only rows that hold cells take a fill: a template's merge down to row 1,048,576 over a sheet
    // of a few rows is that many rows, not a million (60 such columns ran the reader out of memory).
    for (let r = m.s.r + 1, last = Math.min(m.e.r, data.length - 1); r <= last; r++) {
      let row = fills.get(r);
      if (!row) fills.set(r, (row = []));
      row.push([m.s.c, v!]);
    }
  }
  return fills;
}

/**
 * Reads and encodes every non-empty sheet. A hidden sheet (an old version, a lookup list) is not
 * what the workbook shows: while any visible sheet has cells it is marked `hidden`, and staged
 * only if no visible sheet turns out to hold a ledger (stage-encoded.ts); otherwise the report
 * names it as not imported.
 */
export async function encodeWorkbook(bytes: Uint8Array): Promise<EncodedSheet[]> {
  const grids = await workbookGrids(bytes);
  const skipHidden = grids.some((g) => !g.hidden);
  // A sheet too wide to be a ledger beside one that is not: left out and named, not the whole book refused.
  const narrow = grids.some((g) => gridWidth(g.rows) <= MAX_COLUMNS);
  return grids.map((g) => {
    const width = gridWidth(g.rows);
    if (narrow && width > MAX_COLUMNS) return { name: g.name, width, chunks: [], tooWide: true };
    return {
      name: g.name, width, chunks: gridChunks(g.rows, width, g.name), downMerges: g.downMerges,
      ...(g.errorCells.length ? { errorCells: g.errorCells } : {}), ...(skipHidden && g.hidden ? { hidden: true } : {}),
      ...(g.hiddenColumns.length ? { hiddenColumns: g.hiddenColumns } : {}), ...(g.hiddenRows.length ? { hiddenRows: g.hiddenRows } : {}), ...(g.repeatedRows.length ? { repeatedRows: g.repeatedRows } : {}),
      ...(g.date1904 ? { date1904: true } : {}),
    };
  });
}
