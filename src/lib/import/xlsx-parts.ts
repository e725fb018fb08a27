/**
 * The XML parts of an XLSX. Rewritten before SheetJS reads it, where what SheetJS would make of a
 * part is wrong (zh-CN built-in formats, ISO date cells): the zip is opened with SheetJS' own CFB,
 * the matching parts rewritten as text, and the zip written again with its parts stored. Checked
 * after it read them, for a worksheet cut short (truncatedSheetPart).
 */
type XlsxModule = typeof import('@e965/xlsx');

/** The path of a worksheet part in an XLSX's zip (xl/worksheets/sheet1.xml). */
export const WORKSHEET_PART = /(^|\/)worksheets\/[^/]+\.xml$/i;

/** The parts of a workbook SheetJS read with bookFiles, by path (its unzipped bytes in `content`). */
export type BookFiles = Record<string, { content?: unknown }>;

/** A part's XML text. */
export const partText = (raw: Uint8Array) => new TextDecoder().decode(raw);

/**
 * The XLSX (or XLSB) bytes with every part whose path matches `part` passed through `rewrite`, which
 * gets the part's bytes and gives its new XML text (or, for a binary part, bytes), or null to leave
 * it as it is; null when no part changed or the bytes are no zip.
 */
export function rewriteXlsxParts(X: XlsxModule, bytes: Uint8Array, part: RegExp, rewrite: (raw: Uint8Array) => string | Uint8Array | null): Uint8Array | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const cfb = X.CFB.read(bytes, { type: 'array' });
  let changed = false;
  cfb.FullPaths.forEach((path: string, i: number) => {
    const entry = cfb.FileIndex[i];
    if (!part.test(path) || !entry?.content) return;
    const raw = entry.content instanceof Uint8Array ? entry.content : new Uint8Array(entry.content as ArrayLike<number>);
    const rewritten = rewrite(raw);
    if (rewritten === null) return;
    const content = typeof rewritten === 'string' ? new TextEncoder().encode(rewritten) : rewritten;
    entry.content = content as unknown as typeof entry.content;
    entry.size = content.length;
    changed = true;
  });
  if (!changed) return null;
  const out = X.CFB.write(cfb, { fileType: 'zip', type: 'array', compression: false }) as ArrayBuffer | Uint8Array;
  return out instanceof Uint8Array ? out : new Uint8Array(out);
}

// The root element's end tag, in a part's last bytes (a comment may follow it).
const SHEET_END = /<\/(?:\w+:)?worksheet>/;

/**
 * The path of a worksheet part whose XML stops before its end (a zip written whole around a cut part):
 * SheetJS reads what is there, often nothing, and the file would be called empty rather than damaged.
 * Only the part's last bytes are decoded.
 */
export function truncatedSheetPart(files: BookFiles | undefined): string | null {
  for (const [path, f] of Object.entries(files ?? {})) {
    if (!WORKSHEET_PART.test(path) || !(f?.content instanceof Uint8Array)) continue;
    const tail = new TextDecoder().decode(f.content.subarray(Math.max(0, f.content.length - 256)));
    if (!SHEET_END.test(tail)) return path;
  }
  return null;
}

/**
 * The largest part of a zip as its central directory states it (name and unpacked bytes), read
 * before anything is unpacked; null when the bytes hold no readable directory (SheetJS then says
 * what is wrong). A ZIP64 size is read from its extra field.
 */
export function largestZipPart(bytes: Uint8Array): { name: string; size: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = u16(end + 10);
  let at = u32(end + 16);
  let largest: { name: string; size: number } | null = null;
  for (let i = 0; i < entries && at + 46 <= bytes.length && u32(at) === 0x02014b50; i++) {
    const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
    let size = u32(at + 24);
    if (size === 0xffffffff) {
      // ZIP64: the extra field 0x0001 holds the unpacked size first.
      for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength && x + 4 <= bytes.length; x += 4 + u16(x + 2)) {
        if (u16(x) === 0x0001 && x + 12 <= bytes.length) size = Number(view.getBigUint64(x + 4, true));
      }
    }
    if (!largest || size > largest.size) {
      largest = { name: new TextDecoder().decode(bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength))), size };
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return largest;
}
