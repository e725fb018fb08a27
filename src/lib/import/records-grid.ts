import { decodeText, detectEncoding, type TextEncodingName } from './decode';
import { ImportFailure } from './errors';
import { quoteBigIntegers } from './json-bigint';
import { gridChunks, gridWidth, type EncodedSheet, type GridRow } from './staging';
import { jsonTables, type JsonTable } from './json-tables';
import { expandRecords, objectListText } from './record-children';
import { isPlainObject } from './record-lists';

/**
 * Record formats → encoded grids: a JSON array of objects (or of arrays, first one the header) and
 * NDJSON, and the record → cell text that Parquet (parquet-grid.ts) shares. Keys become the header
 * row (src_row 0), record i becomes src_row i (1-based), so issues name the record number; a record
 * expanded into its list of problems (expandRecords) gives rows numbered on through the file. Pure:
 * runs in the grid worker in the browser and inline in Node.
 */
type Value = unknown;

const pad = (n: number) => String(n).padStart(2, '0');

// Offices keep China time: a timestamp stored in UTC (Beijing midnight is 16:00 the day before) is
// read at UTC+8; a DATE (UTC midnight) keeps its day.
export const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/**
 * How a Parquet column's values read: `wallClock`, a TIMESTAMP not adjusted to UTC (which pandas and
 * DuckDB write for a naive time), is no instant: its date is the one written; `float32`, a FLOAT, is
 * written as the shortest decimal that is that float (12.3, not 12.300000190734863).
 */
export type ColumnKind = 'wallClock' | 'float32' | undefined;

/** The shortest decimal whose nearest 32-bit float is v: nine significant digits always are. */
export function float32Text(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  for (let digits = 1; digits < 9; digits++) {
    const shorter = Number(v.toPrecision(digits));
    if (Math.fround(shorter) === v) return String(shorter);
  }
  return String(Number(v.toPrecision(9)));
}

/** A year as ISO 8601 writes it: four digits (0012), six with a sign past 9999 or before year 0. */
const yearText = (y: number) => (y < 0 ? '-' + String(-y).padStart(6, '0') : y > 9999 ? '+' + String(y).padStart(6, '0') : String(y).padStart(4, '0'));

/**
 * A record value as cell text: dates as YYYY-MM-DD in China time, big integers exact, objects as
 * JSON; `kind`: see ColumnKind.
 */
export function valueText(v: Value, kind?: ColumnKind): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    const d = kind === 'wallClock' ? v : new Date(v.getTime() + CHINA_OFFSET_MS);
    if (Number.isNaN(d.getTime())) return String(v);
    return `${yearText(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && kind === 'float32') return float32Text(v);
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? String(x) : x));
}

/** Records → grid rows under a given header, numbered from `first`; `kinds[c]`: see ColumnKind. */
export function recordRows(records: Record<string, Value>[], keys: string[], first: number, kinds: ColumnKind[] = []): GridRow[] {
  return records.map((r, i) => ({ row: first + i, cells: keys.map((k, c) => valueText(r[k], kinds[c])) }));
}

// The key of a nested object that names it: {"被巡察单位": {"name": "…", "code": "X1"}}.
const NAME_KEY = /^(name|名称|label|text|title|value|值)$/i;
const NEST_DEPTH = 3;

/**
 * A record with nested objects made flat, as a system export nests them: a nested object's naming
 * key gives the parent its value, and its other keys become the parent's name followed by theirs
 * ({"整改": {"状态": "已完成"}} → 整改状态), which the header aliases then know.
 */
export function flattenRecord(r: Record<string, Value>, prefix = '', depth = 0, out: Record<string, Value> = {}): Record<string, Value> {
  for (const [k, v] of Object.entries(r)) {
    const key = prefix + k;
    if (!isPlainObject(v) || depth >= NEST_DEPTH) {
      out[key] = v;
      continue;
    }
    const name = Object.keys(v).find((c) => NAME_KEY.test(c) && !isPlainObject(v[c]));
    if (name !== undefined) out[key] = v[name];
    const rest = Object.fromEntries(Object.entries(v).filter(([c]) => c !== name));
    flattenRecord(rest, key, depth + 1, out);
  }
  return out;
}

/**
 * Objects → grid: their lists of problems expanded (expandRecords), flattened (flattenRecord), a list
 * of objects left in a cell written as lines (objectListText); the union of keys in first-seen order
 * is the header. `firstRow[i]`: the src_row of record i's first row.
 */
export function recordsToGrid(records: Record<string, Value>[]): { rows: GridRow[]; firstRow: number[] } {
  const expanded = expandRecords(records, (r) => flattenRecord(r));
  // Only rows holding a list are rewritten: a million flat records are not copied again.
  const flat = expanded.rows.map((r) => (Object.values(r).some(Array.isArray)
    ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, objectListText(v, valueText) ?? v])) : r));
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const r of flat) for (const k of Object.keys(r)) if (!seen.has(k)) seen.add(k), keys.push(k);
  return { rows: [{ row: 0, cells: keys }, ...recordRows(flat, keys, 1)], firstRow: expanded.firstRow.map((i) => i + 1) };
}

/**
 * A record list as grid rows, its elements that were no record ([src_row, JSON text]), and the
 * src_row of element i (rowOf), which expansion moves on.
 */
interface ListGrid {
  rows: GridRow[];
  bad: [number, string][];
  rowOf: (i: number) => number;
}

/**
 * A record list → grid: rows of arrays (the first the header, unless `header` is given: then it is
 * src_row 0 and the arrays are rows 1…), or objects (see recordsToGrid), whichever most elements
 * are. An element of neither form (a trailing null, a stray string) is rejected as NDJSON rejects a
 * bad line: an empty record keeps its place, so the others keep their numbers, however many there
 * are beside the records. A list with no record at all is refused (json_no_records).
 */
function toGrid(items: unknown[], sheet?: string, header?: string[]): ListGrid {
  const arrays = items.filter((x) => Array.isArray(x)).length;
  const objects = items.filter(isPlainObject).length;
  const asRows = arrays > objects;
  const good = asRows ? arrays : objects;
  if (!good) throw new ImportFailure('json_no_records', {}, sheet);
  const fits = (x: unknown) => (asRows ? Array.isArray(x) : isPlainObject(x));
  const kept = items.map((x) => (fits(x) ? x : asRows ? [] : {}));
  let rowOf = (i: number) => i + 1;
  let rows: GridRow[];
  if (asRows) {
    rows = (kept as Value[][]).map((cells, i) => ({ row: i + 1, cells: cells.map((v) => valueText(v)) }));
    if (header) rows.unshift({ row: 0, cells: header });
  } else {
    const grid = recordsToGrid(kept as Record<string, Value>[]);
    rows = grid.rows;
    rowOf = (i) => grid.firstRow[i];
  }
  const bad = items.flatMap((x, i): [number, string][] => (fits(x) ? [] : [[rowOf(i), String(JSON.stringify(x) ?? x).slice(0, 200)]]));
  return { rows, bad, rowOf };
}

/** An error's message as the `detail` an ImportFailure shows (技术信息). */
export const detail = (e: unknown) => ({ detail: String(e instanceof Error ? e.message : e).slice(0, 300) });
// Valid JSON nested deeper than the reader's recursion goes ('['.repeat(100000)) is no damaged file.
const corruptJson = (e: unknown) => (e instanceof RangeError ? new ImportFailure('json_too_deep') : new ImportFailure('corrupt_json', detail(e)));

/** A parsed document, and the NDJSON lines that were no JSON record: [record index, line]. */
interface ParsedDocument {
  doc: unknown;
  bad: [number, string][];
}

/**
 * The records of NDJSON text, one a line. A line that is no JSON object or array is kept as an
 * empty record in its place (so the records after it keep their numbers) and listed as bad. Text
 * most of whose lines are bad is no NDJSON: the first bad line's error is thrown, naming the line.
 */
function ndjsonItems(text: string): ParsedDocument {
  const lines = text.split(/\r?\n|\r/).filter((l) => l.trim());
  const items: unknown[] = [];
  const bad: [number, string][] = [];
  let firstError: string | null = null;
  for (const [i, line] of lines.entries()) {
    try {
      const v: unknown = JSON.parse(quoteBigIntegers(line));
      if (v === null || typeof v !== 'object') throw new Error('not a record');
      items.push(v);
    } catch (e) {
      firstError ??= `line ${i + 1}: ${e instanceof Error ? e.message : String(e)}`;
      items.push(null);
      bad.push([i, line]);
    }
  }
  if (!lines.length || bad.length * 2 > lines.length) throw new SyntaxError(firstError ?? 'no records');
  // The empty record in a bad line's place has the others' form: [] among rows of arrays, else {}.
  const arrays = items.filter((v) => Array.isArray(v)).length;
  const empty = () => (arrays * 2 > items.length - bad.length ? [] : {});
  return { doc: items.map((v) => v ?? empty()), bad };
}

/**
 * The document of a JSON or NDJSON file. A file holding the other form (NDJSON saved as .json, a
 * pretty-printed object saved as .ndjson or .txt) is read in that form.
 */
function parseDocument(text: string, format: 'json' | 'ndjson'): ParsedDocument {
  const json = (t: string): ParsedDocument => ({ doc: JSON.parse(quoteBigIntegers(t)), bad: [] });
  // A .json file is read as NDJSON only when every line is a record: a document with junk after
  // it (an array, then a line of HTML) is damaged JSON, named by where it goes wrong.
  const lines = (t: string) => {
    const parsed = ndjsonItems(t);
    if (format === 'json' && parsed.bad.length) throw new SyntaxError('not NDJSON');
    return parsed;
  };
  const [first, second] = format === 'json' ? [json, lines] : [lines, json];
  try {
    return first(text);
  } catch (e) {
    try {
      return second(text);
    } catch {
      throw e;
    }
  }
}

/** A JSON or NDJSON file, encoded: one sheet per table (see jsonTables). */
export function encodeJson(bytes: Uint8Array, format: 'json' | 'ndjson'): { sheets: EncodedSheet[]; encoding: TextEncodingName } {
  const encoding = detectEncoding(bytes);
  const text = decodeText(bytes, encoding);
  let lists: JsonTable[];
  let bad: [number, string][];
  try {
    const parsed = parseDocument(text, format);
    bad = parsed.bad;
    // 42, "text", null, true: a value, no list of records.
    if (parsed.doc === null || typeof parsed.doc !== 'object') {
      throw new ImportFailure('json_not_records', { value: String(JSON.stringify(parsed.doc)).slice(0, 60) });
    }
    lists = jsonTables(parsed.doc as Value);
  } catch (e) {
    throw e instanceof ImportFailure ? e : corruptJson(e);
  }
  lists = lists.filter((l) => l.items.length);
  if (!lists.length) throw new ImportFailure('no_data');
  const sheets = lists.map(({ path, items, header }) => {
    let grid: ListGrid;
    try {
      grid = toGrid(items, path, header);
    } catch (e) {
      throw e instanceof RangeError ? corruptJson(e) : e;
    }
    const width = gridWidth(grid.rows);
    // NDJSON lines and array elements that were no record: rejected rows of their own, at their record's row.
    const badRecords = [...bad.map(([i, line]): [number, string] => [grid.rowOf(i), line.slice(0, 200)]), ...grid.bad];
    return { ...(lists.length > 1 ? { name: path } : {}), width, chunks: gridChunks(grid.rows, width, path), ...(badRecords.length ? { badRecords } : {}) };
  });
  return { sheets, encoding };
}
