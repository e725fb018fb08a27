import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { cell, scratchTable } from './staging';
import type { PreparedSheet } from './prepare';
import type { RejectedRow } from './types';

/**
 * CREATE TABLE statement: the rows an error rejects, with their cells as staged (`c0`…) and their
 * reasons, copied out of the staging table `p.table` before it is dropped; all of them, which the
 * commit stores (readRejected pages through them).
 */
export function rejectedTableSql(p: PreparedSheet, issues: string, table: string): string {
  const cols = Array.from({ length: rowWidth(p) }, (_, i) => cell(i));
  return `CREATE TABLE ${scratchTable(table)} AS SELECT s.src_row, ${cols.map((c) => `s.${c}`).join(', ')}, i.reasons FROM ${ident(p.table)} s
    JOIN (SELECT src_row, list(code ORDER BY code) AS reasons FROM ${ident(issues)} WHERE severity = 'error' GROUP BY src_row) i
      ON s.src_row = i.src_row`;
}

/** Rejected rows of `table` (rejectedTableSql) in row order, `limit` from `offset`, keyed by the file's headers. */
export async function readRejected(engine: Engine, p: PreparedSheet, table: string, limit: number, offset = 0): Promise<RejectedRow[]> {
  const width = rowWidth(p);
  const cols = Array.from({ length: width }, (_, i) => cell(i));
  const rows = await engine.query<Record<string, string | null> & { src_row: number; reasons: string[] }>(
    `SELECT * FROM ${ident(table)} ORDER BY src_row LIMIT ${num(limit)} OFFSET ${num(offset)}`);
  const names = uniqueHeaders(p.headers.slice(0, width));
  return rows.map((r) => ({
    row: r.src_row,
    // Under the header every cell, empty ones too; right of it (#7, #8) only those with text.
    cells: Object.fromEntries(cols.flatMap((c, i) => (i < p.headerWidth || r[c] !== null ? [[names[i], r[c]]] : []))),
    reasons: r.reasons,
  }));
}

/**
 * The cells a rejected row is stored with: the header's columns and those right of it, where a row
 * pushed right by stray delimiters keeps its text (the staged width: the widest record read).
 */
function rowWidth(p: PreparedSheet): number {
  return Math.max(p.headerWidth, p.width, 1);
}

/** Headers as the rejected rows' keys: a blank one is `#<column>`, a repeated one `备注 (2)`, so no cell is lost. */
export function uniqueHeaders(headers: (string | null)[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const name = h ?? `#${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
