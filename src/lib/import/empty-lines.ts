import { yieldToEventLoop } from '../db/slices';

/**
 * Empty lines of a CSV, which DuckDB's read_csv skips: a spreadsheet shows each as a row, so the rows
 * below one were numbered one too low (helper-120: an issue named the row above the one it was about,
 * and the rejected-rows download the same). A line of spaces or of delimiters is a record and is read.
 */

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
// Bytes scanned between yields to the event loop (a 265 MB file must not block the page).
const SLICE = 1 << 22;

/**
 * For each empty line outside quotes, the number of records the reader reads before it, ascending;
 * empty when there are none. `bytes`: UTF-8 with well-placed quotes (after csv-quotes.ts), one line
 * ending kind (line-endings.ts). Empty lines at the end stand above no record and are left out. A file
 * without an empty line is only searched for one (memchr per line), not read byte by byte.
 */
export async function emptyLines(file: Uint8Array, delimiter: string): Promise<number[]> {
  let end = file.length;
  while (end > 0 && (file[end - 1] === LF || file[end - 1] === CR)) end--;
  // Its last line break stays: the last record ends at it.
  const bytes = file.subarray(0, end < file.length ? end + 1 : end);
  if (!(await hasEmptyLine(bytes))) return [];
  const delim = delimiter.charCodeAt(0);
  const empties: number[] = [];
  let records = 0;
  let quoted = false;
  let fieldStart = true;
  let lineStart = true;
  for (let i = 0; i < bytes.length; i++) {
    if ((i & (SLICE - 1)) === 0 && i > 0) await yieldToEventLoop();
    const b = bytes[i];
    if (quoted) {
      // A doubled quote stays inside; a lone one closes the cell.
      if (b === QUOTE) {
        if (bytes[i + 1] === QUOTE) i++;
        else quoted = false;
      }
    } else if (b === LF) {
      if (lineStart) empties.push(records);
      else records++;
      lineStart = fieldStart = true;
    } else if (b === CR && bytes[i + 1] === LF) {
      // CRLF: the line ends at its LF.
    } else if (b === QUOTE && fieldStart) {
      quoted = true;
      lineStart = fieldStart = false;
    } else {
      fieldStart = b === delim;
      lineStart = false;
    }
  }
  return empties;
}

/** TRUE when a line of the file is empty: the file starts with a line break, or two follow each other. */
async function hasEmptyLine(bytes: Uint8Array): Promise<boolean> {
  if (bytes[0] === LF || (bytes[0] === CR && bytes[1] === LF)) return true;
  for (let at = 0; at < bytes.length; at += SLICE) {
    const end = Math.min(bytes.length, at + SLICE);
    for (let i = bytes.indexOf(LF, at); i >= 0 && i < end; i = bytes.indexOf(LF, i + 1)) {
      if (bytes[i + 1] === LF || (bytes[i + 1] === CR && bytes[i + 2] === LF)) return true;
    }
    await yieldToEventLoop();
  }
  return false;
}

/**
 * The rows of a table of the empty lines' shifts, as CSV (at,shift): from record `at` (0-based, as read) on,
 * `shift` empty lines stand above it; one row per distinct position.
 */
export function shiftsCsv(empties: number[]): Uint8Array {
  const out: [number, number][] = [];
  empties.forEach((at, k) => {
    if (out.length && out[out.length - 1][0] === at) out[out.length - 1][1] = k + 1;
    else out.push([at, k + 1]);
  });
  return new TextEncoder().encode(out.map(([at, shift]) => `${at},${shift}\n`).join(''));
}
