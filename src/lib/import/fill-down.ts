import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { TOTAL_LABEL_PATTERN, TOTAL_ROW_PATTERN } from '../domain/vocabulary/rows';
import { countyInTextSql } from './normalise/county';
import { cell, type StagedSheet } from './staging';

/**
 * A cell merged down in Excel keeps its text on the merge's first row only once the sheet is saved
 * as CSV (or the cells are unmerged; a workbook's merges are filled in by xlsx-grid.ts). Two shapes:
 *
 * - The unit merged over its problems: a problem's row with its unit cell empty takes the unit of the
 *   last row above that has a problem and a unit, and, where its county cell is empty too, the county
 *   in force there: it is the same unit. Not past a 合计 row or a repeated header, nor into another
 *   county (a county written between). The unit's inspection, merged down with it (轮次名称, 反馈时间,
 *   单位类型: WITH_UNIT), is carried with it where the row's own cell is empty and the row names no
 *   other round. Each row so filled is reported (unit_filled_down).
 * - A column of the inspection merged over several units (轮次名称 over a round's units, 反馈时间 over a
 *   batch fed back together): a problem's row with that cell empty takes the last one written above, not
 *   past a barrier, nor past a row starting a new one (ROUND_ENDS: 届次 not past a row naming another
 *   巡视巡察主体); the other columns only from rows of the same round. Each cell so filled is reported (cell_filled_down).
 *
 * Each only where its column looks merged (findFillDown): a value missing here and there in a column
 * written on every row is a missing value, rejected or left empty as before.
 */
export interface FillDown {
  unit: number;
  problem: number;
  /** The unit cell looks merged: a problem's row lacking its unit takes the one above. */
  unitMerged: boolean;
  county?: number;
  /** The county is filled down: the unit or the county looks merged. */
  countyFilled: boolean;
  /** The columns of the unit's inspection (WITH_UNIT) the sheet has, by field key. */
  withUnit: { key: string; col: number }[];
  /** Of those, the ones merged over several units, carried down past a unit's change. */
  spans: { key: string; col: number }[];
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
// A round's cell merged over several units ends where a row writes one of these: a new committee starts
// its terms, a new term its rounds; the round's full name (轮次名称) stands for all of them and they for it.
const ROUND_ENDS: Record<string, string[]> = {
  inspector_level: ['round_label'],
  term: ['inspector_level', 'round_label'],
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
 * The columns to fill down, or undefined. A column looks merged when, of the problems' rows, at least
 * MIN_BLANKS and MIN_BLANK_SHARE lack its value, some have it, and no value is written on two problems'
 * rows one after the other (a merge would have left the second blank). The unit so; or the county, or
 * a column of the inspection (spans). The first test is one scan; only columns passing it are sorted.
 */
export async function findFillDown(engine: Engine, s: StagedSheet, headerRow: number, columns: Map<string, number>,
  headers: (string | null)[]): Promise<FillDown | undefined> {
  const unit = columns.get('unit_name');
  const problem = columns.get('problem_title');
  if (unit === undefined || problem === undefined) return undefined;
  const county = columns.get('county');
  const taken = new Set([unit, problem, county]);
  const withUnit = WITH_UNIT.filter((key) => columns.has(key) && !taken.has(columns.get(key))).map((key) => ({ key, col: columns.get(key)! }));
  // The candidates, each one value per row: the unit, the county, each column of the inspection.
  const candidates = [
    { name: 'unit', expr: cell(unit), cols: [] as { key: string; col: number }[] },
    ...(county !== undefined ? [{ name: 'county', expr: cell(county), cols: [] }] : []),
    ...withUnit.map((w) => ({ name: w.key, expr: cell(w.col), cols: [w] })),
  ];
  const rows = `FROM ${ident(s.table)} WHERE src_row > ${num(headerRow)} AND ${cell(problem)} IS NOT NULL`;
  // A scan first, no sort: most sheets write every value on every row.
  const [counts] = await engine.query<Record<string, number>>(`SELECT count(*) AS n, ${candidates.map((c, i) => `count(*) FILTER (WHERE ${c.expr} IS NULL) AS b${i}, count(${c.expr}) AS w${i}`).join(', ')} ${rows}`);
  const n = Number(counts.n);
  const blanks = candidates.map((c, i) => i).filter((i) => Number(counts[`w${i}`]) > 0 && Number(counts[`b${i}`]) >= Math.max(MIN_BLANKS, MIN_BLANK_SHARE * n));
  if (!blanks.length) return undefined;
  const [repeats] = await engine.query<Record<string, number>>(`SELECT ${blanks.map((i) => `count(*) FILTER (WHERE v${i} = p${i}) AS r${i}`).join(', ')}
    FROM (SELECT ${blanks.map((i) => `${candidates[i].expr} AS v${i}, lag(${candidates[i].expr}) OVER (ORDER BY src_row) AS p${i}`).join(', ')} ${rows})`);
  const merged = new Set(blanks.filter((i) => Number(repeats[`r${i}`]) === 0).map((i) => candidates[i].name));
  const unitMerged = merged.has('unit');
  // A round's cells repeat from row to row when written on every row, so passing the test says they
  // were merged. Dates, teams and types may differ on every row: a blank there is a merge only in a
  // sheet whose units are merged too (else a missing 反馈时间 keeps its round's first, DOMAIN §7).
  const spans = candidates.filter((c) => c.name !== 'unit' && c.name !== 'county' && merged.has(c.name))
    .flatMap((c) => c.cols).filter((w) => unitMerged || ROUND_NAMES.has(w.key));
  if (!unitMerged && !spans.length && !merged.has('county')) return undefined;
  return {
    unit, problem, unitMerged, county, countyFilled: county !== undefined && (unitMerged || merged.has('county')), withUnit, spans,
    id: columns.get('finding_id'), unitHeader: headers[unit] ?? '', problemHeader: headers[problem] ?? '',
  };
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

// The filled unit, county and inspection columns a sheet's raw views read in place of its cells:
// fd_u<col> the inspection's cell with the unit's carried, fd_c<col> that with a span's carried too.
const FILLED_UNIT = 'fd_unit';
const FILLED_COUNTY = 'fd_county';
const withUnitCol = (col: number) => `fd_u${col}`;
const spannedCol = (col: number) => `fd_c${col}`;
const roundFromCol = (col: number) => `fd_r${col}`;
const isSpan = (f: FillDown, col: number) => f.spans.some((s) => s.col === col);

/** The filled column field `key` reads in place of its cell `col`, or undefined when it is not filled down. */
export function filledColumn(f: FillDown | undefined, key: string, col: number | undefined): string | undefined {
  if (!f || col === undefined) return undefined;
  if (key === 'unit_name') return f.unitMerged ? FILLED_UNIT : undefined;
  if (key === 'county') return f.countyFilled ? FILLED_COUNTY : undefined;
  if (!f.withUnit.some((w) => w.col === col && w.key === key)) return undefined;
  return isSpan(f, col) ? spannedCol(col) : withUnitCol(col);
}

/** The columns fillDownSourceSql adds, left out of the raw views once read. */
export function fillDownColumns(f: FillDown): string[] {
  return [FILLED_UNIT, FILLED_COUNTY, ...f.withUnit.map((w) => withUnitCol(w.col)), ...f.spans.map((s) => spannedCol(s.col)),
    ...f.spans.filter((s) => ROUND_NAMES.has(s.key)).map((s) => roundFromCol(s.col)), 'fd_barrier', 'fd_cur', 'fd_bseg', 'fd_above', 'fd_carried', 'fd_rkey'];
}

/**
 * The staged rows under the header with the unit, county and inspection filled (filledColumn): a
 * problem's row lacking its unit takes the unit of the last row above with a problem and a unit,
 * when the county in force (its own, else the last written above) is the same there and here and
 * no barrier (barrierSql) lies between; a problem's row lacking its county takes the county in force,
 * unless its unit names one; a row whose unit is carried takes the unit's inspection (WITH_UNIT) where
 * its own cell is empty. Then the spans: a problem's row lacking a round's cell, after that, takes it from
 * the last problem's row above writing it, unless a row between starts a new one (ROUND_ENDS); one lacking
 * another span's cell takes the last written above in the same round; neither past a barrier. A subquery.
 */
export function fillDownSourceSql(f: FillDown, table: string, headerRow: number): string {
  const unit = cell(f.unit);
  const problem = `${cell(f.problem)} IS NOT NULL`;
  const county = f.county === undefined ? 'CAST(NULL AS VARCHAR)' : cell(f.county);
  const w = 'ORDER BY src_row ROWS BETWEEN UNBOUNDED PRECEDING AND';
  // Within the rows between two barriers, in order.
  const inSegment = (by: string) => `PARTITION BY ${by} ${w} CURRENT ROW`;
  // The county cell merged down too: a problem's row takes the county in force, whether its unit is
  // written or carried, unless the unit names a county of its own (义乌市丙局), whose rows all read it.
  const filledUnit = f.unitMerged ? `coalesce(${unit}, fd_carried)` : unit;
  // The unit's row carries its inspection's cells (WITH_UNIT) to the rows it is carried to.
  const fields = (value: (col: number) => string) => f.withUnit.map((x) => `, 'c${x.col}': ${value(x.col)}`).join('');
  // Not where the row names a round of its own, another than the unit row's (第五轮 under a 第三轮 row).
  const sameRound = ['true', ...f.withUnit.filter((x) => ROUND_NAMES.has(x.key)).map((x) => `(${cell(x.col)} IS NULL OR ${cell(x.col)} = fd_above.c${x.col})`)].join(' AND ');
  const withUnit = f.withUnit.map((x) => `, coalesce(${cell(x.col)}, CASE WHEN fd_carried IS NOT NULL AND ${sameRound} THEN fd_above.c${x.col} END) AS ${withUnitCol(x.col)}`).join('');
  const carried = f.unitMerged ? `CASE WHEN ${unitBlankSql(f)} AND NOT fd_barrier AND fd_above.cc IS NOT DISTINCT FROM fd_cur THEN fd_above.u END` : 'CAST(NULL AS VARCHAR)';
  // A round's cell, from the last problem's row above writing it or starting a new one (ROUND_ENDS).
  const roundSpans = f.spans.filter((x) => ROUND_NAMES.has(x.key));
  const roundFrom = roundSpans.map((x) => {
    const ends = f.withUnit.filter((y) => ROUND_ENDS[x.key].includes(y.key)).map((y) => `${cell(y.col)} IS NOT NULL`);
    return `, last_value(CASE WHEN ${problem} AND (${[`${cell(x.col)} IS NOT NULL`, ...ends].join(' OR ')}) THEN {'v': ${cell(x.col)}} END IGNORE NULLS) OVER (${inSegment('fd_bseg')}) AS ${roundFromCol(x.col)}`;
  }).join('');
  const roundFilled = roundSpans.map((x) => `, coalesce(${withUnitCol(x.col)}, CASE WHEN ${problem} THEN ${roundFromCol(x.col)}.v END) AS ${spannedCol(x.col)}`).join('');
  const rounds = f.withUnit.filter((x) => ROUND_NAMES.has(x.key)).map((x) => (isSpan(f, x.col) ? spannedCol(x.col) : withUnitCol(x.col)));
  // Another span's cell, from the last problem's row above writing it in the same round.
  const otherFilled = f.spans.filter((x) => !ROUND_NAMES.has(x.key)).map((x) => `, coalesce(${withUnitCol(x.col)}, CASE WHEN ${problem}
      THEN last_value(CASE WHEN ${problem} THEN ${cell(x.col)} END IGNORE NULLS) OVER (${inSegment('fd_bseg, fd_rkey')}) END) AS ${spannedCol(x.col)}`).join('');
  return `(SELECT *${otherFilled}
    FROM (SELECT *${roundFilled}, ${roundKeySql(rounds)} AS fd_rkey
    FROM (SELECT *, ${filledUnit} AS ${FILLED_UNIT},
      coalesce(${county}, CASE WHEN ${problem} AND ${countyInTextSql(filledUnit)} IS NULL THEN fd_cur END) AS ${FILLED_COUNTY}${withUnit}
    FROM (SELECT *, ${carried} AS fd_carried
      FROM (SELECT *, last_value(CASE WHEN fd_barrier THEN {'u': CAST(NULL AS VARCHAR), 'cc': CAST(NULL AS VARCHAR)${fields(() => 'CAST(NULL AS VARCHAR)')}}
          WHEN ${problem} AND ${unit} IS NOT NULL THEN {'u': ${unit}, 'cc': fd_cur${fields(cell)}} END IGNORE NULLS) OVER (${w} 1 PRECEDING) AS fd_above${roundFrom}
        FROM (SELECT *, last_value(${county} IGNORE NULLS) OVER (${w} CURRENT ROW) AS fd_cur, sum(CAST(fd_barrier AS INTEGER)) OVER (${w} CURRENT ROW) AS fd_bseg
          FROM (SELECT *, ${barrierSql(f)} AS fd_barrier FROM ${ident(table)} WHERE src_row > ${num(headerRow)})))))))`;
}

/**
 * Each cell a span filled (the row's own and its unit's empty), and each county filled on a row whose
 * unit is written (a carried unit is reported with its county, unit_filled_down): src_row, field key,
 * the value taken. A query, or undefined when nothing can be filled so.
 */
export function spanFilledSql(f: FillDown, table: string, headerRow: number): string | undefined {
  const parts = f.spans.map((x) => `SELECT src_row, ${str(x.key)} AS key, ${spannedCol(x.col)} AS value FROM fd
    WHERE ${withUnitCol(x.col)} IS NULL AND ${spannedCol(x.col)} IS NOT NULL`);
  if (f.countyFilled) {
    parts.unshift(`SELECT src_row, 'county' AS key, ${FILLED_COUNTY} AS value FROM fd
      WHERE ${cell(f.county!)} IS NULL AND ${FILLED_COUNTY} IS NOT NULL AND ${cell(f.unit)} IS NOT NULL`);
  }
  return parts.length ? `WITH fd AS (SELECT * FROM ${fillDownSourceSql(f, table, headerRow)}) ${parts.join(' UNION ALL ')}` : undefined;
}
