/**
 * Text decoding for CSV/TXT/JSON. DuckDB's read_csv only reads UTF-8 well, so every other
 * encoding (GBK/GB18030 from Excel on Chinese Windows, UTF-16 from "Unicode text") is turned
 * into UTF-8 bytes here, and a UTF-8 BOM is stripped. Nothing is ever decoded lossily: a file
 * that is neither valid UTF-8 nor UTF-16 is read as GB18030, which maps every byte sequence.
 */
import { yieldToEventLoop } from '../db/slices';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

// Checking the head keeps a 265 MB UTF-8 file off the JS heap; the CSV reader re-checks the
// rest and the caller retries as GB18030 if DuckDB reports invalid unicode further down.
const SNIFF_BYTES = 1 << 20;

/** Guesses the encoding from a BOM, NUL patterns, then UTF-8 validity of the first megabyte. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = guessUtf16(bytes);
  if (utf16) return utf16;
  return isUtf8(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES) ? 'utf-8' : 'gb18030';
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

/** The text of the bytes in the given encoding (BOM removed). */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  // TextDecoder strips a BOM of its own encoding (ignoreBOM defaults to false).
  return new TextDecoder(label).decode(bytes);
}
