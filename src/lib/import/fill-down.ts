import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { TOTAL_LABEL_PATTERN, TOTAL_ROW_PATTERN } from '../domain/vocabulary/rows';
import { countyInTextSql } from './normalise/county';
import { cell, scratchTable, type StagedSheet } from './staging';

/**
 * A cell merged down in Excel keeps its text on the merge's first row only once the sheet is saved
 * as CSV (or the cells are unmerged; a workbook's merges are filled in by xlsx-grid.ts). In a sheet
 * whose units look merged so:
 *
 * - A problem's row with its unit cell empty takes the unit of the last data row above that has a
 *   problem and a unit, and, where its county cell is empty too, the county in force there: it is the
 *   same unit. Not past a barrier (a 合计 row, a repeated header), nor into another county (a county
 *   written between). The unit's inspection, merged down with it (轮次名称, 反馈时间, 单位类型: WITH_UNIT),
 *   is carried with it where the row's own cell is empty and the row names no other round. Each row so
 *   filled is reported (unit_filled_down).
 * - A column of the inspection merged over several units (SPANS: 轮次名称 over a round's units, 反馈时间
 *   over a batch fed back together), where it looks merged too: a problem's row with that cell empty
 *   takes the last one written above, not past a barrier, nor past a row starting a new one (ROUND_ENDS:
 *   届次 not past a row naming another 巡视巡察主体); the other columns only from rows of the same round.
 *   Each cell so filled is reported (cell_filled_down).
 *
 * Values are taken only from data rows: not from a row that is skipped (a column-number row, a
 * heading, an example row, a total, a repeated header: skip-rows.ts skipKindSql). A column looks merged
 * when a merge explains its blanks (findFillDown); a value missing here and there in a column written
 * on every row is a missing value, rejected or left empty as before.
 */
export interface FillDown {
  unit: number;
  problem: number;
  county?: number;
  /** The columns of the unit's inspection (WITH_UNIT) the sheet has, by field key. */
  withUnit: { key: string; col: number }[];
  /** Of those, the ones merged over several units, carried down past a unit's change. */
  spans: { key: string; col: number }[];
  /** The 序号 column, where a 合计 row may be labelled. */
  id?: number;
  /** The unit's and the problem's header texts: a row repeating them is a pasted header. */
  unitHeader: string;
  problemHeader: string;
  /** The kind of row skipped (skip-rows.ts skipKindSql) over the staged cells, as SQL: no value comes from those rows. */
  skip: string;
  /** The temp table of the filled columns by src_row, once written (fillDownTableSql). */
  table?: string;
}

// Fields of a unit's inspection: one value per unit and round, merged down with the unit in Excel.
const WITH_UNIT = ['inspector_level', 'term', 'round_no', 'round_label', 'year', 'mode', 'team', 'unit_type', 'station_start', 'station_end', 'feedback_date'];
// The fields that name the round: a row writing another round than the unit's row takes none of that round's cells.
const ROUND_NAMES = new Set(['inspector_level', 'term', 'round_no', 'round_label']);
// Those a merge may span over several units: the round, its year and dates, the team sent to several
// units. Not 单位类型 or 巡察方式 (提级巡察), which belong to the unit: blank there, they stay blank.
const SPANS = new Set([...ROUND_NAMES, 'year', 'feedback_date', 'station_start', 'station_end', 'team']);
// A round's cell merged over several units ends where a row writes another value than the one in force
// in one of these: a new committee starts its terms, a new term its rounds; the round's number and its
// full name (轮次名称) end each other. A 轮次名称 often names no term, so it ends no 届次.
const ROUND_ENDS: Record<string, string[]> = {
  inspector_level: [],
  term: ['inspector_level'],
  round_no: ['inspector_level', 'term', 'round_label'],
  round_label: ['inspector_level', 'term', 'round_no'],
};

// Of the problems' rows, at least this share lack the column's value in a merged sheet saved as CSV (a
// unit over two problems already leaves half); a few blanks among written values are missing values.
const MIN_BLANK_SHARE = 0.2;
// And at least two: one blank under one written value says little either way.
const MIN_BLANKS = 2;

/** The row's round cells as one text (NULL when none is written), to compare rows' rounds by. */
function roundKeySql(cells: string[]): string {
  return cells.length ? `CASE WHEN coalesce(${cells.join(', ')}) IS NOT NULL THEN concat_ws(chr(1), ${cells.map((c) => `coalesce(${c}, '')`).join(', ')}) END` : 'CAST(NULL AS VARCHAR)';
}

/**
 * The columns to fill down, or undefined. A column looks merged when, of the data rows with a
 * problem, at least MIN_BLANKS and MIN_BLANK_SHARE lack its value, some have it, and no value is
 * written on two such rows one after the other (a merge would have left the second blank). Only a
 * sheet whose unit looks merged: then its county, and each of its SPANS that looks merged too. A
 * scan without sorting first: most sheets write a unit on every row. `skip`: skipKindSql over the
 * staged cells.
 */
export async function findFillDown(engine: Engine, s: StagedSheet, headerRow: number, columns: Map<string, number>,
  headers: (string | null)[], skip: string): Promise<FillDown | undefined> {
  const unit = columns.get('unit_name');
  const problem = columns.get('problem_title');
  if (unit === undefined || problem === undefined) return undefined;
  const problemRows = `FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} AND ${cell(problem)} IS NOT NULL`;
  // One cheap probe first: most sheets have their unit on every row.
  if (!(await engine.query(`SELECT 1 ${problemRows} AND ${cell(unit)} IS NULL LIMIT 1`)).length) return undefined;
  const county = columns.get('county');
  const taken = new Set([unit, problem, county]);
  const withUnit = WITH_UNIT.filter((key) => columns.has(key) && !taken.has(columns.get(key))).map((key) => ({ key, col: columns.get(key)! }));
  const candidates = [{ key: 'unit_name', col: unit }, ...withUnit.filter((w) => SPANS.has(w.key))];
  const [r] = await engine.query<Record<string, number>>(`SELECT count(*) AS n,
      ${candidates.map((c, i) => `count(*) FILTER (WHERE v${i} IS NULL) AS b${i}, count(v${i}) AS w${i}, count(*) FILTER (WHERE v${i} = p${i}) AS r${i}`).join(', ')}
    FROM (SELECT ${candidates.map((c, i) => `${cell(c.col)} AS v${i}, lag(${cell(c.col)}) OVER (ORDER BY src_row) AS p${i}`).join(', ')}
      ${problemRows} AND (${skip}) IS NULL)`);
  const n = Number(r.n);
  const looksMerged = (i: number) => Number(r[`r${i}`]) === 0 && Number(r[`w${i}`]) > 0 && Number(r[`b${i}`]) >= Math.max(MIN_BLANKS, MIN_BLANK_SHARE * n);
  if (!looksMerged(0)) return undefined;
  return {
    unit, problem, county, withUnit, spans: candidates.slice(1).filter((_, i) => looksMerged(i + 1)),
    id: columns.get('finding_id'), unitHeader: headers[unit] ?? '', problemHeader: headers[problem] ?? '', skip,
  };
}

/** TRUE on a problem's row whose unit cell is empty: the rows filled. */
export function unitBlankSql(f: FillDown): string {
  return `(${cell(f.unit)} IS NULL AND ${cell(f.problem)} IS NOT NULL)`;
}

/**
 * A row nothing is carried past: a 合计 / 小计 row (in its 序号, unit or county cell, or skipped as a
 * total), or the header repeated (a block pasted under the first).
 */
function barrierSql(f: FillDown): string {
  // Not the problem's cell: a problem may well say 汇总 or 共计 (财务数据未按时汇总, 共计3笔资金未入账).
  const cells = [f.id, f.unit, f.county].filter((c): c is number => c !== undefined).map(cell);
  const total = cells.map((c) => `(contains(${c}, '计') OR contains(${c}, '总')) AND (regexp_matches(${c}, ${str(TOTAL_ROW_PATTERN)}) OR regexp_matches(${c}, ${str(TOTAL_LABEL_PATTERN)}))`);
  return `coalesce(${total.join(' OR ')} OR ${cell(f.unit)} = ${str(f.unitHeader)} OR ${cell(f.problem)} = ${str(f.problemHeader)} OR fd_skip IN ('total', 'header'), false)`;
}

// The filled columns a sheet's raw views read in place of its cells (filledColumn): fd_u<col> the
// inspection's cell with the unit's carried, fd_c<col> that with a span's carried too.
const FILLED_UNIT = 'fd_unit';
const FILLED_COUNTY = 'fd_county';
const withUnitCol = (col: number) => `fd_u${col}`;
const spannedCol = (col: number) => `fd_c${col}`;
const isSpan = (f: FillDown, col: number) => f.spans.some((s) => s.col === col);

/** The filled column field `key` reads in place of its cell `col`, or undefined when it is not filled down. */
export function filledColumn(f: FillDown | undefined, key: string, col: number | undefined): string | undefined {
  if (!f || col === undefined) return undefined;
  if (key === 'unit_name') return FILLED_UNIT;
  if (key === 'county') return f.county !== undefined ? FILLED_COUNTY : undefined;
  if (!f.withUnit.some((w) => w.col === col && w.key === key)) return undefined;
  return isSpan(f, col) ? spannedCol(col) : withUnitCol(col);
}

/** The columns of the fill-down table besides src_row (fillDownTableSql), left out of the raw views once read; fd_skip is the row's skip kind. */
export function fillDownColumns(f: FillDown): string[] {
  return ['fd_skip', FILLED_UNIT, FILLED_COUNTY, ...f.withUnit.map((w) => withUnitCol(w.col)), ...f.spans.map((s) => spannedCol(s.col))];
}

/**
 * CREATE TABLE `target` (a working table, staging.ts scratchTable): the staged rows under the header by src_row, with their skip kind and
 * the unit, county and inspection filled (filledColumn). Written once, joined by the raw views (rowsSql).
 *
 * A problem's data row lacking its unit takes the unit of the last data row above with a problem and a
 * unit, when the county in force (its own, else the last written above) is the same there and here and
 * no barrier (barrierSql) lies between; one lacking its county takes the county in force, unless its
 * unit names one; a row whose unit is carried takes the unit's inspection (WITH_UNIT) where its own cell
 * is empty. Then the spans: a row lacking a round's cell, after that, takes it from the last data row
 * above writing it, unless a row between writes another value in one of its ROUND_ENDS; one lacking
 * another span's cell takes the last written above in the same round; neither past a barrier.
 */
export function fillDownTableSql(f: FillDown, table: string, headerRow: number, target: string): string {
  const unit = cell(f.unit);
  const county = f.county === undefined ? 'CAST(NULL AS VARCHAR)' : cell(f.county);
  const w = 'ORDER BY src_row ROWS BETWEEN UNBOUNDED PRECEDING AND';
  // Within the rows between two barriers, in order: up to this row, or up to the row before it.
  const upTo = (by: string) => `PARTITION BY ${by} ${w} CURRENT ROW`;
  const before = `PARTITION BY fd_bseg ${w} 1 PRECEDING`;
  // The unit's row carries its inspection's cells (WITH_UNIT) to the rows it is carried to.
  const fields = (value: (col: number) => string) => f.withUnit.map((x) => `, 'c${x.col}': ${value(x.col)}`).join('');
  // Not where the row names a round of its own, another than the unit row's (第五轮 under a 第三轮 row).
  const sameRound = ['true', ...f.withUnit.filter((x) => ROUND_NAMES.has(x.key)).map((x) => `(${cell(x.col)} IS NULL OR ${cell(x.col)} = fd_above.c${x.col})`)].join(' AND ');
  const withUnit = f.withUnit.map((x) => `, coalesce(${cell(x.col)}, CASE WHEN fd_carried IS NOT NULL AND ${sameRound} THEN fd_above.c${x.col} END) AS ${withUnitCol(x.col)}`).join('');
  // The round's cells whose change ends a span (ROUND_ENDS): each with the value in force before the row.
  const roundSpans = f.spans.filter((x) => ROUND_NAMES.has(x.key));
  const ends = (key: string) => f.withUnit.filter((y) => ROUND_ENDS[key].includes(y.key));
  const enders = f.withUnit.filter((y) => roundSpans.some((x) => ROUND_ENDS[x.key].includes(y.key)));
  const inForce = enders.map((y) => `, last_value(CASE WHEN fd_data THEN ${cell(y.col)} END IGNORE NULLS) OVER (${before}) AS fd_p${y.col}`).join('');
  const changed = (y: { col: number }) => `${cell(y.col)} IS DISTINCT FROM fd_p${y.col} AND ${cell(y.col)} IS NOT NULL`;
  // A round's cell, from the last data row above writing it or ending it.
  const roundFrom = roundSpans.map((x) => `, last_value(CASE WHEN fd_data AND (${[`${cell(x.col)} IS NOT NULL`, ...ends(x.key).map(changed)].join(' OR ')})
      THEN {'v': ${cell(x.col)}} END IGNORE NULLS) OVER (${upTo('fd_bseg')}) AS fd_r${x.col}`).join('');
  const roundFilled = roundSpans.map((x) => `, coalesce(${withUnitCol(x.col)}, CASE WHEN fd_data THEN fd_r${x.col}.v END) AS ${spannedCol(x.col)}`).join('');
  const rounds = f.withUnit.filter((x) => ROUND_NAMES.has(x.key)).map((x) => (isSpan(f, x.col) ? spannedCol(x.col) : withUnitCol(x.col)));
  // Another span's cell, from the last data row above writing it in the same round.
  const otherFilled = f.spans.filter((x) => !ROUND_NAMES.has(x.key)).map((x) => `, coalesce(${withUnitCol(x.col)}, CASE WHEN fd_data
      THEN last_value(CASE WHEN fd_data THEN ${cell(x.col)} END IGNORE NULLS) OVER (${upTo('fd_bseg, fd_rkey')}) END) AS ${spannedCol(x.col)}`).join('');
  return `CREATE TABLE ${scratchTable(target)} AS SELECT src_row, ${fillDownColumns(f).join(', ')}
    FROM (SELECT *${otherFilled}
    FROM (SELECT *${roundFilled}, ${roundKeySql(rounds)} AS fd_rkey
    FROM (SELECT *, coalesce(${unit}, fd_carried) AS ${FILLED_UNIT},
      coalesce(${county}, CASE WHEN fd_data AND ${countyInTextSql(`coalesce(${unit}, fd_carried)`)} IS NULL THEN fd_cur END) AS ${FILLED_COUNTY}${withUnit}
    FROM (SELECT *, CASE WHEN ${unitBlankSql(f)} AND fd_data AND NOT fd_barrier AND fd_above.cc IS NOT DISTINCT FROM fd_cur THEN fd_above.u END AS fd_carried
      FROM (SELECT *, last_value(CASE WHEN fd_data AND ${unit} IS NOT NULL THEN {'u': ${unit}, 'cc': fd_cur${fields(cell)}} END IGNORE NULLS) OVER (${before}) AS fd_above${roundFrom}
        FROM (SELECT *, last_value(CASE WHEN fd_data THEN ${county} END IGNORE NULLS) OVER (${upTo('fd_bseg')}) AS fd_cur${inForce}
          FROM (SELECT *, sum(CAST(fd_barrier AS INTEGER)) OVER (${w} CURRENT ROW) AS fd_bseg
            FROM (SELECT *, ${barrierSql(f)} AS fd_barrier, fd_skip IS NULL AND ${cell(f.problem)} IS NOT NULL AS fd_data
              FROM (SELECT *, ${f.skip} AS fd_skip FROM ${ident(table)} WHERE src_row > ${num(headerRow)})))))))))`;
}

/** The staged rows joined to their filled columns (fillDownTableSql, written): what the raw views read. */
export function fillDownRowsSql(f: FillDown, table: string): string {
  if (!f.table) throw new Error('fill-down table not written');
  return `(SELECT * FROM ${ident(table)} JOIN ${ident(f.table)} USING (src_row))`;
}

/**
 * Each cell a span filled (the row's own and its unit's empty), and each county filled on a row whose
 * unit is written (a carried unit is reported with its county, unit_filled_down): src_row, field key,
 * the value taken. A query over the written fill-down table, or undefined when nothing can be filled so.
 */
export function spanFilledSql(f: FillDown, table: string): string | undefined {
  const parts = f.spans.map((x) => `SELECT src_row, ${str(x.key)} AS key, ${spannedCol(x.col)} AS value FROM fd
    WHERE ${withUnitCol(x.col)} IS NULL AND ${spannedCol(x.col)} IS NOT NULL`);
  if (f.county !== undefined) {
    parts.unshift(`SELECT src_row, 'county' AS key, ${FILLED_COUNTY} AS value FROM fd
      WHERE ${cell(f.county)} IS NULL AND ${FILLED_COUNTY} IS NOT NULL AND ${cell(f.unit)} IS NOT NULL`);
  }
  return parts.length ? `WITH fd AS (SELECT * FROM ${fillDownRowsSql(f, table)}) ${parts.join(' UNION ALL ')}` : undefined;
}
