import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { TOTAL_LABEL_PATTERN, TOTAL_ROW_PATTERN } from '../domain/vocabulary/rows';
import { countyInTextSql } from './normalise/county';
import { cell, type StagedSheet } from './staging';

/**
 * A unit merged down over its problems in Excel keeps its name on the merge's first row only once
 * the sheet is saved as CSV (a workbook's merges are filled in by xlsx-grid.ts). A problem's row
 * with its unit cell empty then takes the unit of the last row above that has a problem and a
 * unit, and, where its county cell is empty too, the county in force there: it is the same unit. Not
 * past a 合计 row or a repeated header, nor into another county (a county written between). Each row
 * so filled is reported (unit_filled_down), and none is rejected for a missing unit. Only where the
 * sheet looks merged (findFillDown).
 */
export interface FillDown {
  unit: number;
  problem: number;
  county?: number;
  /** The 序号 column, where a 合计 row may be labelled. */
  id?: number;
  /** The unit's and the problem's header texts: a row repeating them is a pasted header. */
  unitHeader: string;
  problemHeader: string;
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
export async function findFillDown(engine: Engine, s: StagedSheet, headerRow: number, columns: Map<string, number>,
  headers: (string | null)[]): Promise<FillDown | undefined> {
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
  return looksMerged ? {
    unit, problem, county: columns.get('county'), id: columns.get('finding_id'), unitHeader: headers[unit] ?? '', problemHeader: headers[problem] ?? '',
  } : undefined;
}

/** TRUE on a problem's row whose unit cell is empty: the rows filled. */
export function unitBlankSql(f: FillDown): string {
  return `(${cell(f.unit)} IS NULL AND ${cell(f.problem)} IS NOT NULL)`;
}

/**
 * A row no unit is carried past: a 合计 / 小计 row (in its 序号, unit or county cell), or the header
 * repeated (a block pasted under the first).
 */
function barrierSql(f: FillDown): string {
  // Not the problem's cell: a problem may well say 汇总 or 共计 (财务数据未按时汇总, 共计3笔资金未入账).
  const cells = [f.id, f.unit, f.county].filter((c): c is number => c !== undefined).map(cell);
  const total = cells.map((c) => `(contains(${c}, '计') OR contains(${c}, '总')) AND (regexp_matches(${c}, ${str(TOTAL_ROW_PATTERN)}) OR regexp_matches(${c}, ${str(TOTAL_LABEL_PATTERN)}))`);
  return `coalesce(${total.join(' OR ')} OR ${cell(f.unit)} = ${str(f.unitHeader)} OR ${cell(f.problem)} = ${str(f.problemHeader)}, false)`;
}

/** The filled unit and county columns a sheet's raw views read in place of its cells (FILLED_UNIT, FILLED_COUNTY). */
export const FILLED_UNIT = 'fd_unit';
export const FILLED_COUNTY = 'fd_county';
/** Helper columns of fillDownSourceSql, left out of the raw views. */
export const FILL_DOWN_HELPERS = ['fd_barrier', 'fd_cur', 'fd_above', 'fd_carried'];

/**
 * The staged rows under the header with the unit and county filled (FILLED_UNIT, FILLED_COUNTY): a
 * problem's row lacking its unit takes the unit of the last row above with a problem and a unit,
 * when the county in force (its own, else the last written above) is the same there and here and
 * no barrier (barrierSql) lies between; a problem's row lacking its county takes the county in force,
 * unless its unit names one. A subquery.
 */
export function fillDownSourceSql(f: FillDown, table: string, headerRow: number): string {
  const unit = cell(f.unit);
  const county = f.county === undefined ? 'CAST(NULL AS VARCHAR)' : cell(f.county);
  const w = 'ORDER BY src_row ROWS BETWEEN UNBOUNDED PRECEDING AND';
  // The county cell merged down too: a problem's row takes the county in force, whether its unit is
  // written or carried, unless the unit names a county of its own (义乌市丙局), whose rows all read it.
  const filledUnit = `coalesce(${unit}, fd_carried)`;
  return `(SELECT *, ${filledUnit} AS ${FILLED_UNIT},
      coalesce(${county}, CASE WHEN ${cell(f.problem)} IS NOT NULL AND ${countyInTextSql(filledUnit)} IS NULL THEN fd_cur END) AS ${FILLED_COUNTY}
    FROM (SELECT *, CASE WHEN ${unitBlankSql(f)} AND NOT fd_barrier AND fd_above.cc IS NOT DISTINCT FROM fd_cur THEN fd_above.u END AS fd_carried
      FROM (SELECT *, last_value(CASE WHEN fd_barrier THEN {'u': CAST(NULL AS VARCHAR), 'cc': CAST(NULL AS VARCHAR)}
          WHEN ${cell(f.problem)} IS NOT NULL AND ${unit} IS NOT NULL THEN {'u': ${unit}, 'cc': fd_cur} END IGNORE NULLS) OVER (${w} 1 PRECEDING) AS fd_above
        FROM (SELECT *, ${barrierSql(f)} AS fd_barrier, last_value(${county} IGNORE NULLS) OVER (${w} CURRENT ROW) AS fd_cur
          FROM ${ident(table)} WHERE src_row > ${num(headerRow)}))))`;
}
