import { toCsv } from '../export/csv';
import { toXlsx, type TableColumn } from '../export/xlsx';
import { datasetNames, localTimestamp, queryAboutRows, type AboutRow } from '../export/about';
import { translate, type Lang } from '../i18n/translate';
import { downloadBlob } from '../render/download';
import { exportFileName } from '../text/fileName';
import { database } from './database.svelte';

/** What an export's file says about itself: as-of date and scope tag in its name, the XLSX's About sheet. */
export interface TableDownloadLabels {
  /** The as-of date the rows hold; the export's own (local) day when they hold none. */
  asOf?: string;
  /** The scope tag (`scopeTag`) the name carries after the date; '' or absent when nothing narrows the rows. */
  tag?: string;
  /** The XLSX's About sheet (说明); the CSV stays one plain table. */
  about?: AboutRow[];
}

/**
 * Downloads rows as CSV (UTF-8 BOM) or XLSX, file named by what, when and the scope tag. A failure
 * rejects with an Error whose message, in `lang`, says the export failed and why (the original as
 * its cause), for the caller to show: a button's click handler would otherwise drop it and nothing happens.
 */
export async function downloadTable(
  rows: Record<string, unknown>[], columns: TableColumn[], format: 'csv' | 'xlsx', what: string, lang: Lang, labels: TableDownloadLabels = {},
): Promise<void> {
  const name = exportFileName([what, labels.asOf ?? localTimestamp(new Date()).slice(0, 10), labels.tag ?? ''], format);
  try {
    if (format === 'csv') {
      downloadBlob(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), name);
    } else {
      const bytes = await toXlsx(rows, columns, what, lang, labels.about);
      downloadBlob(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), name);
    }
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(translate(lang, 'export.failed', { detail }), { cause: e });
  }
}

/**
 * Downloads an SQL console result as CSV or XLSX; the XLSX's About sheet names `sql`, the statement
 * that produced the rows (not what the editor holds now), neutralised like any user text.
 */
export function downloadQueryResult(rows: Record<string, unknown>[], columns: TableColumn[], format: 'csv' | 'xlsx', sql: string, lang: Lang): Promise<void> {
  const about = queryAboutRows({ sql, rows: rows.length, exportedAt: new Date(), datasets: datasetNames(database.datasets) }, lang);
  return downloadTable(rows, columns, format, translate(lang, 'sql.file'), lang, { about });
}
