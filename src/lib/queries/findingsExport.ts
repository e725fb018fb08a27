import type { MetricParams } from '../domain/params';
import { LEDGER_FIELDS } from '../domain/fields';
import { FINDINGS_COLUMNS } from '../db/schema';
import { type Filters } from './filters';
import { findingsOrderBy, searched, type FindingsTableOptions } from './findingsTable';
import { ident, str } from './sql';
import { NOT_FOR_PUBLICATION_PATTERN } from '../domain/vocabulary/disclosure';

/** A column of the findings export; `date` marks calendar dates (YYYY-MM-DD), written as dates in XLSX. */
export interface ExportColumn {
  key: string;
  label: string;
  type?: 'date';
}

const DATE_KEYS = new Set(FINDINGS_COLUMNS.filter(([, type]) => type.startsWith('DATE')).map(([name]) => name));

/**
 * Columns of the findings export: every ledger column the table stores, with its Chinese header,
 * then the normalised values and where the row came from (file, sheet, row). The app's own keys
 * (轮次键, 数据集) stay out, as in the finding drawer: they mean nothing to the reader.
 */
export function exportColumns(lang: 'zh' | 'en'): ExportColumn[] {
  const stored = new Set(FINDINGS_COLUMNS.map(([name]) => name));
  const cols = LEDGER_FIELDS.filter((f) => stored.has(f.key)).map((f) => ({ key: f.key, label: lang === 'zh' ? f.header : f.key }));
  // Normalised values the ledger has no header for, beside their raw text.
  const extra: [string, string][] = [
    ['status', '整改状态（规范化）'], ['status_t', '截至日状态'], ['category_raw', '问题类别（原文）'],
    ['file_name', '来源文件'], ['source_sheet', '来源工作表'], ['source_row', '源文件行号'],
  ];
  return [...cols, ...extra.map(([key, zh]) => ({ key, label: lang === 'zh' ? zh : key }))]
    .map((c) => (DATE_KEYS.has(c.key) ? { ...c, type: 'date' as const } : c));
}

/** Options of the findings export: for publication or not, and the table's current sort. */
export interface FindingsExportOptions extends Pick<FindingsTableOptions, 'sort' | 'direction' | 'search'> {
  forPublication?: boolean;
}

/**
 * The filtered findings S at T for CSV/XLSX export, in the order the table shows them (its sort
 * column, ties by dataset and id). The source file and sheet come from the dataset. With
 * `forPublication`, items marked 拟不公开 (not for publication) are left out (DOMAIN.md §7.7).
 */
export function findingsExportQuery(filters: Filters, params: MetricParams, opts: FindingsExportOptions = {}): string {
  const cols = exportColumns('en').map((c) => ident(c.key)).join(', ');
  const publication = opts.forPublication ? `WHERE NOT regexp_matches(coalesce(disclose, ''), ${str(NOT_FOR_PUBLICATION_PATTERN)})` : '';
  return `SELECT ${cols} FROM (
  SELECT s.* REPLACE (coalesce(s.source_sheet, d.sheet) AS source_sheet), d.file_name
  FROM (${searched(filters, params, opts.search)}) s LEFT JOIN datasets d USING (dataset_id)
) ${publication}
${findingsOrderBy(opts)}`;
}
