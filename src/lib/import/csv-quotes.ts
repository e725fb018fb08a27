/**
 * Quotes that break a CSV, repaired before the engine reads it. Ledger text quotes terms
 * (`"三重一大"事项决策程序不规范`), and files not written by Excel leave such a cell unquoted.
 * DuckDB's reader then drops the quotes and a byte after them: the text changes silently, or a
 * Chinese character is cut and the whole file fails as invalid UTF-8. An opening quote that is
 * never closed makes the rest of the file one cell. Each such cell is written as a quoted field
 * with its quotes doubled, so it reads as typed; cells quoted the way Excel quotes them (commas,
 * line breaks, doubled quotes inside) are left as they are.
 */
import { yieldToEventLoop } from '../db/slices';
import { COUNTIES } from '../domain/counties';
import { MAX_CELL_CHARS } from './errors';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
// A quoted cell running over line breaks for more bytes than this is taken as a quote never closed:
// ten times the longest cell taken in its longest UTF-8 form (4 bytes a character), so a cell that
// is merely too long (Excel writes one with its line breaks inside quotes) is seen whole, and rejected
// as too long, not cut into a row per line. A quote never closed reads at most this far ahead.
const MAX_QUOTED_BYTES = 10 * 4 * MAX_CELL_CHARS;
// A quoted span is a quote never closed once this many of its lines read as records (readsAsRecord):
// else a stray quote before a delimiter rows later (见附件",) closes it, and the rows between become one
// cell, silently. Two, so one line of a cell's text that happens to hold commas never counts alone.
const SWALLOWED_RECORDS = 2;
// Bytes scanned between yields to the event loop (a 265 MB file must not block the page).
const SLICE = 1 << 22;

/** The repaired bytes and the records (1-based, as src_row counts them) whose cells were repaired. */
export interface QuoteRepair {
  bytes: Uint8Array;
  records: number[];
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * Scans UTF-8 CSV bytes with the given one-byte delimiter; null when every quote is well placed.
 * A cell is repaired when its closing quote is followed by more text on the same line, or when its
 * opening quote is never closed (the cell then ends at the next delimiter or line end). `cells` is the
 * cells most of the file's records have (0 when unknown): lines inside quotes that hold a record's delimiters are rows.
 */
export async function repairQuotes(bytes: Uint8Array, delimiter: string, cells = 0): Promise<QuoteRepair | null> {
  if (!(await hasQuote(bytes))) return null;
  const delim = delimiter.charCodeAt(0);
  const spans: [number, number][] = [];
  const records: number[] = [];
  const n = bytes.length;
  let state = State.FieldStart;
  let record = 1;
  let quoteStart = 0;
  let quoteRecord = 1;
  let quotedLines = 0;
  // Where the current record starts and its first cell ends (-1: not yet), and that first cell's span
  // for the record a quote opened in (refStart < 0: the quote opened in the first cell).
  let recordStart = 0;
  let firstEnd = -1;
  let refStart = -1;
  let refEnd = -1;
  // Inside quotes: the current line's start, its first delimiter, its delimiters, and the lines that read as records.
  let lineStart = 0;
  let lineFirstEnd = -1;
  let lineDelims = 0;
  let recordLines = 0;
  // Start of a cell being repaired, or -1; it ends at the next delimiter or line end.
  let spanStart = -1;
  const endSpan = (at: number) => {
    spans.push([spanStart, at]);
    if (records[records.length - 1] !== record) records.push(record);
    spanStart = -1;
  };
  // The opening quote at quoteStart is a character: the cell is read again from there, unquoted.
  const unclosed = () => {
    spanStart = quoteStart;
    record = quoteRecord;
    state = State.Unquoted;
    return quoteStart;
  };
  // Past the last byte only while inside quotes: the file ended in a cell never closed.
  for (let i = 0; i < n || state === State.Quoted; i++) {
    if (i >= n) {
      i = unclosed();
      continue;
    }
    if ((i & (SLICE - 1)) === 0 && i > 0) await yieldToEventLoop();
    const b = bytes[i];
    switch (state) {
      case State.FieldStart:
      case State.Unquoted:
        if (b === delim || b === LF) {
          if (spanStart >= 0) endSpan(b === LF && i > 0 && bytes[i - 1] === CR ? i - 1 : i);
          if (b === LF) [record, recordStart, firstEnd] = [record + 1, i + 1, -1];
          else if (firstEnd < 0) firstEnd = i;
          state = State.FieldStart;
        } else if (state === State.FieldStart && b === QUOTE) {
          state = State.Quoted;
          quoteStart = i;
          quoteRecord = record;
          quotedLines = 0;
          lineDelims = 0;
          recordLines = 0;
          [refStart, refEnd] = firstEnd >= 0 ? [recordStart, firstEnd] : [-1, -1];
        } else {
          state = State.Unquoted;
        }
        break;
      case State.Quoted:
        if (b === QUOTE) state = State.QuoteInQuoted;
        else if (b === delim) {
          if (lineDelims++ === 0) lineFirstEnd = i;
        } else if (b === LF) {
          if (quotedLines > 0 && readsAsRecord(lineDelims, cells)
            && resembles(bytes, lineStart, lineDelims ? lineFirstEnd : i, refStart, refEnd)) recordLines++;
          quotedLines++;
          lineDelims = 0;
          lineStart = i + 1;
          if (i - quoteStart > MAX_QUOTED_BYTES || recordLines >= SWALLOWED_RECORDS) i = unclosed();
        }
        break;
      case State.QuoteInQuoted:
        if (b === QUOTE) {
          state = State.Quoted;
        } else if (b === delim || b === LF || b === CR) {
          // A well-quoted cell ends here; a CR is the first half of the line end.
          state = b === CR ? State.Unquoted : State.FieldStart;
          if (b === LF) [record, recordStart, firstEnd] = [record + 1, i + 1, -1];
          else if (b === delim && firstEnd < 0) firstEnd = i;
        } else if (quotedLines > 0) {
          // Text after a quote that closed over line breaks: the opening quote was never closed.
          i = unclosed();
        } else {
          // `"三重一大"事项…`: the cell is the whole text up to the next delimiter.
          spanStart = quoteStart;
          state = State.Unquoted;
        }
        break;
    }
  }
  if (spanStart >= 0) endSpan(n);
  return spans.length ? finish(bytes, spans, records) : null;
}

/**
 * A whole line inside quotes (not the first, which the opening quote's record began) that holds as
 * many delimiters as a record of the file's width, give or take one, and starts as the quote's record
 * does (resembles): a row of the ledger swallowed by a quote never closed, not a line of a cell's text
 * (Excel's in-cell line breaks: 第1条,含逗号).
 */
function readsAsRecord(delims: number, cells: number): boolean {
  return cells >= 3 && delims >= Math.max(2, cells - 2) && delims <= cells;
}

// How a county's or unit's name ends (永康市, 西城街道, 永康市教育局, 古山镇党委, 市委宣传部, 兰溪市政协, 市直单位),
// at 3 characters or more; a county also goes by its short name (兰溪, 兰溪市委党校). A paragraph starts with
// words of prose (全市…, 各乡镇…, 经局党委会研究…, 同时…).
const PLACE_OR_BODY = /..(省|市|县|区|镇|乡|街道|村|社区|局|委|办|院|所|站|馆|队|会|社|联|协|部|校|台|位|厂|中心|公司|集团|党组|支部|中学|小学|医院|厅|处|科|室|团|行|场|园)$/u;
const COUNTY_SHORT = COUNTIES.filter((c) => c.kind !== '市本级').map((c) => c.name.slice(0, 2));
const PROSE_START = /^(各|全|本|该|经|由|对|在|将|把|按|据|并|同时|此外|另外|其中|通过|提请)/;
const decoder = new TextDecoder();

/**
 * A line's first cell (bytes a0..a1) like the first cell of the record the quote opened in (r0..r1): both
 * ids of one shape (3, 1-2, 1.1, 一, （二）, WC2024001); the same text (a county column: 永康市 on every row);
 * or near the same length and read as a county's or unit's name (永康市教育局, 永康市财政局, 兰溪). A
 * paragraph of a cell's own text starts otherwise (二是完善制度建设,…, 同时,…). With no such record cell
 * (the quote opened in the first cell), only a 序号 is like one.
 */
function resembles(bytes: Uint8Array, a0: number, a1: number, r0: number, r1: number): boolean {
  // A blank first cell is a merged 序号 or county Excel wrote once, above (,,,公务接待不规范,…).
  if (a1 === a0) return true;
  const cell = decoder.decode(bytes.subarray(a0, a1)).trim();
  // A blank cell of the quote's record is no reference, as none is.
  if (r0 < 0 || r1 <= r0) return /^[0-9]{1,5}$/.test(cell);
  const ref = decoder.decode(bytes.subarray(r0, r1)).trim();
  const shape = idShape(cell);
  if (shape !== null) return shape === idShape(ref);
  if (cell === ref) return true;
  if (Math.abs(a1 - a0 - (r1 - r0)) > 3 || PROSE_START.test(cell)) return false;
  return PLACE_OR_BODY.test(cell) || COUNTY_SHORT.some((c) => cell.startsWith(c));
}

/** An id's shape, its runs of digits, Chinese numerals and letters each one mark (1-2 and 3-10 alike); null for text. */
function idShape(cell: string): string | null {
  const shape = cell.replace(/[0-9０-９]+/g, '9').replace(/[一二三四五六七八九十]+/g, '一').replace(/[A-Za-z]+/g, 'A');
  return cell.length <= 16 && /^[9一A\-－.．、()（）_/]+$/.test(shape) && /[9一]/.test(shape) ? shape : null;
}

/** True when the bytes hold a quote; searched a slice at a time, so a big file never blocks the page. */
async function hasQuote(bytes: Uint8Array): Promise<boolean> {
  for (let at = 0; at < bytes.length; at += SLICE) {
    if (bytes.subarray(at, at + SLICE).indexOf(QUOTE) >= 0) return true;
    await yieldToEventLoop();
  }
  return false;
}

/** The bytes with every span written as a quoted field, its quotes doubled. */
function finish(bytes: Uint8Array, spans: [number, number][], records: number[]): QuoteRepair {
  let extra = 0;
  for (const [s, e] of spans) {
    extra += 2;
    for (let i = s; i < e; i++) if (bytes[i] === QUOTE) extra++;
  }
  const out = new Uint8Array(bytes.length + extra);
  let from = 0;
  let at = 0;
  for (const [s, e] of spans) {
    out.set(bytes.subarray(from, s), at);
    at += s - from;
    out[at++] = QUOTE;
    for (let i = s; i < e; i++) {
      if (bytes[i] === QUOTE) out[at++] = QUOTE;
      out[at++] = bytes[i];
    }
    out[at++] = QUOTE;
    from = e;
  }
  out.set(bytes.subarray(from), at);
  return { bytes: out, records };
}
