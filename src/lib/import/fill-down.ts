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
 * past a 合计 row or a repeated header, nor into another county (a county written between). The
 * unit's inspection, merged down with it (轮次名称, 反馈时间, 单位类型: WITH_UNIT), is carried with it where the
 * row's own cell is empty and the row names no other round. Each row so filled is reported (unit_filled_down), and none is rejected for
 * a missing unit or round. Only where the sheet looks merged (findFillDown).
 */
export interface FillDown {
  unit: number;
  problem: number;
  county?: number;
  /** The columns of the unit's inspection (WITH_UNIT) the sheet has, by field key. */
  withUnit: { key: string; col: number }[];
  /** The 序号 column, where a 合计 row may be labelled. */
  id?: number;
  /** The unit's and the problem's header texts: a row repeating them is a pasted header. */
  unitHeader: string;
  problemHeader: string;
}

// Fields of a unit's inspection: one value per unit and round, merged down with the unit in Excel.
const WITH_UNIT = ['inspector_level', 'term', 'round_no', 'round_label', 'year', 'mode', 'team', 'unit_type', 'station_start', 'station_end', 'feedback_date'];
// The fields that name the round: a row writing another round than the unit's row takes none of that round's cells.
const ROUND_NAMES = new Set(['inspector_level', 'term', 'round_no', 'round_label']);

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
  const taken = new Set([unit, problem, columns.get('county')]);
  const withUnit = WITH_UNIT.filter((key) => columns.has(key) && !taken.has(columns.get(key))).map((key) => ({ key, col: columns.get(key)! }));
  return looksMerged ? {
    unit, problem, county: columns.get('county'), withUnit, id: columns.get('finding_id'), unitHeader: headers[unit] ?? '', problemHeader: headers[problem] ?? '',
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

// The filled unit, county and inspection columns a sheet's raw views read in place of its cells.
const FILLED_UNIT = 'fd_unit';
const FILLED_COUNTY = 'fd_county';
const filledWithUnit = (col: number) => `fd_c${col}`;

/** The filled column field `key` reads in place of its cell `col`, or undefined when it is not filled down. */
export function filledColumn(f: FillDown | undefined, key: string, col: number | undefined): string | undefined {
  if (!f || col === undefined) return undefined;
  if (key === 'unit_name') return FILLED_UNIT;
  if (key === 'county') return f.county !== undefined ? FILLED_COUNTY : undefined;
  return f.withUnit.some((w) => w.col === col && w.key === key) ? filledWithUnit(col) : undefined;
}

/** The columns fillDownSourceSql adds, left out of the raw views once read. */
export function fillDownColumns(f: FillDown): string[] {
  return [FILLED_UNIT, FILLED_COUNTY, ...f.withUnit.map((w) => filledWithUnit(w.col)), 'fd_barrier', 'fd_cur', 'fd_above', 'fd_carried'];
}

/**
 * The staged rows under the header with the unit, county and inspection filled (filledColumn): a
 * problem's row lacking its unit takes the unit of the last row above with a problem and a unit,
 * when the county in force (its own, else the last written above) is the same there and here and
 * no barrier (barrierSql) lies between; a problem's row lacking its county takes the county in force,
 * unless its unit names one; a row whose unit is carried takes the unit's inspection (WITH_UNIT) where
 * its own cell is empty. A subquery.
 */
export function fillDownSourceSql(f: FillDown, table: string, headerRow: number): string {
  const unit = cell(f.unit);
  const county = f.county === undefined ? 'CAST(NULL AS VARCHAR)' : cell(f.county);
  const w = 'ORDER BY src_row ROWS BETWEEN UNBOUNDED PRECEDING AND';
  // The county cell merged down too: a problem's row takes the county in force, whether its unit is
  // written or carried, unless the unit names a county of its own (义乌市丙局), whose rows all read it.
  const filledUnit = `coalesce(${unit}, fd_carried)`;
  // The unit's row carries its inspection's cells (WITH_UNIT) to the rows it is carried to.
  const fields = (value: (col: number) => string) => f.withUnit.map((x) => `, 'c${x.col}': ${value(x.col)}`).join('');
  // Not where the row names a round of its own, another than the unit row's (第五轮 under a 第三轮 row).
  const sameRound = ['true', ...f.withUnit.filter((x) => ROUND_NAMES.has(x.key)).map((x) => `(${cell(x.col)} IS NULL OR ${cell(x.col)} = fd_above.c${x.col})`)].join(' AND ');
  const withUnit = f.withUnit.map((x) => `, coalesce(${cell(x.col)}, CASE WHEN fd_carried IS NOT NULL AND ${sameRound} THEN fd_above.c${x.col} END) AS ${filledWithUnit(x.col)}`).join('');
  return `(SELECT *, ${filledUnit} AS ${FILLED_UNIT},
      coalesce(${county}, CASE WHEN ${cell(f.problem)} IS NOT NULL AND ${countyInTextSql(filledUnit)} IS NULL THEN fd_cur END) AS ${FILLED_COUNTY}${withUnit}
    FROM (SELECT *, CASE WHEN ${unitBlankSql(f)} AND NOT fd_barrier AND fd_above.cc IS NOT DISTINCT FROM fd_cur THEN fd_above.u END AS fd_carried
      FROM (SELECT *, last_value(CASE WHEN fd_barrier THEN {'u': CAST(NULL AS VARCHAR), 'cc': CAST(NULL AS VARCHAR)${fields(() => 'CAST(NULL AS VARCHAR)')}}
          WHEN ${cell(f.problem)} IS NOT NULL AND ${unit} IS NOT NULL THEN {'u': ${unit}, 'cc': fd_cur${fields(cell)}} END IGNORE NULLS) OVER (${w} 1 PRECEDING) AS fd_above
        FROM (SELECT *, ${barrierSql(f)} AS fd_barrier, last_value(${county} IGNORE NULLS) OVER (${w} CURRENT ROW) AS fd_cur
          FROM ${ident(table)} WHERE src_row > ${num(headerRow)}))))`;
}
