import { toCsv } from '../export/csv';
import { toXlsx, type TableColumn } from '../export/xlsx';
import { translate, type Lang } from '../i18n/translate';
import { downloadBlob } from '../render/download';
import { exportFileName } from '../text/fileName';

/**
 * Downloads rows as CSV (UTF-8 BOM) or XLSX, file named by what and when. A failure rejects with
 * an Error whose message, in `lang`, says the export failed and why (the original as its cause),
 * for the caller to show: a button's click handler would otherwise drop it and nothing happens.
 */
export async function downloadTable(rows: Record<string, unknown>[], columns: TableColumn[], format: 'csv' | 'xlsx', what: string, lang: Lang, asOf?: string): Promise<void> {
  const name = exportFileName([what, asOf ?? new Date().toISOString().slice(0, 10)], format);
  try {
    if (format === 'csv') {
      downloadBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), name);
    } else {
      const bytes = await toXlsx(rows, columns, what, lang);
      downloadBlob(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(translate(lang, 'export.failed', { detail }), { cause: e });
  }
}
