/**
 * What a cell's number format says its number is (SheetJS's `z`): a date, an id, a fixed-decimal
 * value, or a code shown as words. Each answer is cached by format: a sheet has a handful of
 * formats and millions of cells.
 */
type XlsxModule = typeof import('@e965/xlsx');

/** A classifier of formats that reads each format once. */
function byFormat<T>(classify: (z: string) => T): (z: string) => T {
  const seen = new Map<string, T>();
  return (z) => {
    if (!seen.has(z)) seen.set(z, classify(z));
    return seen.get(z) as T;
  };
}

// SSF.is_date parses the format string at every call; the module is the same at every call too.
let dateFormat: ((z: string) => boolean) | null = null;
/** A date format, as SheetJS reads it. */
export function isDateFormat(X: XlsxModule, z: string): boolean {
  dateFormat ??= byFormat((f) => !!X.SSF.is_date(f));
  return dateFormat(z);
}

/**
 * The decimal places of a fixed-decimal number format (0.0, 0.00, 0.00_ , 0.00;[Red]-0.00): its
 * positive section, padding and colour aside, is 0 and zeros after the point. Null for any other.
 */
export const fixedDecimals = byFormat((z): number | null => {
  const positive = z.split(';')[0].replace(/_.|\[[^\]]*\]/g, '').trim();
  const m = /^0\.(0+)$/.exec(positive);
  return m ? m[1].length : null;
});

/** A number format that makes an integer an id: zeros only (000), or zeros with quoted text ("YK"000). */
export const isIdFormat = byFormat((z) => {
  const literal = /"[^"]*"|\\./.test(z);
  const bare = z.replace(/"[^"]*"|\\./g, '');
  return /^0+$/.test(bare) && (literal || bare.length > 1);
});

/**
 * A format every section of which is quoted text alone, conditions and colours aside
 * ([=1]"已完成";[=2]"正在推进";"未完成"): the number is a code, and the text Excel shows is its meaning.
 */
export const isLabelFormat = byFormat((z) => {
  const sections = z.split(';').map((x) => x.replace(/\[[^\]]*\]/g, '').trim());
  return sections.some((x) => x !== '') && sections.every((x) => x === '' || /^"[^"]*"$/.test(x));
});
