import type { Filters } from '../queries/filters';
import { exportColumns, findingsExportQuery } from '../queries/findingsExport';
import { translate } from '../i18n/translate';
import { busy } from './busy';
import { database } from './database.svelte';
import { viewStore } from './view.svelte';
import { locale } from './locale.svelte';
import { downloadTable } from './tableDownload';

/** Downloads the filtered findings S at T as CSV (UTF-8 BOM) or XLSX, formulas neutralised. */
export async function exportFindings(filters: Filters, format: 'csv' | 'xlsx'): Promise<void> {
  const engine = database.engine;
  if (!engine) return;
  await busy.track(async () => {
    const rows = await engine.query(findingsExportQuery(filters, viewStore.params));
    const what = translate(locale.lang, 'table.exportName');
    await downloadTable(rows, exportColumns(locale.lang), format, what, filters.asOf);
  });
}
