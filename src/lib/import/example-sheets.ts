import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { EXAMPLE_SHEET_PATTERN, EXAMPLE_TEXT_PATTERN, INSTRUCTION_CELL_PATTERN, PLACEHOLDER_TEXT_PATTERN,
  TEMPLATE_SHEET_PATTERN } from '../domain/vocabulary/rows';
import type { PreparedSheet } from './prepare';
import { cell } from './staging';

/**
 * The sheets named as a sample or a template (填报示例, 样表, 模板) beside a ledger: they show how to fill one in,
 * and their placeholder rows (××镇党委) are no findings. A sheet named as a template (…模板, 空白表) that the office
 * filled in and kept the name of is a ledger, though: it has a problem written, and no placeholder, instruction
 * or example text in its units' and problems' cells (helper-134 F3). Alone in the file (or beside other such
 * sheets only), any such sheet is the ledger: none is returned.
 */
export async function exampleSheets(engine: Engine, prepared: PreparedSheet[]): Promise<PreparedSheet[]> {
  const named = (p: PreparedSheet) => p.sheet !== undefined && EXAMPLE_SHEET_PATTERN.test(p.sheet.replace(/\s+/g, ''));
  if (!prepared.some((p) => !named(p))) return [];
  const out: PreparedSheet[] = [];
  for (const p of prepared.filter(named)) if (!(await filledTemplate(engine, p))) out.push(p);
  return out;
}

/** A sheet named as a template whose rows under the header hold a problem, and no placeholder. */
async function filledTemplate(engine: Engine, p: PreparedSheet): Promise<boolean> {
  const problem = p.columns.get('problem_title');
  if (problem === undefined || !TEMPLATE_SHEET_PATTERN.test((p.sheet ?? '').replace(/\s+/g, ''))) return false;
  const unit = p.columns.get('unit_name');
  const text = (c: number) => `trim(coalesce(${cell(c)}, ''))`;
  const marked = [problem, ...(unit === undefined ? [] : [unit])].map((c) => `regexp_matches(${text(c)}, ${str(PLACEHOLDER_TEXT_PATTERN)})`)
    .concat([INSTRUCTION_CELL_PATTERN, EXAMPLE_TEXT_PATTERN].map((re) => `regexp_matches(${text(problem)}, ${str(re)})`)).join(' OR ');
  const [{ filled, placeholders }] = await engine.query<{ filled: number; placeholders: number }>(`SELECT
      CAST(count(*) FILTER (WHERE ${text(problem)} <> '') AS INTEGER) AS filled,
      CAST(count(*) FILTER (WHERE ${marked}) AS INTEGER) AS placeholders
    FROM ${ident(p.table)} WHERE src_row > ${num(p.headerRow)}`);
  return Number(filled) > 0 && Number(placeholders) === 0;
}
