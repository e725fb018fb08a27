import { stripXmlIllegal } from '../../text/xml';
/**
 * What the DOCX and PPTX builders share: text they can both write (xmlSafe), and geometry: pictures keep their aspect ratio inside a box,
 * table columns share the width by how much text they hold. Pure, so it is tested on its own.
 */

/** A width and a height in one unit (pixels, inches: the caller's). */
export interface Size {
  width: number;
  height: number;
}

/**
 * The largest size with the picture's aspect ratio that fits in the box. A picture with no usable
 * size (0 or NaN) fills the box's width at the chart export's 1000×560 ratio rather than vanishing.
 */
export function fitInBox(widthPx: number, heightPx: number, box: Size): Size {
  const ok = widthPx > 0 && heightPx > 0 && Number.isFinite(widthPx / heightPx);
  const ratio = ok ? widthPx / heightPx : 1000 / 560;
  const width = Math.min(box.width, box.height * ratio);
  return { width, height: width / ratio };
}

// A Han character is about twice as wide as a Latin letter or digit in the fonts used here.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Printed width of a cell's text in half-em units (a Han character counts 2, a digit 1). */
export function textWidthUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += WIDE.test(ch) ? 2 : 1;
  return units;
}

/** A table cell as printed: null shows as a dash, numbers as written. */
export function cellText(value: string | number | null): string {
  return value === null || value === undefined ? '—' : String(value);
}

/**
 * Column widths in percent (summing to 100) proportional to each column's widest text, clamped so
 * a long text column cannot squeeze a number column to nothing and a tiny column still fits its
 * header. Long cells wrap inside their column instead of pushing the table off the page.
 */
export function columnPercents(columns: string[], rows: (string | number | null)[][]): number[] {
  if (columns.length === 0) return [];
  const weights = columns.map((header, i) => {
    let widest = textWidthUnits(header);
    for (const row of rows) widest = Math.max(widest, textWidthUnits(cellText(row[i] ?? null)));
    return Math.min(Math.max(widest, 4), 40);
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const percents = weights.map((w) => Math.round((w / total) * 1000) / 10);
  // Rounding may leave the sum a little off 100: the widest column absorbs the difference.
  const widest = weights.indexOf(Math.max(...weights));
  percents[widest] = Math.round((percents[widest] + 100 - percents.reduce((a, b) => a + b, 0)) * 10) / 10;
  return percents;
}

/** Base64 of raw bytes, the same in Node and the browser (pptxgenjs takes pictures as data URLs). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** The definitions to print once each: the pack's list, then any chart definition not in it. */
export function uniqueDefinitions(packDefinitions: string[], chartDefinitions: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of [...packDefinitions, ...chartDefinitions]) {
    const text = d.trim();
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

/**
 * Every string of a pack with the characters XML 1.0 forbids removed: pptxgenjs escapes & < > but
 * writes control characters as they are (a form feed in a county name), and the docx library drops
 * C0 controls but not U+FFFE or a lone surrogate; either way the part no longer parses. Bytes (the
 * PNGs) are left alone.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return stripXmlIllegal(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  }
  return value;
}
