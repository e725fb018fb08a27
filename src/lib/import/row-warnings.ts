import { ident, num } from '../queries/sql';
import type { PreparedSheet } from './prepare';

/**
 * Warnings a workbook's rows carry from how the file stores them, not from their cells: a row hidden in
 * Excel (row_hidden: data all the same, as a filter hides rows the analyst still owns, but maybe an item
 * someone meant to withdraw) and a row number the sheet's XML states twice (row_repeated: read as one row,
 * the later cells over the earlier; see xlsx-row-repeats.ts). Only rows imported are warned, each once.
 * INSERT statements into `issues`, none when the sheet has neither.
 */
export function workbookRowIssuesSql(p: PreparedSheet, norm: string, issues: string): string[] {
  const out: string[] = [];
  const warn = (code: string, ranges: [number, number][]) =>
    // The runs as a table joined by range: a filter that hides scattered rows makes thousands of them.
    `INSERT INTO ${ident(issues)} SELECT n.src_row, '', NULL, 'warning', '${code}' FROM ${ident(norm)} n
      JOIN (VALUES ${ranges.map(([a, b]) => `(${num(a)}, ${num(b)})`).join(', ')}) h(a, b) ON n.src_row BETWEEN h.a AND h.b
      WHERE n.skip_kind IS NULL ORDER BY n.src_row`;
  if (p.hiddenRows?.length) out.push(warn('row_hidden', p.hiddenRows));
  if (p.repeatedRows?.length) out.push(warn('row_repeated', p.repeatedRows.map((r): [number, number] => [r, r])));
  return out;
}
