import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { stagedCell } from './cells';
import { matchHeaders } from './headers';
import { repeatedHeaderSql } from './normalise/skip-rows';
import { foldSql } from './normalise/text';
import type { PreparedSheet } from './prepare';
import { cell, type StagedSheet } from './staging';

/**
 * A header repeated lower down (a block pasted under the first) whose columns are laid out otherwise
 * than the sheet's header: a column inserted or moved (问题类别 before 具体问题). Its rows cannot be read
 * by the sheet's columns, and reading them so would put a problem in the status and a category in the
 * problem: they are rejected (header_layout_differs), each naming this header's row. `last`: the row
 * before the next repeated header; undefined to the end of the sheet.
 */
export interface ForeignHeader {
  row: number;
  last?: number;
}

// Repeated headers looked at, at most: a sheet pasted together from more blocks is read as before.
const MAX_HEADERS = 200;

/** The repeated headers of a prepared sheet whose fields sit in other columns than its header's. */
export async function foreignHeaders(engine: Engine, p: PreparedSheet, mapping: Record<string, string>): Promise<ForeignHeader[]> {
  const repeated = repeatedHeaderSql(p);
  if (!repeated) return [];
  const cols = Array.from({ length: p.width }, (_, i) => cell(i));
  const rows = await engine.query<Record<string, string | null>>(`SELECT src_row, ${cols.join(', ')} FROM ${ident(p.table)}
    WHERE src_row > ${num(p.headerRow)} AND (${repeated}) ORDER BY src_row LIMIT ${MAX_HEADERS}`);
  // The header's own fields by their header text alone: where two columns name one field, the sheet's
  // columns (p.columns) may have taken the other by its content; the same header repeated is never foreign.
  const own = matchHeaders(p.headers, mapping, p.hiddenColumns);
  const moved = (col: number, key: string, columns: Map<string, number>) => columns.has(key) && columns.get(key) !== col;
  const byKey = new Map([...own].map(([col, key]) => [key, col]));
  const out: ForeignHeader[] = [];
  rows.forEach((r, i) => {
    if (p.headerLines?.includes(Number(r.src_row))) return;
    const fields = matchHeaders(cols.map((c) => r[c]), mapping, p.hiddenColumns);
    if (![...fields].some(([col, key]) => moved(col, key, p.columns) && moved(col, key, byKey))) return;
    const next = rows[i + 1];
    out.push({ row: Number(r.src_row), ...(next ? { last: Number(next.src_row) - 1 } : {}) });
  });
  return out;
}

// A literal as foldSql folds a cell: full-width ASCII (！ to ～) to half width.
const halfWidth = (t: string) => t.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

// Rows looked for that repeat a line of the header (or its 栏次 row), at most.
const MAX_LINES = 1000;

/**
 * Rows under the header that repeat one of its lines cell for cell: a printed page's header, repeated
 * with the file saved as CSV or its merges undone. Either line of a two-row header (整改情况 over 整改措施 |
 * 整改状态) alone reads as neither the header (repeatedHeaderSql) nor a row of the layout: the upper
 * line's group label would be a status in another column (a foreign header, rejecting every row after
 * it), the lower line the rest of the problem above. The 栏次 row under the header (1 | 2 | 3 …), repeated
 * under each repeated header, would be a finding with county 2 and problem 4. They are skipped as the
 * header. `lines`: the header's rows, as staged; `numbering`: the 栏次 row, if the header has one.
 */
export async function repeatedHeaderLines(engine: Engine, p: StagedSheet, headerRow: number, lines: (string | null)[][], numbering?: { row: number; cells: (string | null)[] }): Promise<number[]> {
  const own = [...(lines.length < 2 ? [] : lines), ...(numbering ? [numbering.cells] : [])].filter((l) => l.filter((c) => stagedCell(c) !== null).length >= 2);
  if (!own.length) return [];
  // The 栏次 row's numbers compare across widths: （1） under the first header, (1) under a repeat.
  const same = (line: (string | null)[]) => Array.from({ length: p.width }, (_, i) => line === numbering?.cells
    ? `${foldSql(`coalesce(${cell(i)}, '')`)} = ${str(halfWidth(stagedCell(line[i]) ?? ''))}`
    : `coalesce(${cell(i)}, '') = ${str(stagedCell(line[i]) ?? '')}`).join(' AND ');
  const rows = await engine.query<{ src_row: number }>(`SELECT src_row FROM ${ident(p.table)}
    WHERE src_row > ${num(numbering?.row ?? headerRow)} AND (${own.map((l) => `(${same(l)})`).join(' OR ')}) ORDER BY src_row LIMIT ${MAX_LINES}`);
  return rows.map((r) => Number(r.src_row));
}
