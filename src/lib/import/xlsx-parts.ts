/**
 * The XML parts of an XLSX. Rewritten before SheetJS reads it, where what SheetJS would make of a
 * part is wrong (zh-CN built-in formats, ISO date cells): the zip is opened with SheetJS' own CFB,
 * the matching parts rewritten as text, and the zip written again with its parts stored. Checked
 * after it read them, for a worksheet cut short (truncatedSheetPart).
 */
type XlsxModule = typeof import('@e965/xlsx');

/** The path of a worksheet part in an XLSX's zip (xl/worksheets/sheet1.xml). */
export const WORKSHEET_PART = /(^|\/)worksheets\/[^/]+\.xml$/i;

/** A part's XML text. */
export const partText = (raw: Uint8Array) => new TextDecoder().decode(raw);

/**
 * The XLSX bytes with every part whose path matches `part` passed through `rewrite`, which gets the
 * part's bytes and gives its new XML text, or null to leave it as it is; null when no part changed
 * or the bytes are no zip.
 */
export function rewriteXlsxParts(X: XlsxModule, bytes: Uint8Array, part: RegExp, rewrite: (raw: Uint8Array) => string | null): Uint8Array | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const cfb = X.CFB.read(bytes, { type: 'array' });
  let changed = false;
  cfb.FullPaths.forEach((path: string, i: number) => {
    const entry = cfb.FileIndex[i];
    if (!part.test(path) || !entry?.content) return;
    const raw = entry.content instanceof Uint8Array ? entry.content : new Uint8Array(entry.content as ArrayLike<number>);
    const rewritten = rewrite(raw);
    if (rewritten === null) return;
    const content = new TextEncoder().encode(rewritten);
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
export function truncatedSheetPart(files: Record<string, { content?: unknown }> | undefined): string | null {
  for (const [path, f] of Object.entries(files ?? {})) {
    if (!WORKSHEET_PART.test(path) || !(f?.content instanceof Uint8Array)) continue;
    const tail = new TextDecoder().decode(f.content.subarray(Math.max(0, f.content.length - 256)));
    if (!SHEET_END.test(tail)) return path;
  }
  return null;
}
