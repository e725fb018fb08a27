import type { Engine } from '../db/types';
import { ident, num } from '../queries/sql';
import { cell, type StagedSheet } from './staging';

/**
 * A unit merged down over its problems in Excel keeps its name on the merge's first row only once
 * the sheet is saved as CSV (a workbook's merges are filled in by xlsx-grid.ts). A problem's row
 * with its unit cell empty then takes the unit of the last row above that has a problem and a
 * unit, and, where its county cell is empty too, that row's county: it is the same unit. Each row
 * so filled is reported (unit_filled_down), and none is rejected for a missing unit. Only where the
 * sheet looks merged (findFillDown).
 */
export interface FillDown {
  unit: number;
  problem: number;
  county?: number;
}

// Of the problems' rows, at least this share lack their unit in a merged sheet saved as CSV (a unit
// over two problems already leaves half); a few blanks among written units are missing values.
const MIN_BLANK_SHARE = 0.2;
// And at least two: one blank under one written unit says little either way.
const MIN_BLANKS = 2;

/**
 * The columns to fill down, or undefined. Only a sheet that looks merged: problems' rows lacking
 * their unit (at least MIN_BLANKS, and MIN_BLANK_SHARE of them), and no unit written on two problems' rows one
 * after the other (a merge would have left the second blank). A unit missing here and there in a
 * sheet that writes it on every row is a missing value, rejected and reported as before.
 */
export async function findFillDown(engine: Engine, s: StagedSheet, headerRow: number, columns: Map<string, number>): Promise<FillDown | undefined> {
  const unit = columns.get('unit_name');
  const problem = columns.get('problem_title');
  if (unit === undefined || problem === undefined) return undefined;
  const [u, p] = [cell(unit), cell(problem)];
  // One cheap probe first: most sheets have their unit on every row.
  const probe = await engine.query(`SELECT 1 FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} AND ${u} IS NULL AND ${p} IS NOT NULL LIMIT 1`);
  if (!probe.length) return undefined;
  const [r] = await engine.query<{ n: number; blank: number; repeated: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE u IS NULL) AS blank,
      count(*) FILTER (WHERE u = prev) AS repeated
    FROM (SELECT ${u} AS u, lag(${u}) OVER (ORDER BY src_row) AS prev FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} AND ${p} IS NOT NULL)`);
  const looksMerged = Number(r.repeated) === 0 && Number(r.blank) >= Math.max(MIN_BLANKS, MIN_BLANK_SHARE * Number(r.n));
  return looksMerged ? { unit, problem, county: columns.get('county') } : undefined;
}

/** TRUE on a problem's row whose unit cell is empty: the rows filled. */
export function unitBlankSql(f: FillDown): string {
  return `(${cell(f.unit)} IS NULL AND ${cell(f.problem)} IS NOT NULL)`;
}

/** The unit (`u`) and county (`c`) of the last row above with a problem and a unit, as a struct. */
function aboveSql(f: FillDown): string {
  const county = f.county === undefined ? 'CAST(NULL AS VARCHAR)' : cell(f.county);
  return `last_value(CASE WHEN ${cell(f.problem)} IS NOT NULL AND ${cell(f.unit)} IS NOT NULL THEN {'u': ${cell(f.unit)}, 'c': ${county}} END IGNORE NULLS)
    OVER (ORDER BY src_row ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
}

/** The unit cell, filled from above on a problem's row that lacks it. */
export function filledUnitSql(f: FillDown): string {
  return `coalesce(${cell(f.unit)}, CASE WHEN ${cell(f.problem)} IS NOT NULL THEN (${aboveSql(f)}).u END)`;
}

/** The county cell, filled from above where the unit was (the same unit's county); undefined without a county column. */
export function filledCountySql(f: FillDown): string | undefined {
  if (f.county === undefined) return undefined;
  return `coalesce(${cell(f.county)}, CASE WHEN ${unitBlankSql(f)} THEN (${aboveSql(f)}).c END)`;
}
