/**
 * What a cell's number format says its number is (SheetJS's `z`): a date, an id, a fixed-decimal
 * value, or a code shown as words. Each answer is cached: a sheet has a handful of formats and
 * millions of cells.
 */
type XlsxModule = typeof import('@e965/xlsx');

// SSF.is_date parses the format string at every call.
const dateFormats = new Map<string, boolean>();
export function isDateFormat(X: XlsxModule, z: string): boolean {
  let v = dateFormats.get(z);
  if (v === undefined) {
    v = !!X.SSF.is_date(z);
    dateFormats.set(z, v);
  }
  return v;
}

const decimalFormats = new Map<string, number | null>();
/**
 * The decimal places of a fixed-decimal number format (0.0, 0.00, 0.00_ , 0.00;[Red]-0.00): its
 * positive section, padding and colour aside, is 0 and zeros after the point. Null for any other.
 */
export function fixedDecimals(z: string): number | null {
  let v = decimalFormats.get(z);
  if (v === undefined) {
    const positive = z.split(';')[0].replace(/_.|\[[^\]]*\]/g, '').trim();
    const m = /^0\.(0+)$/.exec(positive);
    v = m ? m[1].length : null;
    decimalFormats.set(z, v);
  }
  return v;
}

const idFormats = new Map<string, boolean>();
/** A number format that makes an integer an id: zeros only (000), or zeros with quoted text ("YK"000). */
export function isIdFormat(z: string): boolean {
  let v = idFormats.get(z);
  if (v === undefined) {
    const literal = /"[^"]*"|\\./.test(z);
    const bare = z.replace(/"[^"]*"|\\./g, '');
    v = /^0+$/.test(bare) && (literal || bare.length > 1);
    idFormats.set(z, v);
  }
  return v;
}

const labelFormats = new Map<string, boolean>();
/**
 * A format every section of which is quoted text alone, conditions and colours aside
 * ([=1]"已完成";[=2]"正在推进";"未完成"): the number is a code, and the text Excel shows is its meaning.
 */
export function isLabelFormat(z: string): boolean {
  let v = labelFormats.get(z);
  if (v === undefined) {
    const sections = z.split(';').map((x) => x.replace(/\[[^\]]*\]/g, '').trim());
    v = sections.some((x) => x !== '') && sections.every((x) => x === '' || /^"[^"]*"$/.test(x));
    labelFormats.set(z, v);
  }
  return v;
}
