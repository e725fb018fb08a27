import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import type { PreparedSheet } from './prepare';
import { uniqueHeaders } from './rejected-rows';
import { cell } from './staging';
import { fallbackColumns } from './normalise/raw';

/**
 * The columns of a sheet that were not imported, each said once (row 0, which no row count
 * includes) so nothing goes unseen: a second column of a field already read (column_duplicate,
 * or column_hidden_duplicate for a column hidden in Excel; column_fallback for one read only where
 * the chosen column is empty), a header that names no field
 * (column_ignored), and a column with values but no header (column_no_header). A repeated header
 * is named as the rejected rows' CSV names it (备注 (2)). Returns `(src_row, column_key, value,
 * severity, code)` tuples for the issues table.
 */
export async function unreadColumnIssues(engine: Engine, p: PreparedSheet): Promise<string[]> {
  const read = new Set([...p.columns.values(), ...(p.statusTicks ?? []).map((t) => t.col)]);
  const names = uniqueHeaders(p.headers);
  const claimed = new Map<number, { key: string; hidden: boolean }>();
  for (const [key, list] of p.claims) for (const c of list) if (!read.has(c.col)) claimed.set(c.col, { key, hidden: c.hidden });
  // Columns read where the chosen one is empty (raw.ts fallbackColumns).
  const backups = new Set([...p.columns.keys()].flatMap((key) => fallbackColumns(p, key)));
  const out: string[] = [];
  const blank: number[] = [];
  for (let i = 0; i < p.headerWidth; i++) {
    if (read.has(i)) continue;
    const claim = claimed.get(i);
    // The other column is named by the report's column (the header of the one read).
    if (claim && p.columns.has(claim.key)) {
      const code = claim.hidden ? 'column_hidden_duplicate' : backups.has(i) ? 'column_fallback' : 'column_duplicate';
      out.push(`(0, ${str(claim.key)}, ${str(names[i].slice(0, 200))}, 'info', ${str(code)})`);
    } else if (p.headers[i]) out.push(`(0, '', ${str(names[i].slice(0, 200))}, 'info', 'column_ignored')`);
    else blank.push(i);
  }
  if (blank.length) {
    const [counts] = await engine.query<Record<string, number>>(`SELECT ${blank.map((i) => `count(${cell(i)}) AS ${cell(i)}`).join(', ')}
      FROM ${ident(p.table)} WHERE src_row > ${num(p.headerRow)}`);
    for (const i of blank) if (Number(counts[cell(i)]) > 0) out.push(`(0, '', ${str(String(i + 1))}, 'info', 'column_no_header')`);
  }
  return out;
}
