/**
 * Text decoding for CSV/TXT/JSON. DuckDB's read_csv only reads UTF-8 well, so every other
 * encoding (GBK/GB18030 from Excel on Chinese Windows, UTF-16 from "Unicode text") is turned
 * into UTF-8 bytes here, and a UTF-8 BOM is stripped. A file that is neither valid UTF-8 nor
 * UTF-16 is read as GB18030, which maps every byte sequence, or line by line when some of its
 * lines are UTF-8: Chinese in UTF-8 pasted next to GBK lines, or UTF-8 with a few bytes no
 * encoding reads (a field cut mid-character), which become U+FFFD and are warned. Big5 is refused.
 */
import { yieldToEventLoop } from '../db/slices';
import { joinBytes } from './bytes';
import { ImportFailure } from './errors';

/**
 * 'utf-8+gb18030': lines of both, as when a UTF-8 ledger and a GBK one are pasted into one file.
 * 'utf-8-lossy': UTF-8 whose few unreadable bytes became U+FFFD (read line by line all the same).
 */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8+gb18030' | 'utf-8-lossy';

// Checking the head keeps a 265 MB UTF-8 file off the JS heap; the CSV reader re-checks the
// rest and the caller retries as GB18030 if DuckDB reports invalid unicode further down.
const SNIFF_BYTES = 1 << 20;

/** True when the bytes start with the UTF-8 byte order mark. */
export const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * Guesses the encoding from a BOM, NUL patterns, then how the lines of the first megabyte read.
 * Throws ImportFailure('encoding_unsupported') for Big5 (traditional Chinese), which no reader here takes.
 */
/** UTF-16 text: by its byte-order mark, else by the pattern of its NULs (guessUtf16); null for any other. */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return hasUtf8Bom(bytes) ? null : guessUtf16(bytes);
}

export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  const bom = hasUtf8Bom(bytes);
  const utf16 = utf16Encoding(bytes);
  if (utf16) return utf16;
  const whole = bytes.length <= SNIFF_BYTES;
  const head = bytes.subarray(bom ? 3 : 0, SNIFF_BYTES);
  if (isUtf8(head, whole)) return bom ? 'utf-8-bom' : 'utf-8';
  const kinds = lineKinds(head, whole);
  const utf8 = kinds.has('utf-8') || kinds.has('utf-8-lossy');
  if (kinds.has('gb18030')) {
    if (utf8) return 'utf-8+gb18030';
  } else if (utf8) return 'utf-8-lossy';
  // A BOM says UTF-8: GBK lines in it are read line by line, as the CSV reader's retry always did.
  if (bom) return 'utf-8+gb18030';
  if (looksBig5(head)) throw new ImportFailure('encoding_unsupported', { encoding: 'Big5' });
  return 'gb18030';
}

const LF = 0x0a;
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Characters that GBK bytes seldom make when read as UTF-8 (they make U+FFFD, or Latin, Greek,
 * Cyrillic letters below U+0800): CJK, its punctuation, full-width forms, dashes, circled numbers.
 */
const WIDE = /[\u2000-\u9fff\uff00-\uffef]/;
const isWide = (c: number) => (c >= 0x2000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);

/** How a line is written: 'utf-8-lossy' is UTF-8 but for a few unreadable bytes (see lineKind). */
export type LineKind = 'ascii' | 'utf-8' | 'utf-8-lossy' | 'gb18030';

/**
 * How one line is written: ASCII only, UTF-8 (valid, with a wide character in it), UTF-8 with a
 * few unreadable bytes, or else GB18030. GBK bytes are now and then valid UTF-8 by accident, but
 * then decode to no wide character.
 */
function lineKind(bytes: Uint8Array, from: number, to: number): LineKind {
  let i = from;
  while (i < to && bytes[i] < 0x80) i++;
  if (i === to) return 'ascii';
  const line = bytes.subarray(i, to);
  const text = utf8Lenient.decode(line);
  // A U+FFFD written as such (EF BF BD) is text, not an unreadable byte.
  if (!text.includes('\uFFFD') || (holdsReplacementBytes(line) && isUtf8(line))) return WIDE.test(text) ? 'utf-8' : 'gb18030';
  return fewUnreadable(text) ? 'utf-8-lossy' : 'gb18030';
}

/**
 * True when the text decoded as UTF-8 has three wide characters or more for each U+FFFD: a
 * stray byte or a character cut in half in UTF-8 text. Read as UTF-8, GBK text gives at least
 * one U+FFFD for every three wide characters, and mostly many more.
 */
function fewUnreadable(text: string): boolean {
  let wide = 0;
  let bad = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0xfffd) {
      // Even if every character left were wide, too few for this many unreadable bytes.
      if (3 * ++bad > wide + text.length - k - 1) return false;
    } else if (isWide(c)) wide++;
  }
  return 3 * bad <= wide;
}

/** True when the bytes hold EF BF BD, U+FFFD in UTF-8. */
function holdsReplacementBytes(line: Uint8Array): boolean {
  for (let at = line.indexOf(0xef); at >= 0; at = line.indexOf(0xef, at + 1)) {
    if (line[at + 1] === 0xbf && line[at + 2] === 0xbd) return true;
  }
  return false;
}

/** The kinds of the complete lines of the bytes (also the last one if `whole`), until both UTF-8 and GB18030 are seen. */
function lineKinds(bytes: Uint8Array, whole: boolean): Set<LineKind> {
  const kinds = new Set<LineKind>();
  for (let from = 0; from < bytes.length; ) {
    const lf = bytes.indexOf(LF, from);
    if (lf < 0 && !whole) break;
    const end = lf < 0 ? bytes.length : lf;
    kinds.add(lineKind(bytes, from, end));
    if (kinds.has('gb18030') && (kinds.has('utf-8') || kinds.has('utf-8-lossy'))) break;
    from = end + 1;
  }
  return kinds;
}

const BIG5_SAMPLE = 64 * 1024;

/**
 * True when double-byte text reads as Big5 and not as GBK: nearly every pair is a Big5 character,
 * most of them among its 5,401 common ones (A440–C67E) or its punctuation, while as GBK many
 * are not GB2312 characters (a Big5 second byte is 40–7E two times in five; GB2312 has none).
 * Simplified Chinese in GBK is all but wholly GB2312; traditional Chinese in GBK puts first
 * bytes 81–A0, which Big5 lacks.
 */
function looksBig5(bytes: Uint8Array): boolean {
  let pairs = 0;
  let gb2312 = 0;
  let big5 = 0;
  let common = 0;
  const n = Math.min(bytes.length, BIG5_SAMPLE) - 1;
  for (let i = 0; i < n; i++) {
    const a = bytes[i];
    if (a < 0x80) continue;
    const b = bytes[++i];
    pairs++;
    if (a >= 0xa1 && a <= 0xf7 && b >= 0xa1 && b <= 0xfe) gb2312++;
    if (a < 0xa1 || a > 0xf9 || !((b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe))) continue;
    big5++;
    if (a <= 0xc6) common++;
  }
  return pairs >= 16 && big5 >= 0.98 * pairs && common >= 0.8 * pairs && gb2312 < 0.8 * pairs;
}

/** UTF-8 bytes of the whole lines in [from, to): UTF-8 and ASCII lines as they are, unreadable bytes as U+FFFD, the others from GB18030. */
function linesToUtf8(bytes: Uint8Array, from: number, to: number, parts: Uint8Array[], seen?: Set<LineKind>): number {
  const gbk = new TextDecoder('gb18030');
  const encoder = new TextEncoder();
  let total = 0;
  while (from < to) {
    const lf = bytes.indexOf(LF, from);
    const end = lf < 0 || lf >= to ? to : lf + 1;
    const line = bytes.subarray(from, end);
    const kind = lineKind(bytes, from, end);
    seen?.add(kind);
    const part = kind === 'gb18030' ? encoder.encode(gbk.decode(line)) : kind === 'utf-8-lossy' ? encoder.encode(utf8Lenient.decode(line)) : line;
    parts.push(part);
    total += part.length;
    from = end;
  }
  return total;
}

/**
 * UTF-16 without BOM: ASCII characters (delimiters, digits, newlines) put NULs on one parity.
 * CJK characters rarely do (一 is U+4E00), so we ask for a clear majority, not all.
 */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? nulOdd++ : nulEven++);
  if (nulOdd > n / 50 && nulOdd > 2 * nulEven) return 'utf-16le';
  if (nulEven > n / 50 && nulEven > 2 * nulOdd) return 'utf-16be';
  return null;
}

/** True if the bytes are valid UTF-8 (a sequence cut at the end of a partial head is allowed). */
export function isUtf8(bytes: Uint8Array, complete = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 bytes without BOM, ready for DuckDB; returns the input itself when already UTF-8. */
export function toUtf8(bytes: Uint8Array, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return bytes;
    case 'utf-8-bom':
      return bytes.subarray(3);
    case 'utf-8+gb18030':
    case 'utf-8-lossy': {
      const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
      const parts: Uint8Array[] = [];
      return joinBytes(parts, linesToUtf8(body, 0, body.length, parts));
    }
    default:
      return new TextEncoder().encode(decodeText(bytes, encoding));
  }
}

const SLICE_BYTES = 4 << 20;

/**
 * toUtf8 for big files: decodes and re-encodes slice by slice, yielding between slices, so a
 * 265 MB GBK ledger never holds the main thread for seconds (nor as one huge JS string).
 * A file read line by line adds the kinds of its lines to `seen`.
 */
export async function toUtf8Sliced(bytes: Uint8Array, encoding: TextEncodingName, seen?: Set<LineKind>): Promise<Uint8Array> {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return toUtf8(bytes, encoding);
  if (encoding === 'utf-8+gb18030' || encoding === 'utf-8-lossy') {
    // Slices end at a line end, so each line is judged whole.
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    const parts: Uint8Array[] = [];
    let total = 0;
    for (let at = 0; at < body.length; ) {
      const lf = body.indexOf(LF, Math.min(body.length, at + SLICE_BYTES));
      const end = lf < 0 ? body.length : lf + 1;
      total += linesToUtf8(body, at, end, parts, seen);
      at = end;
      await yieldToEventLoop();
    }
    return joinBytes(parts, total);
  }
  if (bytes.length <= SLICE_BYTES) return toUtf8(bytes, encoding);
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const end = Math.min(bytes.length, at + SLICE_BYTES);
    const part = encoder.encode(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
    parts.push(part);
    total += part.length;
    await yieldToEventLoop();
  }
  const out = new Uint8Array(total);
  let at = 0;
  let since = performance.now();
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
    if (performance.now() - since > 25) await yieldToEventLoop(), (since = performance.now());
  }
  return out;
}

/**
 * True when UTF-8 bytes hold U+FFFD, the character a decoder puts for bytes it cannot read (a
 * GBK file with a few broken bytes decodes, without an error, to 意识��形态). Read 4 MB at a time.
 */
export async function holdsReplacement(utf8: Uint8Array): Promise<boolean> {
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < utf8.length; at += SLICE_BYTES) {
    const end = Math.min(utf8.length, at + SLICE_BYTES);
    if (decoder.decode(utf8.subarray(at, end), { stream: end < utf8.length }).includes('\uFFFD')) return true;
    await yieldToEventLoop();
  }
  return false;
}

/** The text of the bytes in the given encoding (BOM removed). */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'utf-8+gb18030' || encoding === 'utf-8-lossy') return new TextDecoder('utf-8').decode(toUtf8(bytes, encoding));
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // TextDecoder strips a BOM of its own encoding (ignoreBOM defaults to false).
  return new TextDecoder(label).decode(bytes);
}
