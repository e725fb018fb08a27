import { LEDGER_FIELDS } from '../../domain/fields';
import { ident, num, str } from '../../queries/sql';
import { MAX_CELL_CHARS } from '../errors';
import type { PreparedSheet } from '../prepare';
import { cell } from '../staging';
import { compactSql, compactTextSql } from './text';
import { blockValueSql, type SheetBlock } from '../blocks';
import { STATUS_TICK_EMPTY_PATTERN } from '../../domain/vocabulary/status';
import type { StatusTick } from '../status-ticks';
import { fillDownColumns, fillDownRowsSql, filledColumn } from '../fill-down';
import { countyInTextSql } from './county';
import { skipKindSql } from './skip-rows';

/**
 * Step one of normalisation: the data rows under the header with cells renamed to their field
 * (`r_<key>`; unmapped fields are NULL; cells arrive trimmed, '' as NULL, see cells.ts), plus
 * what the validator needs about the row as a whole: its first non-empty cell, ragged cells, an
 * over-long cell, and whether it is a 合计 / 注 / section / repeated-header / column-number row to skip.
 */

/** `r_<key>`: the raw column of a field in the raw table. */
export const rawCol = (key: string) => ident(`r_${key}`);

/** `u_<key>`: the cell of a field in the values view (rawValuesSql). */
export const cellCol = (key: string) => ident(`u_${key}`);

/** `x_<key>`: its compact form (compactSql), computed once so normalisers stay small SQL. */
export const compactCol = (key: string) => ident(`x_${key}`);

// Dates, status, county, unit and category are compacted inside their value maps (maps.ts),
// once per distinct value; only the per-row normalisers need a compact column.
const COMPACT_KINDS = new Set(['bool', 'int', 'decimal']);
const COMPACT_KEYS = new Set(['year', 'problem_title']);

/** Fields whose compact form the per-row normalisers read. */
export const COMPACT_FIELDS = LEDGER_FIELDS.filter((f) => COMPACT_KINDS.has(f.kind) || COMPACT_KEYS.has(f.key)).map((f) => f.key);

// A field read from another field's column when it has none of its own, or where its own cell is
// empty: many ledgers keep the status (已完成, 正在整改) in a column headed 整改完成情况, the
// summary's canonical header.
const STAND_INS: Record<string, string> = { status_raw: 'completion_summary' };

/** True when the status is read from tick columns (status-ticks.ts), which come before a stand-in. */
function readsTicks(p: PreparedSheet, key: string): boolean {
  return key === 'status_raw' && !p.columns.has(key) && (p.statusTicks?.length ?? 0) > 0;
}

/** The column a field reads: its own, else its stand-in's (STAND_INS); undefined if neither, or for tick columns. */
export function sourceColumn(p: PreparedSheet, key: string): number | undefined {
  if (readsTicks(p, key)) return undefined;
  return p.columns.get(key) ?? (STAND_INS[key] !== undefined ? p.columns.get(STAND_INS[key]) : undefined);
}

/** True when a field reads another field's column (STAND_INS). */
export function readsStandIn(p: PreparedSheet, key: string): boolean {
  return !p.columns.has(key) && sourceColumn(p, key) !== undefined;
}

// Fields whose other columns are read where the one chosen is empty: a blank 整改状态 beside a 是否完成 of 是.
const FALLBACK_KEYS = new Set(['status_raw']);

/** The other visible columns of a field, best first, read where its own cell is empty (FALLBACK_KEYS). */
export function fallbackColumns(p: PreparedSheet, key: string): number[] {
  const col = p.columns.get(key);
  if (col === undefined || !FALLBACK_KEYS.has(key)) return [];
  return (p.claims.get(key) ?? []).filter((c) => c.col !== col && !c.hidden).map((c) => c.col);
}

/** The status text of a row from its tick columns: the marked columns' words joined by 、; NULL when none is marked. */
export function statusTicksSql(ticks: readonly StatusTick[]): string {
  const marked = ticks.map((t) => `CASE WHEN NOT regexp_matches(lower(${cell(t.col)}), ${str(STATUS_TICK_EMPTY_PATTERN)}) THEN ${str(t.label)} END`);
  return `nullif(concat_ws('、', ${marked.join(', ')}), '')`;
}

/**
 * Where a field's value comes from, as SQL: its column (sourceColumn; the unit, its county and its
 * inspection filled down where a merge saved as CSV left them empty, fill-down.ts); else, for the unit, the
 * unit named outside the columns (title.ts); for the 方面, the section heading above the row
 * (sectionSql), also where the column is empty. Null when the sheet provides the field nowhere.
 */
function fieldSource(p: PreparedSheet, key: string): string | null {
  const col = sourceColumn(p, key);
  // A field with its own column reads its stand-in where its cell is empty (a 整改状态 column left
  // blank beside a filled-in 整改完成情况), and before it the field's other visible columns.
  const standIn = p.columns.has(key) && STAND_INS[key] !== undefined ? p.columns.get(STAND_INS[key]) : undefined;
  const backups = [...new Set([...fallbackColumns(p, key), ...(standIn !== undefined ? [standIn] : [])])];
  const filled = filledColumn(p.fillDown, key, col);
  const own = backups.length ? `coalesce(${[col!, ...backups].map(cell).join(', ')})`
    : filled ?? (col !== undefined ? cell(col) : key === 'unit_name' && (p.unitText || p.unitHeadings?.length) ? unitSql(p)
    : key === 'county' && readsCountyHeadings(p) ? headingCountySql(p)
    : key === 'feedback_date' && p.feedbackText ? str(p.feedbackText)
    : readsTicks(p, key) ? statusTicksSql(p.statusTicks!) : null);
  const carried = key === 'aspect_raw' ? aspectSql(p)
    : BLOCK_ROUND[key] ? blockRoundSql(p, BLOCK_ROUND[key])
    // A block titled by a county's committee (东阳市委…) is that county's, where no column names one.
    : key === 'county' && col === undefined ? blockValueSql(p.blocks ?? [], (b) => b.county)
    : null;
  return carried ? (own ? `coalesce(${own}, ${carried})` : carried) : own;
}

// Round facts a stacked block's title gives the rows under it (blocks.ts).
const BLOCK_ROUND: Record<string, (b: SheetBlock) => string | undefined> = {
  inspector_level: (b) => b.level,
  term: (b) => b.term,
  round_no: (b) => b.roundNo,
};

/** A block's round fact for rows whose own round cells (label, level, term, number) are all empty. */
function blockRoundSql(p: PreparedSheet, value: (b: SheetBlock) => string | undefined): string | null {
  const block = blockValueSql(p.blocks ?? [], value);
  const own = ['round_label', 'inspector_level', 'term', 'round_no'].map((k) => p.columns.get(k)).filter((c) => c !== undefined).map(cell);
  return block && own.length ? `CASE WHEN coalesce(${own.join(', ')}) IS NULL THEN ${block} END` : block;
}

/**
 * The unit of a sheet without a unit column: its stacked block's, else that of the unit heading above
 * the row (unit-headings.ts; its rows carry it as hd_unit, rowsFrom), else, above the first heading or
 * without any, the one its title names.
 */
function unitSql(p: PreparedSheet): string {
  const text = p.unitText ? str(p.unitText) : 'CAST(NULL AS VARCHAR)';
  const heading = p.unitHeadings?.length ? `CASE WHEN hd_row IS NULL THEN ${text} ELSE hd_unit END` : text;
  const block = blockValueSql(p.blocks ?? [], (b) => b.unit);
  return block ? `coalesce(${block}, ${heading})` : heading;
}

/** The cell a field reads (fieldSource), NULL where the sheet provides it nowhere. */
function fieldCell(p: PreparedSheet, key: string): string {
  return fieldSource(p, key) ?? 'CAST(NULL AS VARCHAR)';
}

/** True when the sheet provides the field in some way: a column, a title, a section heading. */
export function providesField(p: PreparedSheet, key: string): boolean {
  return fieldSource(p, key) !== null;
}

// A CASE per row over the headings: beyond this many, headings are skipped but not carried down.
const MAX_CARRIED_SECTIONS = 200;

/**
 * The 方面 of each row: the last section heading above it, where a heading naming the next unit ends
 * the one before (unit-headings.ts), unless those would pass MAX_CARRIED_SECTIONS: then across units.
 */
function aspectSql(p: PreparedSheet): string | null {
  const ends = [...(p.unitHeadings ?? []), ...(p.countyHeadings ?? [])].map((h) => ({ row: h.row, text: null }));
  const both = [...p.sections, ...ends].sort((a, b) => a.row - b.row);
  return sectionSql(both.length <= MAX_CARRIED_SECTIONS ? both : p.sections);
}

/** The text of the last section heading above each row (a null text ends the one before); null when there are none or too many. */
function sectionSql(sections: { row: number; text: string | null }[]): string | null {
  if (!sections.some((s) => s.text !== null) || sections.length > MAX_CARRIED_SECTIONS) return null;
  const whens = [...sections].reverse().map((s) => `WHEN src_row > ${num(s.row)} THEN ${s.text === null ? 'NULL' : str(s.text)}`);
  return `CASE ${whens.join(' ')} ELSE NULL END`;
}

/** The sheet's rows as the raw views read them: the staged table, with the unit filled down where a merge saved as CSV left it empty (its table written, fill-down.ts). */
function rowsFrom(p: PreparedSheet): string {
  const rows = p.fillDown ? fillDownRowsSql(p.fillDown, p.table) : ident(p.table);
  // Each row's unit heading and county heading, the last above it (hd_row, hc_row NULL above the first):
  // one sorted join each, however many.
  const withUnit = p.unitHeadings?.length ? headingJoinSql(rows, p.unitHeadings.map((h) => [h.row, h.unit]), 'hd_row', 'hd_unit') : rows;
  return readsCountyHeadings(p) ? headingJoinSql(withUnit, p.countyHeadings!.map((h) => [h.row, h.county]), 'hc_row', 'hc_county') : withUnit;
}

/** The county of the heading above a row (hc_county), unless the row's unit names its own (东阳市横店镇党委). */
function headingCountySql(p: PreparedSheet): string {
  const unit = fieldSource(p, 'unit_name');
  return unit ? `CASE WHEN ${countyInTextSql(unit)} IS NULL THEN hc_county END` : 'hc_county';
}

/** TRUE when the rows' county is that of the heading above them: headings name counties and no column does. */
function readsCountyHeadings(p: PreparedSheet): boolean {
  return !!p.countyHeadings?.length && sourceColumn(p, 'county') === undefined;
}

/** `rows` with the value of the last heading above each row (rowCol, valueCol; NULL above the first). */
function headingJoinSql(rows: string, headings: [number, string | null][], rowCol: string, valueCol: string): string {
  const values = headings.map(([row, v]) => `(${num(row)}, CAST(${v === null ? 'NULL' : str(v)} AS VARCHAR))`).join(', ');
  return `(SELECT r.*, h.${rowCol}, h.${valueCol} FROM ${rows} r ASOF LEFT JOIN (VALUES ${values}) h(${rowCol}, ${valueCol}) ON r.src_row > h.${rowCol})`;
}

/** Columns rowsFrom adds to the staged table's, which no view passes on. */
function rowsFromColumns(p: PreparedSheet): string[] {
  return [...(p.fillDown ? fillDownColumns(p.fillDown) : []), ...(p.unitHeadings?.length ? ['hd_row', 'hd_unit'] : []),
    ...(readsCountyHeadings(p) ? ['hc_row', 'hc_county'] : [])];
}

/**
 * CREATE TEMP VIEW of the field cells of every row under the header (`u_<key>`), blank rows
 * included and nothing computed: what the value maps read (DISTINCT cells first, then the
 * normalisers on those). A blank row only adds NULLs, which maps skip.
 */
export function rawValuesSql(p: PreparedSheet, table: string): string {
  const fields = LEDGER_FIELDS.map((f) => `${fieldCell(p, f.key)} AS ${cellCol(f.key)}`);
  return `CREATE TEMP VIEW ${ident(table)} AS SELECT src_row, ${fields.join(', ')} FROM ${rowsFrom(p)} WHERE src_row > ${num(p.headerRow)}`;
}

/** skipKindSql over the staged cells: what the fill-down leaves out of the rows it reads. */
export function stagedSkipKindSql(p: PreparedSheet): string {
  const cells = Array.from({ length: p.width }, (_, i) => cell(i));
  return skipKindSql(p, `coalesce(${cells.join(', ')})`, fieldCell(p, 'problem_title'));
}

/**
 * CREATE TEMP VIEW statement for the raw rows of a prepared sheet. A view, not a table: the
 * value maps read only a few of its columns, and the normalised table reads it once, so
 * materialising it would copy every cell one more time for nothing.
 */
export function rawTableSql(p: PreparedSheet, table: string): string {
  const cells = Array.from({ length: p.width }, (_, i) => cell(i));
  const fields = LEDGER_FIELDS.map((f) => `${fieldCell(p, f.key)} AS ${rawCol(f.key)}`);
  for (const key of COMPACT_FIELDS) {
    const col = p.columns.get(key);
    // A cell filled down from the unit's row above (fill-down.ts) is compacted as filled: the year reads it.
    fields.push(`${col === undefined ? 'CAST(NULL AS VARCHAR)' : (key === 'problem_title' ? compactTextSql : compactSql)(filledColumn(p.fillDown, key, col) ?? cell(col))} AS ${compactCol(key)}`);
  }
  const first = `coalesce(${cells.join(', ')})`;
  // The cells past the header, each after its column's number (#6: 多余内容甲 | #7: 多余内容乙), which the
  // ragged_row warning quotes: they are not imported, so their text is in the report.
  const extra = cells.slice(p.headerWidth).map((c, j) => `CASE WHEN ${c} IS NOT NULL THEN ${str(`#${p.headerWidth + j + 1}: `)} || ${c} END`);
  // strlen (bytes) is free and bounds length (characters) from above, so it guards the count.
  const longCol = cells.map((c, i) => `WHEN strlen(${c}) > ${num(MAX_CELL_CHARS)} AND length(${c}) > ${num(MAX_CELL_CHARS)} THEN ${num(i)}`);
  // The fill-down table holds the skip kind already (the same CASE over the same cells).
  const skip = p.fillDown ? 'fd_skip' : skipKindSql(p, 'first_cell', rawCol('problem_title'));
  return `CREATE TEMP VIEW ${ident(table)} AS
    SELECT * EXCLUDE (${[...cells, ...rowsFromColumns(p)].join(', ')}), ${skip} AS skip_kind FROM (
      SELECT *, ${fields.join(',\n        ')},
        ${first} AS first_cell,
        ${extra.length ? `NULLIF(concat_ws(' | ', ${extra.join(', ')}), '')` : 'CAST(NULL AS VARCHAR)'} AS ragged,
        CASE ${longCol.join(' ')} ELSE NULL END AS long_col
      FROM ${rowsFrom(p)}
      WHERE src_row > ${num(p.headerRow)})
    WHERE first_cell IS NOT NULL`;
}
