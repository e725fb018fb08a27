import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { cell, type StagedSheet } from './staging';

/**
 * What a problem is and whom it concerns: a row with none of these is no problem, whatever else it
 * holds (a 序号, a county typed in advance, a formula's 0 or 未完成).
 */
export const CONTENT_KEYS = ['unit_name', 'aspect_raw', 'category_l1', 'category_l2', 'problem_title', 'problem_detail', 'root_cause',
  'rectify_goal', 'measures', 'resp_unit', 'resp_leader', 'resp_person', 'completion_summary', 'evidence'];

/**
 * Where the unfilled rows of a template begin: offices hand ledgers out numbered in advance, often
 * with formulas (=ROW()-1, a 完成率, a deadline =D5+30, a status =IF(…)) or the county typed in every
 * row, and the rows no problem was written into come back below the data. Rows after the last
 * one holding any content (CONTENT_KEYS) are such rows: skipped and named in the report
 * (`row_skipped_template`), not rejected for lacking a problem. Returns that last row (the header's
 * when no row holds content), or undefined when nothing follows it or the sheet maps no content column.
 */
export async function templateRowsAfter(engine: Engine, s: StagedSheet, headerRow: number, columns: Map<string, number>): Promise<number | undefined> {
  const content = CONTENT_KEYS.map((k) => columns.get(k)).filter((c): c is number => c !== undefined).map(cell);
  if (!content.length) return undefined;
  const [{ last, tail }] = await engine.query<{ last: number | null; tail: number | null }>(`SELECT
      max(src_row) FILTER (WHERE coalesce(${content.join(', ')}) IS NOT NULL) AS last, max(src_row) AS tail
    FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)}`);
  const after = last === null ? headerRow : Number(last);
  return tail !== null && Number(tail) > after ? after : undefined;
}
