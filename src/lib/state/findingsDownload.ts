import type { Filters } from '../queries/filters';
import { exportColumns, findingsExportQuery, type ExportColumn, type FindingsExportOptions } from '../queries/findingsExport';
import { fieldByKey } from '../domain/fields';
import { translate, type Lang } from '../i18n/translate';
import { busy } from './busy';
import { database } from './database.svelte';
import { viewStore } from './view.svelte';
import { locale } from './locale.svelte';
import { downloadTable } from './tableDownload';
import { readableRow } from './readableRow';
import { drillLabel, filterSummary, scopeValues } from './filterSummary';
import type { DrillDown } from './urlState';
import { datasetNames, findingsAboutRows } from '../export/about';
import { scopeTag } from '../text/fileName';

/** The export's columns with headers in the UI language: the ledger's own names, then the app's. */
export function findingsExportColumns(lang: Lang): ExportColumn[] {
  return exportColumns(lang).map((c) => ({
    ...c, label: lang === 'zh' ? c.label : translate(lang, fieldByKey(c.key) ? `field.${c.key}` : `detail.key.${c.key}`),
  }));
}

/** What the table was narrowed by, as the screen shows it: the view's filters and the drill-down. */
export interface FindingsScope {
  view: Filters;
  drill: DrillDown | null;
}

/**
 * Downloads the filtered findings S at T as CSV (UTF-8 BOM) or XLSX, formulas neutralised, in the
 * table's sort order. For publication, items marked 拟不公开 are left out (DOMAIN.md §7.7) and
 * the file name says so. `filters` are the table's (drill-down applied); the name carries their
 * values and the search as a scope tag, and the XLSX says in its About sheet what the file holds
 * (`scope`: the view's filters and the drill-down apart, in the screen's words). A failed export
 * rejects with a message for the caller to show.
 */
export async function exportFindings(
  filters: Filters, format: 'csv' | 'xlsx', opts: FindingsExportOptions = {}, scope: FindingsScope = { view: filters, drill: null },
): Promise<void> {
  const engine = database.engine;
  if (!engine) return;
  const lang = locale.lang;
  await busy.track(async () => {
    const rows = await engine.query(findingsExportQuery(filters, viewStore.params, opts));
    const what = translate(lang, 'table.exportName') + (opts.forPublication ? `-${translate(lang, 'table.exportPublicName')}` : '');
    const search = opts.search?.trim() ?? '';
    const about = findingsAboutRows({
      asOf: filters.asOf, filters: filterSummary(scope.view, lang), drill: scope.drill ? drillLabel(scope.drill.chart, scope.drill.filters, lang) : '',
      search, forPublication: !!opts.forPublication, rows: rows.length, exportedAt: new Date(), datasets: datasetNames(database.datasets),
    }, lang);
    const tag = scopeTag([...scopeValues(filters, lang), search]);
    await downloadTable(rows.map((r) => readableRow(r, lang)), findingsExportColumns(lang), format, what, lang, { asOf: filters.asOf, tag, about });
  });
}
