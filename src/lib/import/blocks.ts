import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { matchHeaders } from './headers';
import { isNumberingRow } from './numbering-row';
import { COUNTY_LEVEL, parseRoundText } from './round';
import { cell, type StagedSheet } from './staging';
import { stagedCell } from './cells';
import { unitInTexts } from './title';

/**
 * Ledgers of several rounds pasted one under the other in one sheet: under the last row of a
 * block comes the next block's title (十五届义乌市委第二轮巡察反馈问题整改台账), maybe a 填报单位
 * line, the header again and its row of column numbers. Read as one block, every row took the
 * first title's round, the title was a rejected row and the column numbers a finding titled 3.
 *
 * A block starts at a row with one cell under the header that names a round (第二轮巡察) and is
 * followed, within a few rows, by the header again (its labels read as the same fields, however
 * spelled). Without that repeated header such a row is a heading (四、聚焦第二轮巡察反馈问题整改
 * 落实情况方面, a measure that mentions 第二轮), and the rows under it keep the sheet's round. The
 * title, the rows between it and the repeated header (its other title lines) and a numbering row
 * under that header are skipped. The rows under it take its round facts (level, term, round
 * number), where their own round columns are empty, and its unit where no column names one.
 */
export interface SheetBlock {
  /** The block title's row. */
  row: number;
  /** Title lines of the block under the first: skipped as headings. */
  titleRows: number[];
  /** The repeated header's rows (two for a two-row header): skipped as a header. */
  headerRows: number[];
  /** The row of column numbers under the repeated header, if any. */
  numberingRow?: number;
  /** Round facts of the title, as cells of the round fields would hold them. */
  level?: string;
  term?: string;
  roundNo?: string;
  /** The unit the block's title lines name (title.ts). */
  unit?: string;
  /** The county whose committee the title names (东阳市委), if any. */
  county?: string;
}

// A note or footer that mentions a round (注：第一轮巡察反馈问题已整改完毕) titles no block.
const NOT_A_TITLE = /^[\s(（]*(注|备注|说明|填表说明|填报说明|以上|上述|其中)/;

/** A text that names a round: both patterns match it (第二轮 … 巡察). RE2 and JS alike, for SQL's first sift. */
export const ROUND_WORDS = ['第.{1,4}轮', '巡察|巡视'] as const;

/** True when a lone text names an inspection round (第二轮巡察, 省委第三轮巡视): a block's title. */
export function namesRound(text: string): boolean {
  const t = text.normalize('NFKC');
  return ROUND_WORDS.every((w) => new RegExp(w).test(t)) && !NOT_A_TITLE.test(t) && parseRoundText(t).round_no !== undefined;
}

// Rows read after a block title to find its repeated header.
const LOOK_AHEAD = 6;
// More blocks than this and the sheet is read as one block (each title still skipped).
const MAX_BLOCKS = 100;

/**
 * The blocks that start under the header, from the candidate title rows (one-cell rows that name
 * a round, in row order). `headers` and `columns`: the sheet's header texts and its mapped columns;
 * `mapping`: the analyst's saved header mapping, read as the header itself is.
 */
export async function findBlocks(
  engine: Engine, s: StagedSheet, titleRows: { row: number; text: string }[], headers: (string | null)[], columns: ReadonlyMap<string, number>,
  mapping: Record<string, string> = {},
): Promise<SheetBlock[]> {
  if (!titleRows.length || titleRows.length > MAX_BLOCKS) return [];
  const fields = new Set(columns.keys());
  const cols = Array.from({ length: s.width }, (_, i) => cell(i));
  const out: SheetBlock[] = [];
  for (const t of titleRows) {
    const rows = await engine.query<Record<string, string | null>>(`SELECT src_row, ${cols.join(', ')} FROM ${ident(s.table)}
      WHERE src_row > ${num(t.row)} AND coalesce(${cols.join(', ')}) IS NOT NULL ORDER BY src_row LIMIT ${LOOK_AHEAD}`);
    const cells = rows.map((r) => cols.map((c) => stagedCell(r[c])));
    // The header again: its labels name at least two of the sheet's fields (or its only one),
    // spelled as above or otherwise (编号 | 被巡察单位名称 under 序号 | 被巡察单位).
    const need = Math.min(2, fields.size);
    const at = cells.findIndex((cs) => need > 0 && [...matchHeaders(cs, mapping).values()].filter((k) => fields.has(k)).length >= need);
    if (at < 0) continue;
    const titleLines = cells.slice(0, at).map((cs) => cs.filter((c): c is string => c !== null).join(' '));
    // Column numbers under the header, or under its second row (a two-row header).
    const numbering = [at + 1, at + 2].find((i) => cells[i] && isNumberingRow(cells[i], cells[at].map((c, k) => c ?? cells[i - 1][k])));
    const parts = parseRoundText(t.text);
    out.push({
      row: t.row,
      titleRows: rows.slice(0, at).map((r) => Number(r.src_row)),
      headerRows: rows.slice(at, numbering ?? at + 1).map((r) => Number(r.src_row)),
      numberingRow: numbering === undefined ? undefined : Number(rows[numbering].src_row),
      // A county committee by its name (义乌市委), which parseLevel reads back; the others by their level.
      level: parts.inspector_level === COUNTY_LEVEL && parts.county ? `${parts.county}委` : parts.inspector_level,
      term: parts.term,
      // A round numbered within its year keeps the year with the number, as a 轮次 cell would (2023年第1轮).
      roundNo: parts.round_no === undefined ? undefined : parts.period ? `${parts.period}年第${parts.round_no}轮` : String(parts.round_no),
      unit: unitInTexts([t.text, ...titleLines]) ?? undefined,
      county: parts.inspector_level === COUNTY_LEVEL ? parts.county : undefined,
    });
  }
  return out;
}

/** The value of each row's block as SQL (a CASE over src_row), or null when no block gives one. */
export function blockValueSql(blocks: readonly SheetBlock[], value: (b: SheetBlock) => string | undefined): string | null {
  if (!blocks.some((b) => value(b) !== undefined)) return null;
  // Latest block first: a row takes the last title above it; rows of a block that says nothing get NULL.
  const whens = [...blocks].reverse().map((b) => {
    const v = value(b);
    return `WHEN src_row > ${num(b.row)} THEN ${v === undefined ? 'NULL' : str(v)}`;
  });
  return `CASE ${whens.join(' ')} ELSE NULL END`;
}
