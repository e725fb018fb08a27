import type { Engine } from '../db/types';
import { translate, type Lang } from '../i18n/translate';
import { exportFileName } from '../text/fileName';
import { downloadBlob } from '../render/download';
import { busy } from './busy';
import { rejectedCsv } from '../import/report';
import { datasetErrorsQuery, rejectedRowsQuery, type DatasetIssueRow, type StoredRejectedRow } from '../queries/catalogue';

/**
 * The rejected rows of a stored dataset as CSV (rejectedCsv), with the reasons its stored report
 * gives: the download the import's report offers, still there after the report is closed or the
 * page reloaded.
 */
export async function storedRejectedCsv(engine: Engine, datasetId: string, lang: Lang): Promise<string> {
  const rows = await engine.query<StoredRejectedRow>(rejectedRowsQuery(datasetId));
  const issues = await engine.query<DatasetIssueRow>(datasetErrorsQuery(datasetId));
  return rejectedCsv(
    rows.map((r) => ({ row: r.source_row, cells: JSON.parse(r.cells) as Record<string, string | null>, reasons: [] })),
    issues.map((i) => ({
      row: i.source_row ?? 0, severity: 'error' as const, message: i.message ?? `import.issue.${i.code}`,
      vars: { row: i.source_row ?? '', column: i.column_name ?? '', value: i.value ?? '' },
    })),
    lang,
  );
}

/**
 * The download's name: the ledger's name without its extension, its sheet and the words 被拒绝的行
 * (台账_Sheet1_被拒绝的行.csv, not 台账.csv_Sheet1_…).
 */
export function rejectedRowsFileName(file: string, sheet: string | null | undefined, lang: Lang): string {
  return exportFileName([file.replace(/\.[A-Za-z0-9]{1,8}$/, ''), sheet ?? '', translate(lang, 'report.rejectedFile')], 'csv');
}

/** Saves a stored dataset's rejected rows (storedRejectedCsv) under rejectedRowsFileName, the page busy meanwhile. */
export async function downloadRejectedRows(engine: Engine, d: { datasetId: string; file: string; sheet?: string | null }, lang: Lang): Promise<void> {
  const csv = await busy.track(() => storedRejectedCsv(engine, d.datasetId, lang));
  downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), rejectedRowsFileName(d.file, d.sheet, lang));
}
