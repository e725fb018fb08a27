import { neutraliseCell } from './neutralise';

/**
 * Rows as an XLSX workbook (one sheet), formula-like text neutralised, numbers kept numeric.
 * The XLSX library is loaded only when an export asks for it.
 */
export async function toXlsx(rows: Record<string, unknown>[], columns: { key: string; label: string }[], sheetName: string): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const aoa: unknown[][] = [columns.map((c) => c.label)];
  for (const row of rows) aoa.push(columns.map((c) => neutraliseCell(row[c.key] ?? null)));
  const sheet = XLSX.utils.aoa_to_sheet(aoa);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'Sheet1');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
