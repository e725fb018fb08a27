import type { MetricParams } from '../domain/params';
import { LEDGER_FIELDS } from '../domain/fields';
import { FINDINGS_COLUMNS } from '../db/schema';
import { scopedFindings, type Filters } from './filters';
import { ident, str } from './sql';
import { NOT_FOR_PUBLICATION_PATTERN } from '../domain/vocabulary/disclosure';

/** Columns of the findings export: every ledger column the table stores, with its Chinese header. */
export function exportColumns(lang: 'zh' | 'en'): { key: string; label: string }[] {
  const stored = new Set(FINDINGS_COLUMNS.map(([name]) => name));
  const cols = LEDGER_FIELDS.filter((f) => stored.has(f.key)).map((f) => ({ key: f.key, label: lang === 'zh' ? f.header : f.key }));
  // Normalised values the ledger has no header for, beside their raw text.
  const extra: [string, string][] = [
    ['status', '整改状态（规范化）'], ['status_t', '截至日状态'], ['category_raw', '问题类别（原文）'],
    ['round_key', '轮次键'], ['dataset_id', '数据集'], ['source_row', '源文件行号'],
  ];
  return [...cols, ...extra.map(([key, zh]) => ({ key, label: lang === 'zh' ? zh : key }))];
}

/**
 * The filtered findings S at T for CSV/XLSX export, in a stable order. With `forPublication`,
 * items marked 拟不公开 (not for publication) are left out (DOMAIN.md §7.7).
 */
export function findingsExportQuery(filters: Filters, _params: MetricParams, opts: { forPublication?: boolean } = {}): string {
  const cols = exportColumns('en').map((c) => ident(c.key)).join(', ');
  const publication = opts.forPublication ? `WHERE NOT regexp_matches(coalesce(disclose, ''), ${str(NOT_FOR_PUBLICATION_PATTERN)})` : '';
  return `SELECT ${cols} FROM (${scopedFindings(filters)}) ${publication}
ORDER BY county, feedback_date NULLS LAST, round_key, unit_name, source_row, finding_id`;
}
