import { toCsv } from '../export/csv';
import { toXlsx, type TableColumn } from '../export/xlsx';
import { downloadBlob, exportFileName } from '../render/download';

/** Downloads rows as CSV (UTF-8 BOM) or XLSX, file named by what and when. */
export async function downloadTable(rows: Record<string, unknown>[], columns: TableColumn[], format: 'csv' | 'xlsx', what: string, asOf?: string): Promise<void> {
  const name = exportFileName([what, asOf ?? new Date().toISOString().slice(0, 10)], format);
  if (format === 'csv') {
    downloadBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), name);
  } else {
    const bytes = await toXlsx(rows, columns, what);
    downloadBlob(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
  }
}
