import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { HEADING_SEQ_PATTERN, ISSUE_HEADING_PATTERN, PLAIN_SEQ_PATTERN, SECTION_ROW_PATTERN } from '../domain/vocabulary/rows';
import { cell, type StagedSheet } from './staging';
import { ROUND_WORDS, namesRound } from './blocks';
import type { PreparedSheet } from './prepare';

const MAX_ONE_CELL_ROWS = 5000;
const SECTION = new RegExp(SECTION_ROW_PATTERN);
// A heading is a short text; a longer lone cell may be a problem's text in the wrong column, which
// the validator then reports.
const MAX_HEADING_CHARS = 40;
// A heading written in the problem column is matched by its shape (SECTION, ISSUE_HEADING), which
// says more than its length: 在"贯彻落实上级决策部署不够有力，党组领导核心作用发挥不足"方面 is 33 characters.
const MAX_TITLE_HEADING_CHARS = 80;
// A 序号 that numbers a 方面 besides a plain number: a letter (A, B.) or 第一部分.
const ASPECT_SEQ = '[A-Za-zＡ-Ｚａ-ｚ][.、．]?|第[一二三四五六七八九十]+(部分|方面|类|项)';


type OneCellRows = Pick<PreparedSheet, 'sections' | 'loneRows'> & { roundTitles: { row: number; text: string }[] };

/**
 * Rows under the header that are not problems: with one cell filled and no problem title, section
 * headings anywhere in the row (their text is the 方面 of the rows under them), and, in the table's
 * first two columns (from `first`, the header's first), other headings and bare 序号 of an unfilled template row. Also a heading numbered
 * in its own cell (一、 | 全面从严治党方面, （一） | 意识形态工作责任制落实不到位: a ledger nested
 * 方面 → 问题 → 具体表现, whose heading text sits in the problem column): a section.
 *
 * And a heading written in the problem column itself with nothing else in the row: a section when it
 * reads as one (一、贯彻落实…方面), a heading over the 具体表现 under it when it quotes a 问题
 * (1.关于"…"问题, also beside a plain 序号). Only on a sheet whose problems fill more than two cells,
 * and more of them than such headings: a list of titles alone keeps every title a problem.
 */
export async function oneCellRows(engine: Engine, s: StagedSheet, headerRow: number, titleCol?: number, first = 0): Promise<OneCellRows> {
  const cols = Array.from({ length: s.width }, (_, i) => cell(i));
  const filled = cols.map((c) => `CAST(${c} IS NOT NULL AS INTEGER)`).join(' + ');
  const noTitle = titleCol === undefined ? 'true' : `${cell(titleCol)} IS NULL`;
  const numbered = (c: string) => `regexp_full_match(${c}, ${str(HEADING_SEQ_PATTERN)})`;
  const [a, b] = [cols[first] ?? 'NULL', cols[first + 1] ?? 'NULL'];
  const others = (skip: string) => `coalesce(${cols.filter((c) => c !== skip).join(', ') || 'NULL'})`;
  // Filters first, so that the pattern runs on the two-cell rows only.
  // A lone cell that names a round (第二轮 … 巡察) is read wherever it is, also in the problem column:
  // it may title a stacked block (blocks.ts decides, by the header repeated under it).
  const lone = `coalesce(${cols.join(', ')})`;
  const roundish = `(${ROUND_WORDS.map((w) => `regexp_matches(${lone}, ${str(w)})`).join(' AND ')})`;
  const title = titleCol === undefined ? 'NULL' : cell(titleCol);
  // The problem column alone: a section or a 问题 heading; beside a plain 序号 (1, 2., （1）): a 问题 heading, or a
  // …方面 (1 | 党的政治建设方面 over problems 1.1, 1.2: helper-128; it was a problem with no status, and cut the rate)
  // where two such rows at least head the sheet (below: one is a problem whose other cells are still blank, as is
  // 3 | 选人用人工作方面的问题, helper-129); beside a letter or 第一部分: any section. headingsAllowed below still wants
  // the problems written out in more cells.
  const seq = (pattern: string) => (titleCol === undefined || titleCol === first ? 'false' : `coalesce(regexp_full_match(${a}, ${str(pattern)}), false)`);
  const [number, lettered] = [seq(PLAIN_SEQ_PATTERN), seq(ASPECT_SEQ)];
  const issue = `regexp_matches(${title}, ${str(ISSUE_HEADING_PATTERN)})`;
  const aspect = `regexp_matches(${title}, ${str(SECTION_ROW_PATTERN)})`;
  const aspectOnly = `regexp_matches(${title}, '方面[:：]?$')`;
  const titleHeading = titleCol === undefined ? 'false'
    : `(${title} IS NOT NULL AND length(${title}) <= ${MAX_TITLE_HEADING_CHARS}
      AND ((filled = 1 AND (${aspect} OR ${issue})) OR (filled = 2 AND ((${number} AND (${issue} OR ${aspectOnly})) OR (${lettered} AND (${issue} OR ${aspect}))))))`;
  const rows = await engine.query<{ row: number; text: string; early: boolean; numbered: boolean; other: boolean; title_heading: boolean; plain_aspect: boolean }>(`SELECT src_row AS row,
      CASE WHEN title_heading THEN ${title} WHEN filled = 1 THEN ${lone} WHEN ${numbered(a)} THEN ${a} || ${others(a)} ELSE ${b} || ${others(b)} END AS text,
      filled = 2 OR ${[a, b].map((c) => `${c} IS NOT NULL`).join(' OR ')} AS early, filled = 2 AND NOT title_heading AS numbered,
      NOT (${noTitle}) AS other, title_heading, coalesce(title_heading AND filled = 2 AND ${number} AND NOT ${issue}, false) AS plain_aspect
    FROM (SELECT *, ${titleHeading} AND NOT numbered_pair AS title_heading
      FROM (SELECT *, coalesce(filled = 2 AND (${numbered(a)} OR ${numbered(b)}), false) AS numbered_pair
        FROM (SELECT src_row, ${filled} AS filled, ${cols.join(', ')} FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)})))
    WHERE (filled = 1 AND (${noTitle} OR ${roundish})) OR numbered_pair OR title_heading
    ORDER BY src_row LIMIT ${MAX_ONE_CELL_ROWS}`);
  const plainAspects = rows.filter((r) => r.plain_aspect).length;
  const titleHeadings = rows.filter((r) => r.title_heading).length;
  const headingsAllowed = titleHeadings > 0 && titleHeadings < (await fullRows(engine, s, headerRow, cols.length, filled));
  const out: OneCellRows = { sections: [], loneRows: [], roundTitles: [] };
  for (const r of rows) {
    const row = Number(r.row);
    if (!r.numbered && namesRound(r.text)) out.roundTitles.push({ row, text: r.text });
    if (r.title_heading && !namesRound(r.text)) {
      if (!headingsAllowed || (r.plain_aspect && plainAspects < 2)) continue;
      if (SECTION.test(r.text)) out.sections.push({ row, text: r.text });
      else out.loneRows.push({ row, kind: 'heading', text: r.text });
      continue;
    }
    // A lone problem text (admitted because it names a round) is a problem, unless it titles a block.
    if (r.other && !r.numbered) continue;
    if (r.numbered) out.sections.push({ row, text: r.text, numbered: true });
    else if (SECTION.test(r.text)) out.sections.push({ row, text: r.text });
    else if (!r.early) continue;
    else if (/^\d{1,5}(\.0+)?$/.test(r.text)) out.loneRows.push({ row, kind: 'numbered' });
    else if (r.text.length <= MAX_HEADING_CHARS) out.loneRows.push({ row, kind: 'heading', text: r.text });
  }
  return out;
}

/** Rows under the header with more than two cells filled: problems written out, not headings. */
async function fullRows(engine: Engine, s: StagedSheet, headerRow: number, width: number, filled: string): Promise<number> {
  if (width <= 2) return 0;
  const [{ n }] = await engine.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(s.table)}
    WHERE src_row > ${num(headerRow)} AND ${filled} > 2`);
  return Number(n);
}
