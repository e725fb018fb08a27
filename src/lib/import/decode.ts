/**
 * Text decoding for CSV/TXT/JSON. DuckDB's read_csv only reads UTF-8 well, so every other
 * encoding (GBK/GB18030 from Excel on Chinese Windows, UTF-16 from "Unicode text") is turned
 * into UTF-8 bytes here, and a UTF-8 BOM is stripped. Nothing is ever decoded lossily: a file
 * that is neither valid UTF-8 nor UTF-16 is read as GB18030, which maps every byte sequence, or,
 * when some of its lines are Chinese in UTF-8, line by line (lines of both pasted into one file).
 */
import { yieldToEventLoop } from '../db/slices';

/** 'utf-8+gb18030': lines of both, as when a UTF-8 ledger and a GBK one are pasted into one file. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'utf-8+gb18030';

// Checking the head keeps a 265 MB UTF-8 file off the JS heap; the CSV reader re-checks the
// rest and the caller retries as GB18030 if DuckDB reports invalid unicode further down.
const SNIFF_BYTES = 1 << 20;

/** True when the bytes start with the UTF-8 byte order mark. */
export const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Guesses the encoding from a BOM, NUL patterns, then UTF-8 validity of the first megabyte. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (hasUtf8Bom(bytes)) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = guessUtf16(bytes);
  if (utf16) return utf16;
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (isUtf8(head, bytes.length <= SNIFF_BYTES)) return 'utf-8';
  return hasUtf8Line(head) ? 'utf-8+gb18030' : 'gb18030';
}

const LF = 0x0a;
const CJK = /[\u3000-\u9fff]/;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How one line is written: ASCII only, UTF-8 (valid, with Chinese in it), or else GB18030. GBK
 * bytes are now and then valid UTF-8 by accident, but then decode to no Chinese character.
 */
function lineKind(bytes: Uint8Array, from: number, to: number): 'ascii' | 'utf-8' | 'gb18030' {
  let i = from;
  while (i < to && bytes[i] < 0x80) i++;
  if (i === to) return 'ascii';
  try {
    return CJK.test(fatalUtf8.decode(bytes.subarray(from, to))) ? 'utf-8' : 'gb18030';
  } catch {
    return 'gb18030';
  }
}

/** True when some complete line of the bytes is Chinese in UTF-8 (see lineKind). */
function hasUtf8Line(bytes: Uint8Array): boolean {
  for (let from = 0; from < bytes.length; ) {
    const end = bytes.indexOf(LF, from);
    if (end < 0) return false;
    if (lineKind(bytes, from, end) === 'utf-8') return true;
    from = end + 1;
  }
  return false;
}

/** UTF-8 bytes of the whole lines in [from, to): UTF-8 and ASCII lines as they are, the others from GB18030. */
function linesToUtf8(bytes: Uint8Array, from: number, to: number, parts: Uint8Array[]): number {
  const gbk = new TextDecoder('gb18030');
  const encoder = new TextEncoder();
  let total = 0;
  while (from < to) {
    const lf = bytes.indexOf(LF, from);
    const end = lf < 0 || lf >= to ? to : lf + 1;
    const line = bytes.subarray(from, end);
    const part = lineKind(bytes, from, end) === 'gb18030' ? encoder.encode(gbk.decode(line)) : line;
    parts.push(part);
    total += part.length;
    from = end;
  }
  return total;
}

/** Concatenates parts of a known total length. */
function joinParts(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) out.set(p, at), (at += p.length);
  return out;
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
    case 'utf-8+gb18030': {
      const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
      const parts: Uint8Array[] = [];
      return joinParts(parts, linesToUtf8(body, 0, body.length, parts));
    }
    default:
      return new TextEncoder().encode(decodeText(bytes, encoding));
  }
}

const SLICE_BYTES = 4 << 20;

/**
 * toUtf8 for big files: decodes and re-encodes slice by slice, yielding between slices, so a
 * 265 MB GBK ledger never holds the main thread for seconds (nor as one huge JS string).
 */
export async function toUtf8Sliced(bytes: Uint8Array, encoding: TextEncodingName): Promise<Uint8Array> {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom' || bytes.length <= SLICE_BYTES) return toUtf8(bytes, encoding);
  if (encoding === 'utf-8+gb18030') {
    // Slices end at a line end, so each line is judged whole.
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    const parts: Uint8Array[] = [];
    let total = 0;
    for (let at = 0; at < body.length; ) {
      const lf = body.indexOf(LF, Math.min(body.length, at + SLICE_BYTES));
      const end = lf < 0 ? body.length : lf + 1;
      total += linesToUtf8(body, at, end, parts);
      at = end;
      await yieldToEventLoop();
    }
    return joinParts(parts, total);
  }
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
  if (encoding === 'utf-8+gb18030') return new TextDecoder('utf-8').decode(toUtf8(bytes, encoding));
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // TextDecoder strips a BOM of its own encoding (ignoreBOM defaults to false).
  return new TextDecoder(label).decode(bytes);
}
