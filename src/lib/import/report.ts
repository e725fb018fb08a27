import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { severityRankSql } from '../queries/catalogue';
import { columnLabel } from './commit';
import { UNREAD_REASONS, type SheetPlan } from './plan';
import type { PreparedSheet } from './prepare';
import type { DatasetReport, ImportIssue, RejectedRow } from './types';
import { translate, type Lang } from '../i18n/translate';
import { neutraliseText } from '../text/formula';

/**
 * The import report of one sheet, read from its temp tables: issues in row order (capped; the
 * import_issues table holds all of them) and the rejected rows with their cells and reasons.
 */
export const ISSUE_REPORT_LIMIT = 5000;

// Issues about the whole file, kept in its first sheet's report (a dataset is a sheet): the sheets left
// out, a mixed encoding, rounds merged by term. Shown as the file's, not as that sheet's.
const FILE_ISSUES: ReadonlySet<string> = new Set([...UNREAD_REASONS, 'encoding_mixed', 'round_merged']);

/** Whether an issue of this code speaks of the whole file rather than of the sheet whose report holds it. */
export function isFileIssue(code: string): boolean {
  return FILE_ISSUES.has(code);
}

interface IssueRow {
  src_row: number;
  column_key: string;
  value: string | null;
  severity: ImportIssue['severity'];
  code: string;
}

/** Builds the report; `file` and `sha256` describe the source file. */
export async function buildReport(engine: Engine, plan: SheetPlan, file: string, sha256: string): Promise<DatasetReport> {
  const sheet = plan.prepared.sheet;
  // Past the limit, errors are kept before warnings and notes (a rejected row must be named); the
  // issues kept are listed by row.
  const rank = severityRankSql();
  // seq: the order the issues were written in, which breaks ties (sheet_duplicate lines name the sheets in order).
  const rows = await engine.query<IssueRow & { total: number }>(`SELECT * EXCLUDE (rank, seq) FROM (SELECT *, ${rank} AS rank,
      count(*) OVER () AS total FROM (SELECT *, row_number() OVER () AS seq FROM ${ident(plan.issues)})
      ORDER BY rank, src_row, code, seq LIMIT ${num(ISSUE_REPORT_LIMIT)})
    ORDER BY src_row, rank, code, seq`);
  const issues: ImportIssue[] = rows.map((r) => {
    const column = columnLabel(plan, r.column_key) || undefined;
    const value = r.value ?? undefined;
    return {
      file, sheet, row: r.src_row, column, value, severity: r.severity, code: r.code, message: `import.issue.${r.code}`,
      vars: { row: r.src_row, column: column ?? '', value: value ?? '' },
    };
  });
  const c = plan.counts;
  return {
    datasetId: plan.datasetId, file, sheet, sha256, asOf: plan.asOf, undated: plan.datedAt ? undefined : true,
    rowsAccepted: c.accepted, rowsWarned: c.warned, rowsRejected: c.rejected, rowsSkipped: c.skipped,
    issues, issuesTotal: Number(rows[0]?.total ?? 0) > ISSUE_REPORT_LIMIT ? Number(rows[0].total) : undefined,
  };
}

const csvCell = (v: unknown) => {
  const s = neutraliseText(v === null || v === undefined ? '' : String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV (UTF-8 with BOM, for Excel) of rejected rows and the issues naming them: row number, reasons
 * (in `lang`), then the cells under the file's own headers. Read from what the import stored
 * (storedRejectedCsv), so it holds every rejected row.
 */
export function rejectedCsv(rows: RejectedRow[], allIssues: Pick<ImportIssue, 'row' | 'severity' | 'message' | 'vars'>[], lang: Lang = 'zh'): string {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
  const lines = [[translate(lang, 'report.rejected.row'), translate(lang, 'report.rejected.reasons'), ...headers].map(csvCell).join(',')];
  const byRow = new Map<number, typeof allIssues>();
  for (const i of allIssues) {
    if (i.severity !== 'error') continue;
    const list = byRow.get(i.row);
    if (list) list.push(i);
    else byRow.set(i.row, [i]);
  }
  for (const r of rows) {
    const issues = byRow.get(r.row) ?? [];
    const reasons = issues.length ? issues.map((i) => translate(lang, i.message, i.vars)) : r.reasons;
    lines.push([r.row, reasons.join(translate(lang, 'clauseSeparator')), ...headers.map((h) => r.cells[h])].map(csvCell).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * The issues a report shows on the page, at most `n`: all when they fit, else the errors before the
 * others (a rejected row is named however many warnings come before it), listed by row.
 */
export function shownIssues(issues: readonly ImportIssue[], n: number): ImportIssue[] {
  if (issues.length <= n) return [...issues];
  const picked = new Set([...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')].slice(0, n));
  return issues.filter((i) => picked.has(i));
}
