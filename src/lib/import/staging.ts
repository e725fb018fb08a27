import { Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Engine } from '../db/types';
import { ident } from '../queries/sql';
import { SCRATCH_DB } from '../db/settings';
import { stagedCell } from './cells';
import { checkWidth } from './errors';

/**
 * The staging table every format lands in before mapping: `src_row` (1-based row of the sheet or
 * file) and cells `c0 … c{n-1}`, all VARCHAR, so nothing is lost or coerced before normalisation.
 * Cells are staged trimmed, '' as NULL (cells.ts).
 */
/** Column of a staged CSV's cell count per record (StagedSheet.cellCounts). */
export const CELL_COUNT = 'n_cells';

export interface StagedSheet {
  /** Sheet name (XLSX) or undefined for single-table files. */
  sheet?: string;
  table: string;
  width: number;
  /** A table behind `table` when `table` is a view; dropped with it. */
  backing?: string;
  /** The backing table has a ROW_SHIFT column (CSV, empty-lines.ts): its rows are backingRowSql's. */
  rowShift?: boolean;
  /** Cells merged down over several rows (XLSX): [column, first src_row, last src_row]. */
  downMerges?: [number, number, number][];
  /** Formula cells without a value (XLSX: #N/A, #REF!, or a result never saved), staged as empty: [column, src_row, error text or =formula]. */
  errorCells?: [number, number, string][];
  /** The table has a CELL_COUNT column: the cells each record had (CSV), beside the padded width. */
  cellCounts?: boolean;
  /** Records (src_row) with a cell whose quotes were repaired before reading (CSV, csv-quotes.ts). */
  quoteRepairs?: number[];
  /** The text file had bytes its encoding could not read: they became U+FFFD (decode.ts). */
  undecodable?: boolean;
  /** NDJSON lines that were no JSON record: [src_row, the line]; each a rejected row. */
  badRecords?: [number, string][];
  /** Row 0 is the header for certain (the keys of JSON records, Parquet's columns). */
  keysHeader?: boolean;
  /** Columns hidden in Excel: a visible column of the same field wins over them (fieldClaims). */
  hiddenColumns?: number[];
  /** Rows hidden in Excel (by hand or by a filter), as runs [first src_row, last src_row]: imported, each warned. */
  hiddenRows?: [number, number][];
  /** Row numbers a worksheet's XML states twice, read as one row (XLSX, xlsx-row-repeats.ts): each warned. */
  repeatedRows?: number[];
  /** The workbook's dates count from 1904 (XLSX): serials left as numbers are read so (dates.ts). */
  date1904?: boolean;
}

/** A backing table's column of the empty lines above each record (a CSV's: empty-lines.ts), where there are any. */
export const ROW_SHIFT = 'src_shift';

/**
 * The spreadsheet row of a backing table's record (`table`'s own when it is NULL): its position, plus the empty
 * lines above it that the reader skipped when the table has a ROW_SHIFT column.
 */
export function backingRowSql(table: string | null, shifted: boolean): string {
  const of = table ? `${ident(table)}.` : '';
  return `${of}rowid + 1${shifted ? ` + ${of}${ROW_SHIFT}` : ''}`;
}

/** A row of a grid as read in JS (XLSX, JSON, Parquet). */
export interface GridRow {
  row: number;
  cells: (string | null)[];
}

let seq = 0;
const TEMP_PREFIX = '__import_';

/** A temp table name no other import in this session uses. */
export function tempName(prefix: string): string {
  return `${TEMP_PREFIX}${prefix}_${Date.now().toString(36)}_${++seq}`;
}

// What marks a working view's name (tempViewName), so dropTables tells views from tables without asking the catalogue.
const VIEW_MARK = 'view_';
const isViewName = (name: string) => name.startsWith(TEMP_PREFIX + VIEW_MARK);

/** A name for an import's working view: tempName, marked as a view's (dropTables drops it as one). */
export function tempViewName(prefix: string): string {
  return tempName(VIEW_MARK + prefix);
}

/**
 * CREATE TABLE target of an import's working table: the compressed scratch database
 * (db/settings.ts scratchSql). Plain names find it afterwards through the search path.
 */
export const scratchTable = (name: string) => `${SCRATCH_DB}.main.${ident(name)}`;

/** Column name of cell i. */
export const cell = (i: number) => `c${i}`;

/** Creates an empty staging table of the given width. */
export async function createStaging(engine: Engine, table: string, width: number): Promise<void> {
  const cols = Array.from({ length: width }, (_, i) => `${cell(i)} VARCHAR`);
  await engine.exec(`CREATE TABLE ${scratchTable(table)} (src_row INTEGER, ${cols.join(', ')})`);
}

const CHUNK = 20_000;
const encoder = new TextEncoder();

/**
 * An Arrow Utf8 vector built from its buffers. Arrow's builders (`vectorFromArray`) compile their
 * null test with `new Function`, which the page's Content-Security-Policy (no 'unsafe-eval')
 * refuses; laying out offsets, validity bitmap and bytes directly needs no code generation.
 */
export function utf8Vector(values: (string | null)[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const validity = new Uint8Array(Math.ceil(n / 64) * 8);
  const encoded: Uint8Array[] = [];
  let bytes = 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      nulls++;
    } else {
      validity[i >> 3] |= 1 << (i & 7);
      const b = encoder.encode(v);
      encoded.push(b);
      bytes += b.length;
    }
    offsets[i + 1] = bytes;
  }
  const data = new Uint8Array(bytes);
  let at = 0;
  for (const b of encoded) {
    data.set(b, at);
    at += b.length;
  }
  return makeVector(makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? validity : null, valueOffsets: offsets, data }));
}

/**
 * Appends grid rows to a staging table, in chunks. Cells travel as Arrow Utf8 vectors, so the
 * engine never guesses a type: a JSON insert would infer TIMESTAMP or BIGINT from the first
 * rows of a column and then refuse a later header or note cell.
 */
export async function insertGrid(engine: Engine, table: string, width: number, rows: GridRow[]): Promise<void> {
  for (const ipc of gridChunks(rows, width)) await engine.insertArrowIPC(table, ipc);
}

/**
 * A grid as Arrow IPC streams of CHUNK rows (`src_row`, `c0…`): pure, so the grid worker can
 * build them off the main thread and hand over the bytes.
 */
export function gridChunks(rows: GridRow[], width: number, sheet?: string): Uint8Array[] {
  checkWidth(width, sheet);
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const end = Math.min(rows.length, start + CHUNK);
    const srcRow = new Int32Array(end - start);
    for (let j = start; j < end; j++) srcRow[j - start] = rows[j].row;
    const columns: Record<string, Vector> = { src_row: makeVector(srcRow) };
    for (let i = 0; i < width; i++) {
      const values = new Array<string | null>(end - start);
      for (let j = start; j < end; j++) values[j - start] = stagedCell(rows[j].cells[i]);
      columns[cell(i)] = utf8Vector(values);
    }
    chunks.push(tableToIPC(new Table(columns), 'stream'));
  }
  return chunks;
}

/** Number of cells of the widest row (at least 1); a loop, since spreading 300k rows overflows the stack. */
export function gridWidth(rows: GridRow[]): number {
  let width = 1;
  for (const r of rows) if (r.cells.length > width) width = r.cells.length;
  return width;
}

/** One sheet encoded by `gridChunks` off the main thread: its width and its rows as Arrow IPC chunks. */
export interface EncodedSheet {
  /** Sheet name (XLSX); undefined for single-table files. */
  name?: string;
  width: number;
  chunks: Uint8Array[];
  /** A hidden sheet (see encodeWorkbook): staged only when no visible sheet holds a ledger. */
  hidden?: boolean;
  /** Wider than MAX_COLUMNS beside sheets that are not (a pivot, a data dump): no chunks, named in the report. */
  tooWide?: boolean;
  /** Cells merged down over several rows (XLSX): [column, first src_row, last src_row]. */
  downMerges?: [number, number, number][];
  /** Formula cells without a value (XLSX: #N/A, #REF!, or a result never saved), staged as empty: [column, src_row, error text or =formula]. */
  errorCells?: [number, number, string][];
  /** NDJSON lines that were no JSON record: [src_row, the line], staged as blank rows. */
  badRecords?: [number, string][];
  /** Columns hidden in Excel (XLSX). */
  hiddenColumns?: number[];
  /** Rows hidden in Excel (XLSX), as runs [first src_row, last src_row]. */
  hiddenRows?: [number, number][];
  /** Row numbers the worksheet's XML states twice (XLSX). */
  repeatedRows?: number[];
  /** The workbook's dates count from 1904 (XLSX). */
  date1904?: boolean;
}

/** Stages a grid already encoded by `gridChunks` (e.g. in the grid worker). */
export async function stageChunks(engine: Engine, width: number, chunks: Uint8Array[], sheet?: string): Promise<StagedSheet> {
  const table = tempName('grid');
  await createStaging(engine, table, width);
  for (const ipc of chunks) await engine.insertArrowIPC(table, ipc);
  return { sheet, table, width };
}

/** Stages a whole grid: creates the table, fills it, returns its description. */
export async function stageGrid(engine: Engine, rows: GridRow[], sheet?: string): Promise<StagedSheet> {
  const width = gridWidth(rows);
  const table = tempName('grid');
  await createStaging(engine, table, width);
  await insertGrid(engine, table, width, rows);
  return { sheet, table, width };
}

/**
 * Drops an import's working tables and views, ignoring ones that were never created. A view is
 * told by its name (tempViewName): DROP VIEW IF EXISTS on a table (and the reverse) is an error,
 * which the engine's worker also logs to the console, and asking the catalogue cost ~10 ms a sheet.
 */
export async function dropTables(engine: Engine, tables: string[]): Promise<void> {
  for (const t of tables) {
    await engine.exec(`DROP ${isViewName(t) ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(t)}`).catch(() => undefined);
  }
}
