/**
 * SheetJS's code-page tables, for a legacy binary workbook (sniff.ts isLegacyBinaryWorkbook). Excel
 * 5.0/95 (BIFF5, still what PHP's Spreadsheet_Excel_Writer writes by default) and BIFF2–4 keep their
 * text in the code page of the system that wrote them, 936 (GBK) on Chinese Windows; without the
 * tables SheetJS reads it one byte a character, so every Chinese header came out garbled and the
 * file was said to have no header. BIFF8 (.xls since Excel 97) stores UTF-16 and reads alike either
 * way. The tables are ~470 KB: loaded once, and only when such a file arrives.
 */
type XlsxModule = typeof import('@e965/xlsx');

let loaded: Promise<void> | undefined;

/** Gives SheetJS its code-page tables (once per module instance). */
export function loadCodePages(X: XlsxModule): Promise<void> {
  loaded ??= import('@e965/xlsx/dist/cpexcel.full.mjs').then((cptable) => X.set_cptable(cptable));
  return loaded;
}
