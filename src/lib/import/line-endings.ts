import { yieldToEventLoop } from '../db/slices';

/**
 * Line endings of one kind for the CSV reader. DuckDB's read_csv takes CRLF, LF or CR, but not a
 * file holding CRLF beside a lone CR (a ledger pasted together on two machines, an old Mac line):
 * it stopped with "Invalid unicode … not utf-8 encoded", which says nothing true. Such a file has
 * each lone CR made LF (a lone CR inside a quoted cell is a line break there too). So has a file of
 * lone CRs only (Excel's "CSV (Macintosh)"): the reader takes it, but the quote repair (csv-quotes.ts)
 * ends records at LF, and read one such file as a single line. Other files are returned as they are,
 * without a copy. Searched 4 MB at a time, so a big file never blocks the page.
 */
const CR = 0x0d;
const LF = 0x0a;
const SLICE = 1 << 22;

/** The bytes with lone CRs made LF, when they sit beside CRLF or no LF at all; else the same array. */
export async function unifyLineEndings(bytes: Uint8Array): Promise<Uint8Array> {
  let crlf = false;
  let lone = false;
  for (let at = 0; at < bytes.length && !(crlf && lone); at += SLICE) {
    const end = Math.min(bytes.length, at + SLICE);
    for (let i = bytes.indexOf(CR, at); i >= 0 && i < end; i = bytes.indexOf(CR, i + 1)) {
      if (bytes[i + 1] === LF) crlf = true;
      else lone = true;
      if (crlf && lone) break;
    }
    await yieldToEventLoop();
  }
  if (!lone || (!crlf && bytes.indexOf(LF) >= 0)) return bytes;
  const out = bytes.slice();
  for (let i = out.indexOf(CR); i >= 0; i = out.indexOf(CR, i + 1)) if (out[i + 1] !== LF) out[i] = LF;
  return out;
}
