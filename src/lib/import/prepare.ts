import type { Engine } from '../db/types';
import { fieldByKey } from '../domain/fields';
import { ident, num, str } from '../queries/sql';
import { candidateHeaderRow } from './candidate-header';
import { fieldClaims, findHeader, type ColumnClaim, guessField, normaliseHeader, suggestField } from './headers';
import { splitHeader } from './split-headers';
import { isNumberingRow } from './numbering-row';
import { chooseColumns } from './column-choice';
import { cell, type StagedSheet } from './staging';
import { stagedCell } from './cells';
import type { MappingRequest, RoundHint } from './types';
import { parseRoundText, type RoundParts } from './round';
import { hintParts } from './round-lookup';
import { findContinuationRows, type ContinuationRow } from './continuation-rows';
import { findBlocks, type SheetBlock } from './blocks';
import { oneCellRows } from './one-cell-rows';
import { findStatusTicks, type StatusTick } from './status-ticks';
import { findFillDown, type FillDown } from './fill-down';
import { stagedSkipKindSql } from './normalise/raw';
import { foreignHeaders, repeatedHeaderLines, type ForeignHeader } from './header-layouts';
import { repeatedFormLines } from './form-lines';
import { splitCountyHeadings, type CountyHeading } from './county-headings';
import { splitUnitHeadings, type UnitHeading } from './unit-headings';
import { templateRowsAfter, type TemplateRows } from './template-rows';
import { titleRowTexts } from './title';

/**
 * Finds the header row of a staged sheet, maps its columns to fields and decides whether the
 * import can go on or needs the user's mapping.
 */
export interface PreparedSheet extends StagedSheet {
  /** src_row of the header; data rows follow it. */
  headerRow: number;
  /** Header texts (index = column). */
  headers: (string | null)[];
  /** Number of columns the header spans; cells beyond it are ragged. */
  headerWidth: number;
  /** Field key → column index. */
  columns: Map<string, number>;
  /** Field key → every column whose header claims it, best first (fieldClaims); `columns` holds the one read. */
  claims: Map<string, ColumnClaim[]>;
  /** src_row of a row of column numbers (1 2 3 …) right under the header, skipped as part of it. */
  numberingRow?: number;
  /** The round label column names the committee in some rows only (第3轮 beside 十四届县委第二轮巡察): the others need a level. */
  roundLevelsPartly?: true;
  /** The texts of the rows above the header: the title, 填报单位 lines (see title.ts). */
  titles: string[];
  /** Section heading rows under the header (rows.ts SECTION_ROW_PATTERN), in row order. */
  sections: { row: number; text: string; numbered?: boolean }[];
  /**
   * Other rows under the header with one cell only, in the first two columns and no problem: a
   * heading (婺城区, a block's title) or a template row with nothing but its 序号. Skipped.
   */
  loneRows: { row: number; kind: 'heading' | 'numbered'; text?: string }[];
  /**
   * Heading rows that name the unit of the rows under them (一、横店镇党委（2个问题）), where no column
   * names the unit (unit-headings.ts); skipped as headings, not carried as a 方面.
   */
  unitHeadings?: UnitHeading[];
  /** Headings naming the county of the rows under them, where no column does (county-headings.ts). */
  countyHeadings?: CountyHeading[];
  /** Rows that hold only the rest of the problem above them (continuation-rows.ts). */
  continuations: ContinuationRow[];
  /** Blocks of other rounds stacked under the first, each under its own title (blocks.ts). */
  blocks: SheetBlock[];
  /** Columns that give the status by a mark (已完成 | 正在整改 | 未完成), where no status column does (status-ticks.ts). */
  statusTicks?: StatusTick[];
  /** The unit (and its county) to fill down where a problem's row lacks it (fill-down.ts). */
  fillDown?: FillDown;
  /** Rows repeating a line of a header of two rows, skipped as the header (header-layouts.ts repeatedHeaderLines). */
  headerLines?: number[];
  /** Headers repeated lower down with their columns laid out otherwise: their rows are rejected (header-layouts.ts). */
  foreignHeaders?: ForeignHeader[];
  /** A template's unfilled rows below the data (template-rows.ts). */
  template?: TemplateRows;
  /**
   * The unit every row belongs to when no column names one: from the analyst's hint, the title,
   * the sheet or the file name (set by the importer before planning; see title.ts).
   */
  unitText?: string;
  /** The feedback date every row has when no column gives one: as a title line states it (title.ts statedFeedback). */
  feedbackText?: string;
}

const HEAD_ROWS = 30;
const SAMPLE_ROWS = 5;

/** Reads the first rows of a staged sheet that have a value (lines of empty cells are passed over) as string arrays. */
async function headRows(engine: Engine, s: StagedSheet, limit: number, after = -1): Promise<{ row: number; cells: (string | null)[] }[]> {
  const cols = Array.from({ length: s.width }, (_, i) => cell(i));
  const rows = await engine.query<Record<string, string | null>>(
    `SELECT src_row, ${cols.join(', ')} FROM ${ident(s.table)} WHERE src_row > ${after} AND coalesce(${cols.join(', ')}) IS NOT NULL
      ORDER BY src_row LIMIT ${limit}`,
  );
  return rows.map((r) => ({ row: Number(r.src_row), cells: cols.map((c) => r[c]) }));
}

/**
 * Locates the header. 'blank' for a sheet with no value in its first rows (Excel's empty Sheet2),
 * 'no_header' when values are there but no row looks like a header. With `unknownHeaders`, a row
 * of labels only one of which names a required field is taken as the header (candidateHeaderRow),
 * for the mapping dialog.
 */
export async function prepareSheet(
  engine: Engine, s: StagedSheet, mapping: Record<string, string>, unknownHeaders = false,
): Promise<PreparedSheet | 'blank' | 'no_header'> {
  const head = await headRows(engine, s, HEAD_ROWS);
  const cells = head.map((r) => r.cells);
  // Records' keys (JSON, Parquet) are the header even when no alias knows them (English keys):
  // the mapping dialog then offers them.
  const candidate = !unknownHeaders ? null : s.keysHeader && head[0]?.row === 0 ? 0 : candidateHeaderRow(cells, mapping);
  const at = splitHeader(cells, findHeader(cells, mapping), mapping) ?? (candidate === null ? null : { index: candidate, rows: 1 as const, headers: cells[candidate] });
  if (at === null) return head.some((r) => r.cells.some((c) => stagedCell(c) !== null)) ? 'no_header' : 'blank';
  // Staged cells are trimmed already; the same rule again keeps header texts equal to their cells.
  const headers = at.headers.map(stagedCell);
  let headerWidth = 0;
  headers.forEach((h, i) => h && (headerWidth = i + 1));
  const headerRow = head[at.index].row;
  const claims = fieldClaims(headers, mapping, s.hiddenColumns);
  const columns = new Map([...claims].map(([key, [best]]) => [key, best.col]));
  for (const [key, col] of await chooseColumns(engine, s, headerRow, claims)) columns.set(key, col);
  const levelsPartly = labelsUnderRoundNo(columns, headers, mapping, head.slice(at.index + 1).map((r) => r.cells));
  const statusTicks = statusTickColumns(headers, columns);
  if (await holdsCountsOnly(engine, s, headerRow, columns.get('problem_title'))) columns.delete('problem_title');
  const next = head[at.index + 1];
  const numberingRow = next && isNumberingRow(next.cells, headers) ? next.row : undefined;
  const titles = head.slice(0, at.index + 1 - at.rows).flatMap((r) => titleRowTexts(r.cells.map(stagedCell).filter((c): c is string => c !== null)));
  // The table's first column: a sheet may leave columns A, B … empty and start further right. Its
  // header may be blank (an unheaded 序号 column), so the rows under it count too.
  const leftmost = (cells: (string | null)[]) => cells.findIndex((c) => stagedCell(c) !== null);
  const used = [headers, ...head.slice(at.index + 1).map((r) => r.cells)].map(leftmost).filter((i) => i >= 0);
  const first = used.length ? Math.min(...used) : 0;
  const oneCell = await oneCellRows(engine, s, headerRow, columns.get('problem_title'), first);
  // County headings are no 方面 even beside a county column, which then gives the rows' county.
  const byCounty = splitCountyHeadings(oneCell);
  const countyRows = byCounty.countyHeadings.filter((x) => x.county !== null).map((x) => x.row);
  const { sections, loneRows, unitHeadings } = columns.has('unit_name') ? { ...byCounty, unitHeadings: [] } : splitUnitHeadings(byCounty, countyRows);
  const { countyHeadings } = byCounty;
  const { roundTitles } = oneCell;
  const blocks = await findBlocks(engine, s, roundTitles, headers, columns, mapping);
  // A block's title and its other title lines are skipped as headings (unless already a section).
  const listed = new Set([...sections, ...loneRows].map((r) => r.row));
  for (const b of blocks) {
    loneRows.push(...[b.row, ...b.titleRows].filter((row) => !listed.has(row)).map((row) => ({ row, kind: 'heading' as const })));
  }
  const headerLines = await repeatedHeaderLines(engine, s, headerRow, head.slice(at.index + 1 - at.rows, at.index + 1).map((r) => r.cells),
    numberingRow === undefined ? undefined : { row: numberingRow, cells: next.cells });
  // Per-unit forms stacked in the sheet: each next form line is skipped, and gives the rows under it their unit and county.
  const forms = await repeatedFormLines(engine, s, headerRow, head.slice(0, at.index + 1 - at.rows).map((r) => r.cells));
  headerLines.push(...forms.rows);
  if (!columns.has('unit_name')) unitHeadings.push(...forms.unitHeadings);
  if (!columns.has('county')) countyHeadings.push(...forms.countyHeadings);
  for (const list of [unitHeadings, countyHeadings]) list.sort((a, b) => a.row - b.row);
  const headings = new Set([...sections.map((x) => x.row), ...loneRows.map((x) => x.row), ...(numberingRow === undefined ? [] : [numberingRow]), ...headerLines,
    ...blocks.flatMap((b) => [...b.headerRows, ...(b.numberingRow === undefined ? [] : [b.numberingRow])])]);
  const continuations = await findContinuationRows(engine, s, headerRow, columns.get('problem_title'), columns.get('finding_id'), headings);
  const template = await templateRowsAfter(engine, s, headerRow, columns);
  const prepared: PreparedSheet = { ...s, headerRow, headers, headerWidth, columns, claims, numberingRow, titles, sections, loneRows, continuations, blocks, statusTicks, template, ...(headerLines.length ? { headerLines } : {}), ...(levelsPartly ? { roundLevelsPartly: true } : {}), ...(unitHeadings.length ? { unitHeadings } : {}), ...(countyHeadings.length ? { countyHeadings } : {}) };
  // Last: the cells a merge left empty are filled from data rows only, which the rows above tell apart.
  const fillDown = await findFillDown(engine, s, headerRow, columns, headers, stagedSkipKindSql(prepared));
  const foreign = await foreignHeaders(engine, prepared, mapping);
  return { ...prepared, ...(fillDown ? { fillDown } : {}), ...(foreign.length ? { foreignHeaders: foreign } : {}) };
}

/**
 * The tick columns that give the status (status-ticks.ts), where no column other than one of them
 * does: a status column claimed by one (完成情况/已完成, the group label carried onto its first
 * sub-column) is dropped for them; a real 整改状态 column keeps them unread.
 */
function statusTickColumns(headers: (string | null)[], columns: Map<string, number>): StatusTick[] {
  const status = columns.get('status_raw');
  const taken = new Set([...columns].filter(([key]) => key !== 'status_raw').map(([, col]) => col));
  const ticks = findStatusTicks(headers, taken);
  if (!ticks.length || (status !== undefined && !ticks.some((t) => t.col === status))) return [];
  columns.delete('status_raw');
  return ticks;
}

/**
 * A 轮次 column that holds whole round labels (十五届市委第三轮巡察) rather than numbers is the round
 * label: it also names the committee, which a round number column would leave the dialog to ask.
 * Also when only some of its values do (第3轮 beside 十四届县委第二轮巡察): read as numbers, every row
 * would take the one level the dialog gives, and a 省委 round would share a county round's key.
 * Returns true then: the rows without a level still need one (missingFields asks), which fills only
 * what their label leaves out. Read from the values under the header; a column the analyst mapped
 * stays as mapped.
 */
function labelsUnderRoundNo(columns: Map<string, number>, headers: (string | null)[], mapping: Record<string, string>, rows: (string | null)[][]): boolean {
  const col = columns.get('round_no');
  if (col === undefined || columns.has('round_label') || normaliseHeader(headers[col] ?? '') in mapping) return false;
  const values = rows.map((r) => stagedCell(r[col])).filter((v): v is string => v !== null);
  const parts = values.map((v) => parseRoundText(v));
  const labels = parts.filter((p) => p.inspector_level !== undefined && p.round_no !== undefined).length;
  // Every value must still give its round number, so that no row is lost by the switch.
  if (!labels || parts.some((p) => p.round_no === undefined)) return false;
  columns.delete('round_no');
  columns.set('round_label', col);
  return labels < values.length;
}

// Values of a problem column read to tell problems from counts.
const COUNT_SAMPLE = 200;
// A count (2, 3个, 1 个) and a cell standing for none (/, —, 无).
const COUNT_CELL = '[0-9]+(\\.[0-9]+)?\\s*(个|项|条|件)?';
const NO_COUNT_CELL = '[/／\\-—–无]';

/**
 * A 问题 column holding nothing but numbers (2, 3个) counts problems, as a 汇总 or 统计 sheet
 * does; it names no problem. Such a sheet is then no ledger (named in the report beside the
 * ledger sheets), or the dialog asks for the problem column.
 */
async function holdsCountsOnly(engine: Engine, s: StagedSheet, headerRow: number, col?: number): Promise<boolean> {
  if (col === undefined) return false;
  const c = cell(col);
  const [r] = await engine.query<{ n: number; counts: number; blanks: number }>(`SELECT count(*) AS n,
      count(*) FILTER (WHERE regexp_full_match(${c}, ${str(COUNT_CELL)})) AS counts,
      count(*) FILTER (WHERE regexp_full_match(${c}, ${str(NO_COUNT_CELL)})) AS blanks
    FROM (SELECT ${c} FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} AND ${c} IS NOT NULL LIMIT ${COUNT_SAMPLE})`);
  return Number(r.counts) > 0 && Number(r.counts) + Number(r.blanks) === Number(r.n);
}

/**
 * Whether anything is written under the header beyond a 序号 / 编号 and the row numbering the
 * columns (栏次): an unfilled template holds no problem, so it is no dataset and needs no mapping
 * dialog either.
 */
export async function holdsRows(engine: Engine, p: PreparedSheet): Promise<boolean> {
  const id = p.columns.get('finding_id');
  const cells = Array.from({ length: p.width }, (_, i) => i).filter((i) => i !== id).map((i) => cell(i));
  if (!cells.length) return false;
  const numbering = p.numberingRow === undefined ? '' : `AND src_row <> ${num(p.numberingRow)}`;
  const rows = await engine.query(`SELECT 1 FROM ${ident(p.table)} WHERE src_row > ${num(p.headerRow)} ${numbering}
    AND coalesce(${cells.join(', ')}) IS NOT NULL LIMIT 1`);
  return rows.length > 0;
}

/**
 * The required fields, each with the fields that also provide it: a column or a known value of
 * any of them will do. The county can come from the unit's name, row by row; the round number
 * and the inspecting committee's level from a round label (八届市委第三轮巡察).
 */
export const REQUIRED_GIVEN_BY: Readonly<Record<string, readonly string[]>> = {
  unit_name: ['unit_name'],
  problem_title: ['problem_title'],
  county: ['county', 'unit_name'],
  inspector_level: ['inspector_level', 'round_label'],
  round_no: ['round_no', 'round_label'],
};

/**
 * Required fields that no column provides and nothing else can derive. Values known without a
 * column: the unit from the title, sheet or file name (unitText), the county every row falls back
 * to (the importer's fallbackCounty), the round from the title, sheet/file names or the hint.
 * Without a level no row gets a round key (DOMAIN §6.4).
 */
export function missingFields(p: PreparedSheet, nameRound: RoundParts, hint: RoundHint | undefined, fallbackCounty?: string): string[] {
  const typed = hintParts(hint);
  const known: Record<string, unknown> = {
    unit_name: p.unitText || p.unitHeadings?.length,
    county: fallbackCounty || p.countyHeadings?.length,
    inspector_level: nameRound.inspector_level || typed.inspector_level,
    round_no: nameRound.round_no || typed.round_no,
  };
  return Object.entries(REQUIRED_GIVEN_BY)
    // A label column that names the committee in some rows only leaves the level to ask for.
    .filter(([key, by]) => !by.some((f) => (p.columns.has(f) && !(key === 'inspector_level' && f === 'round_label' && p.roundLevelsPartly)) || known[f]))
    .map(([key]) => key);
}

/** The request shown by the mapping dialog. */
export async function mappingRequest(engine: Engine, p: PreparedSheet, file: string, missing: string[]): Promise<MappingRequest> {
  const width = Math.max(p.headerWidth, 1);
  // Samples start under a 栏次 row, which holds no value of the column.
  const rows = await headRows(engine, p, SAMPLE_ROWS, p.numberingRow ?? p.headerRow);
  const headers = p.headers.slice(0, width).map((h, i) => h ?? `#${i + 1}`);
  const suggested: Record<string, string | null> = {};
  const claimed = new Set(p.columns.keys());
  const keys = headers.map((h, i) => (p.headers[i] ? normaliseHeader(h) || null : null));
  headers.forEach((h, i) => {
    const key = keys[i];
    if (key === null || key in suggested) return;
    const guess = guessField(h);
    suggested[key] = suggestField(h) ?? (guess && !claimed.has(guess) ? guess : null);
  });
  for (const [key, col] of p.columns) if (fieldByKey(key)) suggested[normaliseHeader(headers[col])] = key;
  return {
    file,
    sheet: p.sheet,
    headers,
    samples: rows.map((r) => r.cells.slice(0, width).map((c) => c ?? '')),
    keys,
    suggested,
    missing,
    givenBy: Object.fromEntries(missing.map((k) => [k, [...(REQUIRED_GIVEN_BY[k] ?? [k])]])),
  };
}
