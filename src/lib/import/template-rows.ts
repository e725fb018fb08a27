import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import type { PreparedSheet } from './prepare';
import { PLAIN_SEQ_PATTERN } from '../domain/vocabulary/rows';
import { cell, type StagedSheet } from './staging';

/**
 * What a problem is and whom it concerns: a row with none of these is no problem, whatever else it
 * holds (a 序号, a county typed in advance, a formula's 0 or 未完成).
 */
export const CONTENT_KEYS = ['unit_name', 'aspect_raw', 'category_l1', 'category_l2', 'problem_title', 'problem_detail', 'root_cause',
  'rectify_goal', 'measures', 'resp_unit', 'resp_leader', 'resp_person', 'completion_summary', 'evidence'];

/** Where a template's unfilled rows begin, and the columns it filled in advance (templateRowsAfter). */
export interface TemplateRows {
  /** Rows after this one hold no problem. */
  after: number;
  /** Read columns holding one same value in every such row (a formula's 未完成, a deadline =D5+30 over a blank). */
  preset: number[];
}

/**
 * Where the unfilled rows of a template begin: offices hand ledgers out numbered in advance, often
 * with formulas (=ROW()-1, a 完成率, a deadline =D5+30, a status =IF(…)) or the county typed in every
 * row, and the rows no problem was written into come back below the data. Rows after the last
 * one holding any content (CONTENT_KEYS) may be such rows (templateRowSql decides). Undefined when
 * nothing follows that row or the sheet maps no content column.
 */
export async function templateRowsAfter(engine: Engine, s: StagedSheet, headerRow: number, columns: Map<string, number>): Promise<TemplateRows | undefined> {
  const content = CONTENT_KEYS.map((k) => columns.get(k)).filter((c): c is number => c !== undefined).map(cell);
  if (!content.length) return undefined;
  const [{ last, tail }] = await engine.query<{ last: number | null; tail: number | null }>(`SELECT
      max(src_row) FILTER (WHERE coalesce(${content.join(', ')}) IS NOT NULL) AS last, max(src_row) AS tail
    FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)}`);
  const after = last === null ? headerRow : Number(last);
  if (tail === null || Number(tail) <= after) return undefined;
  // A value the same in every numbered row below (two rows at least) was set in advance, not written
  // by hand (a note or 合计 row under them does not count).
  const read = readColumns(columns);
  if (!read.length) return { after, preset: [] };
  const all = Array.from({ length: s.width }, (_, i) => cell(i));
  const [counts] = await engine.query<Record<string, number>>(`SELECT CAST(count(*) AS INTEGER) AS n,
      ${read.map((c) => `CAST(count(${cell(c)}) AS INTEGER) AS k${c}, CAST(count(DISTINCT ${cell(c)}) AS INTEGER) AS d${c}`).join(', ')}
    FROM ${ident(s.table)} WHERE src_row > ${num(after)} AND coalesce(${all.join(', ')}) IS NOT NULL AND ${plainSeq(columns.get('finding_id'))}`);
  const n = Number(counts.n);
  const preset = n >= 2 ? read.filter((c) => Number(counts[`k${c}`]) === n && Number(counts[`d${c}`]) === 1) : [];
  return { after, preset };
}

// What a template may hold in advance besides its 序号: where and when (the county, the round, the
// feedback date), typed into every row before it was handed out.
const PRESET_KEYS = new Set(['county', 'county_code', 'inspector_level', 'inspection_kind', 'term', 'round_no', 'round_label', 'year',
  'mode', 'team', 'station_start', 'station_end', 'feedback_date']);
/** The 序号 cell is blank or a plain number set in advance (=ROW()-1 gives one too). */
function plainSeq(seq: number | undefined): string {
  return seq === undefined ? 'true' : `coalesce(regexp_full_match(${cell(seq)}, ${str(PLAIN_SEQ_PATTERN)}), true)`;
}

/** The columns the import reads that no template presets (PRESET_KEYS) and that are no 序号. */
function readColumns(columns: Map<string, number>): number[] {
  return [...columns].filter(([k]) => k !== 'finding_id' && !PRESET_KEYS.has(k)).map(([, c]) => c);
}

/**
 * The condition that makes a row a template's unfilled row (`row_skipped_template`, skipped and named
 * in the report, not rejected for lacking a problem): below the last row with content, its 序号 blank
 * or a plain number, and nothing in any column the import reads but a preset one (PRESET_KEYS, or a
 * value the same in every such row); the columns it does not read may hold anything (a 完成率
 * formula's 0). A row with its own status, deadline or a sub-number (a measure of the last problem, a
 * row left half-written) is left to the rules that fold or reject it. Null when there are no such rows.
 */
export function templateRowSql(p: PreparedSheet): string | null {
  if (!p.template) return null;
  const seq = p.columns.get('finding_id');
  const read = readColumns(p.columns).filter((c) => !p.template!.preset.includes(c)).map(cell);
  return `src_row > ${num(p.template.after)} AND ${plainSeq(seq)}${read.length ? ` AND coalesce(${read.join(', ')}) IS NULL` : ''}`;
}
