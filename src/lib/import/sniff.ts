import { guessUtf16, hasUtf8Bom, isUtf8, utf16Encoding } from './decode';
import { isJsonText } from './json-prefix';
import { isWebArchive } from './web-archive';

/**
 * Tells what a file is from its first bytes, falling back to its extension only for text.
 * A renamed binary (a .csv that is really a PNG or a ZIP of something else) is caught here.
 */
export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'parquet' | 'json' | 'ndjson';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PAR1 = [0x50, 0x41, 0x52, 0x31];
// Binary formats people rename by mistake; they must never reach the CSV reader.
const OTHER_BINARIES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf: a Word document saved as RTF (else read as JSON)
];

/**
 * A BIFF2, BIFF3 or BIFF4 worksheet (Excel 2.x–4.0 wrote the stream bare, without the OLE
 * container): it opens with its BOF record (0x0009, 0x0209 or 0x0409) of 4 or 6 bytes, then a
 * version word and the sheet type (worksheet 0x10, chart 0x20, macro sheet 0x40, workbook 0x100).
 * UTF-16 text opening with a tab starts 09 00 too, but never with a control character 4 or 6 next.
 */
export function isBareBiff(bytes: Uint8Array): boolean {
  const type = bytes[6] | (bytes[7] << 8);
  return bytes.length >= 8 && bytes[0] === 0x09 && [0x00, 0x02, 0x04].includes(bytes[1]) && (bytes[2] === 4 || bytes[2] === 6) && bytes[3] === 0
    && [0x10, 0x20, 0x40, 0x100].includes(type);
}

/** A binary Excel file from before 2007: an OLE container (.xls, or an encrypted .xlsx) or bare BIFF. */
export function isLegacyBinaryWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE) || isBareBiff(bytes);
}

/** The extension in lower case, without the dot ('' if none). */
export function extensionOf(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** Detects the format; null means unknown (a binary we do not read). */
export function sniffFormat(name: string, bytes: Uint8Array): FileFormat | null {
  const ext = extensionOf(name);
  if (startsWith(bytes, ZIP)) return 'xlsx';
  // OLE2 is both the legacy .xls and an encrypted .xlsx; the XLSX reader tells them apart.
  if (isLegacyBinaryWorkbook(bytes)) return 'xls';
  if (startsWith(bytes, PAR1)) return 'parquet';
  if (OTHER_BINARIES.some((sig) => startsWith(bytes, sig))) return null;
  if (looksBinary(bytes)) return null;
  // An "Excel" file that is a web page or an Excel 2003 XML spreadsheet, as many systems export:
  // the workbook reader reads both.
  if (isSpreadsheetMarkup(bytes) || isWebArchive(bytes)) return 'xls';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'json') return 'json';
  const first = firstNonSpace(bytes);
  if (first !== 0x5b && first !== 0x7b) return 'csv';
  // A table's title can start with a bracket too ([2024]3号 …整改台账): a file named as a table
  // is JSON only if its text reads as JSON.
  if (TABLE_EXTENSIONS.has(ext) && !readsAsJson(bytes)) return 'csv';
  return first === 0x5b ? 'json' : 'ndjson';
}

const TABLE_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const JSON_HEAD = 64 * 1024;

/** True when the file's first 64 KB are JSON: one value, or one a line (NDJSON), the last possibly cut where the head ends. */
function readsAsJson(bytes: Uint8Array): boolean {
  const whole = bytes.length <= JSON_HEAD;
  const head = bytes.subarray(0, JSON_HEAD);
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : guessUtf16(head);
  let text = new TextDecoder(utf16 ?? (isUtf8(head, whole) ? 'utf-8' : 'gb18030')).decode(head);
  // Cut at a line end, no token is cut in half (JSON strings hold no line break).
  if (!whole && text.lastIndexOf('\n') > 0) text = text.slice(0, text.lastIndexOf('\n'));
  return isJsonText(text, whole);
}

function firstNonSpace(bytes: Uint8Array): number {
  let i = hasUtf8Bom(bytes) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] ?? -1;
}

/**
 * NULs or control bytes other than tab/CR/LF/FF in the first 4 KB mean binary, unless the NULs
 * are the pattern of UTF-16 text (see decode.ts).
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Encoding(bytes) || guessUtf16(bytes)) return false;
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) odd++;
  }
  // NULs and text, and no other control byte: a text file padded by a crashed or preallocated
  // write (the CSV reader drops NULs), not a binary, whose bytes hold other controls too.
  if (!odd && nul < n) return false;
  return odd + nul > 0 && odd + nul >= Math.max(1, n / 200);
}

/**
 * TRUE for an HTML table or an Excel 2003 XML spreadsheet (SpreadsheetML): text starting with `<`
 * that names a table or the spreadsheet schema in its first 64 KB (Excel's web pages open with long styles).
 */
export function isSpreadsheetMarkup(bytes: Uint8Array): boolean {
  // An OA system's page saved as UTF-16 ("Unicode") is read in its own encoding.
  const wide = utf16Encoding(bytes);
  let head: string;
  if (wide) {
    head = new TextDecoder(wide).decode(bytes.subarray(0, 131072)).replace(/^\uFEFF/, '').trimStart();
    if (!head.startsWith('<')) return false;
  } else {
    if (firstNonSpace(bytes) !== 0x3c) return false;
    head = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  }
  head = head.toLowerCase();
  return head.includes('<table') || head.includes('urn:schemas-microsoft-com:office:spreadsheet');
}
