import { ident, num, str } from '../queries/sql';
import { CELL_COUNT } from './staging';
import type { PreparedSheet } from './prepare';

/**
 * CSV records with fewer cells than the header (row_short). The reader pads a short record with
 * NULL as it does an empty cell; the staged cell count (CELL_COUNT) tells them apart. A record
 * lacking a column that is read has those fields empty on its row, and the analyst hears why, not
 * only the empty status it causes; one lacking only columns nobody reads says nothing.
 */

/**
 * INSERT statement of the row_short warnings into `issues`, for the rows of `norm` not skipped;
 * null when the sheet has no cell counts (not CSV) or no column is read.
 */
export function shortRowIssuesSql(p: PreparedSheet, norm: string, issues: string): string | null {
  const value = p.cellCounts ? lackingColumnsSql(p) : null;
  if (!value) return null;
  return `INSERT INTO ${ident(issues)} SELECT n.src_row, '', ${value}, 'warning', 'row_short'
    FROM ${ident(norm)} n JOIN ${ident(p.table)} s USING (src_row) WHERE n.skip_kind IS NULL AND s.${CELL_COUNT} < ${num(p.headerWidth)}
      AND ${value} <> '' ORDER BY n.src_row`;
}

/**
 * SQL over a staged record's cell count (`s.n_cells`): the headers of the columns read (mapped) that
 * the record lacks, joined with 、 ('' when it lacks only columns not read); null with none read.
 */
function lackingColumnsSql(p: PreparedSheet): string | null {
  const read = [...new Set(p.columns.values())].filter((c) => c < p.headerWidth).sort((a, b) => a - b);
  if (!read.length) return null;
  const items = read.map((c) => `{'c': ${num(c)}, 'h': ${str(p.headers[c] || `#${c + 1}`)}}`);
  return `array_to_string(list_transform(list_filter([${items.join(', ')}], x -> x.c >= s.${CELL_COUNT}), x -> x.h), '、')`;
}
