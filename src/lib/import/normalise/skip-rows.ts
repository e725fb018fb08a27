import { EXAMPLE_ROW_PATTERN, EXAMPLE_TEXT_PATTERN, INSTRUCTION_CELL_PATTERN, NOTE_ROW_PATTERN, RATE_ROW_PATTERN, TOTAL_CELL_PATTERN, TOTAL_LABEL_PATTERN, TOTAL_ROW_PATTERN } from '../../domain/vocabulary/rows';
import { ident, num, str } from '../../queries/sql';
import { fieldAliasForms } from '../headers';
import type { PreparedSheet } from '../prepare';
import { cell } from '../staging';
import { templateRowSql } from '../template-rows';
import { bindSql, foldSql } from './text';

/**
 * Rows of a staged sheet that are no data: the kind of each (skip_kind), read on its cells alone (a
 * total, a note, a heading, the header repeated, a template's unfilled row). raw.ts asks for it over
 * the staged cells and over its raw view; header-layouts.ts reads the repeated headers.
 */

/** The kinds of skipped rows (skip_kind), each reported as `row_skipped_<kind>` (other_sheet by plan.ts skipSheetOverlaps). */
export const SKIP_KINDS = ['numbering', 'section', 'heading', 'numbered', 'total', 'note', 'header', 'measure', 'continuation', 'other_sheet', 'template', 'example'] as const;
type SkipKind = (typeof SKIP_KINDS)[number];

// Room a header cell may take beyond its alias: spaces, punctuation, full-width letters.
const HEADER_SLACK_BYTES = 12;

/**
 * TRUE when a cell, read as a header (normaliseHeader in SQL), is an alias of the field. Only a
 * cell no longer than the field's longest alias (UTF-8 bytes, plus some slack) is normalised:
 * that regex per cell would cost more than the rest of the row's checks.
 */
function headerOfSql(c: string, key: string): string {
  const forms = fieldAliasForms(key);
  const maxBytes = Math.max(...forms.map((f) => new TextEncoder().encode(f).length)) + HEADER_SLACK_BYTES;
  const form = `lower(regexp_replace(${foldSql(c)}, '[\\s\\p{P}\\p{S}]+', '', 'g'))`;
  // list_contains, not IN (…): the optimiser turns an IN list into a join, which computes the
  // form for every row whatever the CASE says (0.4 s a 100k import).
  return `CASE WHEN strlen(${c}) <= ${num(maxBytes)} THEN list_contains([${forms.map(str).join(', ')}], ${form}) ELSE false END`;
}

/**
 * A header row repeated under the header (blocks pasted together), as a condition on the row: the
 * cells of the problem, unit and county columns repeat the header, or read as headers of their
 * fields (县（市、区）, 被巡察单位名称 under 县市区, 被巡察单位). Null when none of the three is mapped.
 */
export function repeatedHeaderSql(p: PreparedSheet): string | null {
  const keys = ['problem_title', 'unit_name', 'county'].filter((k) => p.columns.has(k));
  if (!keys.length) return null;
  const own = (k: string) => cell(p.columns.get(k)!);
  const isHeader = (k: string) => `${own(k)} = ${str(p.headers[p.columns.get(k)!] ?? '')}`;
  // All three as the header has them; or the unit and county only, where a block's header has another
  // column where the problem's is (问题类别 inserted before 具体问题: headerLayouts then rejects its rows).
  const same = [keys.map(isHeader).join(' AND '), ...(p.columns.has('unit_name') && p.columns.has('county') ? [`${isHeader('unit_name')} AND ${isHeader('county')}`] : [])]
    .map((x) => `(${x})`).join(' OR ');
  // The problem's cell first (every data row has one, rarely this short), then one more.
  const [first, ...rest] = keys;
  const read = `(${headerOfSql(own(first), first)}${rest.length ? ` AND (${rest.map((k) => headerOfSql(own(k), k)).join(' OR ')})` : ''})`;
  return `(${same}) OR ${read}`;
}

/** A row whose unit or county cell is a total's label (西城街道小计): a WHEN clause, '' if neither is mapped. */
function totalLabel(p: PreparedSheet): string {
  const cells = ['unit_name', 'county'].filter((k) => p.columns.has(k)).map((k) => cell(p.columns.get(k)!));
  // contains() first: the pattern runs only on the few cells that hold 计.
  const labelled = cells.map((c) => `(contains(${c}, '计') AND regexp_matches(${c}, ${str(TOTAL_LABEL_PATTERN)}))`);
  return labelled.length ? `WHEN ${labelled.join(' OR ')} THEN 'total'` : '';
}

/** A rate or count line (整改完成率, 已完成数) labelled in its first cell or its problem's: a total's WHEN clause. */
function rateRow(firstCell: string, problem: string): string {
  // contains() first: the pattern runs only on the few cells that hold 率 or 数.
  const is = (c: string) => `((contains(${c}, '率') OR contains(${c}, '数') OR contains(${c}, '比例')) AND regexp_matches(${c}, ${str(RATE_ROW_PATTERN)}))`;
  return `WHEN ${is(firstCell)} OR ${is(problem)} THEN 'total'`;
}

/**
 * The kind of row to skip (SKIP_KINDS), or NULL for a data row: a CASE over a row of the staged sheet,
 * given its first non-empty cell and its problem's cell as SQL. Read on the staged cells alone, so
 * the fill-down (fill-down.ts) can leave these rows out before any field is filled.
 */
export function skipKindSql(p: PreparedSheet, firstCell: string, problem: string): string {
  const listed = (kind: SkipKind, rows: number[]) => (rows.length ? `WHEN src_row IN (${rows.map(num).join(', ')}) THEN ${str(kind)}` : '');
  // The header's own row of column numbers, and those under a stacked block's repeated header.
  const numbering = listed('numbering', [p.numberingRow, ...(p.blocks ?? []).map((b) => b.numberingRow)].filter((r): r is number => r !== undefined));
  const repeated = repeatedHeaderSql(p);
  const template = templateRowSql(p);
  // A lone cell that reads as a total or a note is one: headings and bare 序号 come after those.
  return `CASE ${numbering} ${listed('section', p.sections.map((s) => s.row))}
      WHEN regexp_matches(${firstCell}, ${str(TOTAL_ROW_PATTERN)}) ${problemTextFirst(p, firstCell)} THEN 'total'
      WHEN contains(${problem}, '计') AND regexp_matches(${problem}, ${str(TOTAL_CELL_PATTERN)}) THEN 'total'
      ${rateRow(firstCell, problem)}
      ${totalLabel(p)}
      WHEN regexp_matches(${firstCell}, ${str(NOTE_ROW_PATTERN)}) THEN 'note'
      WHEN contains(${firstCell}, '例') AND regexp_matches(${firstCell}, ${str(EXAMPLE_ROW_PATTERN)})
        OR contains(${problem}, '例') AND regexp_matches(${problem}, ${str(EXAMPLE_TEXT_PATTERN)}) THEN 'example'
      ${instructionRow(p, problem)}
      ${listed('heading', p.loneRows.filter((r) => r.kind === 'heading').map((r) => r.row))}
      ${listed('numbered', p.loneRows.filter((r) => r.kind === 'numbered').map((r) => r.row))}
      ${listed('header', p.headerLines ?? [])}
      ${listed('continuation', p.continuations.map((r) => r.row))}
      ${listed('header', (p.blocks ?? []).flatMap((b) => b.headerRows))}
      ${repeated ? `WHEN ${repeated} THEN 'header'` : ''}
      ${template ? `WHEN ${template} THEN 'template'` : ''} ELSE NULL END`;
}

// Rows under the header where a form's instructions may stand (under a header of two rows, or a numbering row).
const INSTRUCTION_ROWS = 3;

/**
 * A WHEN clause for a form's row of instructions just under its header (填写单位全称 | 按反馈意见原文填写 |
 * 格式：2024年12月底 | 已完成/正在推进/未完成): its problem's cell is an instruction (INSTRUCTION_CELL_PATTERN),
 * and so are at least half of its filled cells, two at least. Skipped as an example.
 */
function instructionRow(p: PreparedSheet, problem: string): string {
  if (!p.columns.has('problem_title')) return '';
  const is = (c: string) => `regexp_matches(coalesce(${c}, ''), ${str(INSTRUCTION_CELL_PATTERN)})::INT`;
  const cells = Array.from({ length: p.width }, (_, i) => cell(i));
  const filled = cells.map((c) => `(${c} IS NOT NULL AND ${c} <> '')::INT`).join(' + ');
  // The pattern written once over the row's cells as a list, and the count bound once (bindSql): the
  // pattern per cell, twice, made the statement long to plan. Only the few rows under the header get here.
  const count = `list_sum(list_transform([${cells.join(', ')}], lambda st_c: ${is('st_c')}))`;
  // A CSV's empty lines are rows (empty-lines.ts) that hold no instructions: the rows counted are those read.
  const last = p.rowShift
    ? `coalesce((SELECT src_row FROM ${ident(p.table)} WHERE src_row > ${num(p.headerRow)} ORDER BY src_row LIMIT 1 OFFSET ${INSTRUCTION_ROWS - 1}), 2147483647)`
    : num(p.headerRow + INSTRUCTION_ROWS);
  return `WHEN src_row <= ${last} AND ${is(problem)} = 1
        AND ${bindSql(count, 'st_ic', `2 * st_ic >= (${filled}) AND st_ic >= 2`)} THEN 'example'`;
}

/**
 * `AND NOT …` for a row whose first cell is its problem's (a unit's own ledger lists its problems first;
 * a merge saved as CSV leaves the 序号 blank) and whose text only starts with a total's words (共计12笔公务接待无公函,
 * 合计3项资金未入账): a total's cell holds its label alone or with a count (TOTAL_CELL_PATTERN), else the rest
 * of its row holds no more than numbers. '' where no column holds the problem.
 */
function problemTextFirst(p: PreparedSheet, firstCell: string): string {
  const col = p.columns.get('problem_title');
  if (col === undefined) return '';
  const others = Array.from({ length: p.width }, (_, i) => i).filter((i) => i !== col).map(cell);
  const numbersOnly = others.map((c) => `(${c} IS NULL OR regexp_full_match(${c}, '[0-9０-９.,，%％\\s]*(个|项|条|件|人|次|万元|元)?'))`);
  return `AND NOT (${firstCell} IS NOT DISTINCT FROM ${cell(col)} AND NOT regexp_matches(${firstCell}, ${str(TOTAL_CELL_PATTERN)})
        ${numbersOnly.length ? `AND NOT (${numbersOnly.join(' AND ')})` : 'AND false'})`;
}
