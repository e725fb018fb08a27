import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { NOTE_ROW_PATTERN, SECTION_ROW_PATTERN, TOTAL_ROW_PATTERN } from '../domain/vocabulary/rows';
import { backingRowSql, cell, type StagedSheet } from './staging';

/**
 * A problem whose text goes on in the next row: the analyst typed the rest of a long 问题 into the
 * cell below (or a ledger pasted from Word broke it in two), and that row holds nothing else, no
 * 序号, no unit, no status. Read as a row of its own it was a finding with no status (0% of a
 * unit's rate) and a category guessed from half a sentence. Such a row is the rest of the problem
 * above it: its text is joined to that problem's and the row is skipped as `continuation`.
 *
 * Only where a 序号 (or 问题编号) column exists and the row above has one: without it nothing tells
 * the rest of a text from a problem whose other cells were left empty. A lone text that reads as a
 * heading, a total, a note, a footer or a new numbered item (2、…, （3）…) is none, nor is a text under
 * one that ends its sentence (。；), or under a heading row. `notProblems`: the sheet's heading rows.
 */

// More such rows than this and the sheet is left as it is (each row stays a finding, warned).
const MAX_CONTINUATIONS = 5000;
// Characters of a continuation's start read to tell it from a heading, total, note or new item.
const HEAD_CHARS = 40;
const NOT_A_CONTINUATION = [
  new RegExp(SECTION_ROW_PATTERN),
  new RegExp(TOTAL_ROW_PATTERN.replaceAll('\\x{3000}', '\\u3000')),
  new RegExp(NOTE_ROW_PATTERN.replaceAll('\\x{3000}', '\\u3000')),
  // A new item numbered in its own text: 2、 3. （4） ⑤.
  /^([0-9０-９]{1,3}[、.．)）]|[（(][0-9０-９]{1,3}[)）]|[①-⑳])/,
  // A footer: 以上问题均已整改完成, （以下空白）, 填报说明：….
  /^([（(]?以下|以上|上述|填报说明|填表说明)/,
];
// A heading names a kind of thing and stops: 选人用人专项检查反馈问题, 党风廉政建设方面.
const HEADING_END = /(问题|方面|情况|事项|清单|工作)[:：]?$/;
// Where the text above ends a sentence, the row below starts a new one: a problem of its own whose
// other cells are empty, not the rest of the text above.
const SENTENCE_END = /[。；;！!？?]$/;

/** A continuation row and the problem row its text belongs to. */
export interface ContinuationRow {
  row: number;
  anchor: number;
}

/**
 * The continuation rows under the header of a staged sheet. `titleCol`, `idCol`: the problem and
 * 序号 columns (none found without both).
 */
export async function findContinuationRows(
  engine: Engine, s: StagedSheet, headerRow: number, titleCol?: number, idCol?: number, notProblems: ReadonlySet<number> = new Set(),
): Promise<ContinuationRow[]> {
  if (titleCol === undefined || idCol === undefined) return [];
  const cols = Array.from({ length: s.width }, (_, i) => cell(i));
  const filled = cols.map((c) => `CAST(${c} IS NOT NULL AS INTEGER)`).join(' + ');
  const [t, id] = [cell(titleCol), cell(idCol)];
  // Most sheets have none: one scan to know, before the window over every row. A sheet whose problems
  // go on without a 序号 (a merged unit and 序号 saved as CSV: 违规发放津补贴, 已完成 under the unit's first
  // row; two such rows at least, and one in four of the problems) has none either: there a problem whose
  // status is not filled in yet is its text alone, and is a problem of its own (warned status_blank), not the
  // rest of the one above. One 序号 forgotten, or a total's row, is no such sheet.
  const [n] = await engine.query<{ n: number; unnumbered: number; numbered: number }>(`SELECT count(*) FILTER (WHERE ${filled} = 1) AS n,
      count(*) FILTER (WHERE ${id} IS NULL AND ${filled} > 1) AS unnumbered,
      count(*) FILTER (WHERE ${id} IS NOT NULL AND ${filled} > 1) AS numbered FROM ${ident(s.table)}
    WHERE src_row > ${num(headerRow)} AND ${t} IS NOT NULL`);
  const unnumbered = Number(n.unnumbered);
  if (!Number(n.n) || (unnumbered >= 2 && unnumbered * 3 >= Number(n.numbered))) return [];
  // Rows with a value only: a blank row between a problem and the rest of its text changes nothing.
  const rows = await engine.query<{ row: number; prev: number; prev_id: string | null; prev_filled: number; head: string; tail: string; len: number; prev_end: string }>(`
    SELECT src_row AS row, prev, prev_id, prev_filled, left(${t}, ${num(HEAD_CHARS)}) AS head, right(${t}, ${num(HEAD_CHARS)}) AS tail, length(${t}) AS len,
      right(prev_title, 1) AS prev_end FROM (
      SELECT src_row, filled, ${t}, lag(src_row) OVER w AS prev, lag(${id}) OVER w AS prev_id,
        lag(filled) OVER w AS prev_filled, lag(${t}) OVER w AS prev_title
      FROM (SELECT src_row, ${filled} AS filled, ${t}, ${id} FROM ${ident(s.table)}
        WHERE src_row > ${num(headerRow)} AND coalesce(${cols.join(', ')}) IS NOT NULL)
      WINDOW w AS (ORDER BY src_row))
    WHERE filled = 1 AND ${t} IS NOT NULL AND prev_title IS NOT NULL
    ORDER BY src_row LIMIT ${num(MAX_CONTINUATIONS + 1)}`);
  if (rows.length > MAX_CONTINUATIONS) return [];
  const out: ContinuationRow[] = [];
  const anchorOf = new Map<number, number>();
  for (const r of rows) {
    const [row, prev] = [Number(r.row), Number(r.prev)];
    if (NOT_A_CONTINUATION.some((p) => p.test(r.head)) || (Number(r.len) <= HEAD_CHARS && HEADING_END.test(r.tail))) continue;
    // The rest of a text already continued goes to the same problem; else the row above must be a
    // problem with its 序号 and more (not a heading numbered in its own cell), whose text does not
    // end a sentence.
    const problemAbove = r.prev_id !== null && Number(r.prev_filled) > 1 && !notProblems.has(prev) && !SENTENCE_END.test(r.prev_end ?? '');
    const anchor = anchorOf.get(prev) ?? (problemAbove ? prev : undefined);
    if (anchor === undefined) continue;
    anchorOf.set(row, anchor);
    out.push({ row, anchor });
  }
  return out;
}

/**
 * Joins each continuation's text to its problem's cell in the staging table, in row order. Run
 * once per import of the sheet, before its rows are read (planSheet); the rows themselves are then
 * skipped (raw.ts, `continuation`).
 */
export async function joinContinuationRows(engine: Engine, s: StagedSheet, titleCol: number, rows: ContinuationRow[]): Promise<void> {
  if (!rows.length) return;
  const t = cell(titleCol);
  const pairs = rows.map((r) => `(${num(r.row)}, ${num(r.anchor)})`).join(', ');
  // A CSV's staging table is a view over its cells (stage-csv.ts), whose src_row is its backing table's row.
  const [target, rowOf] = s.backing
    ? [ident(s.backing), backingRowSql(s.backing, !!s.rowShift)]
    : [ident(s.table), `${ident(s.table)}.src_row`];
  await engine.exec(`UPDATE ${target} SET ${t} = ${target}.${t} || g.rest
    FROM (SELECT m.anchor, string_agg(s.${t}, '' ORDER BY s.src_row) AS rest
      FROM (VALUES ${pairs}) m(row, anchor) JOIN ${ident(s.table)} s ON s.src_row = m.row GROUP BY m.anchor) g
    WHERE ${rowOf} = g.anchor`);
}
