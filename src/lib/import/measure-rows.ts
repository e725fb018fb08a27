import type { Engine } from '../db/types';
import { STATUSES } from '../db/schema';
import { LEDGER_FIELDS } from '../domain/fields';
import { NUMBER_LEVELS } from '../domain/vocabulary/rows';
import { idsCountRows } from './row-counter-ids';
import { ident, num, str } from '../queries/sql';
import { datedByProblemSql } from './measure-dates';
import type { PreparedSheet } from './prepare';
import { rawCol } from './normalise/raw';
import { dropTables, scratchTable, tempName } from './staging';

/**
 * One problem over several measure rows (DOMAIN.md §6: one row = one 具体问题): a ledger often
 * merges the problem's cell (and its 序号 and unit) down over the rows of its 整改措施, each with
 * its own 责任单位, 时限, 状态 and 完成时间. Excel shows the problem on every row, and so does the
 * staged grid (xlsx-grid.ts fills merges down), which would count the problem once per measure.
 * Here the rows under a merged problem cell become one finding, on the merge's first row:
 * - measures: the rows' measures in order, one per line;
 * - status: the least advanced of the rows' (未完成 < 正在整改 < 基本完成 < 已完成), the raw texts
 *   kept side by side; unknown when a row's is blank or unread (warned, measureStatusIssuesSql), except
 *   a status written only on the problem's row where its cell is not merged (as in CSV) and the other
 *   rows give no deadline or date of their own: that one;
 * - completion date: the last one, when every row is completed; deadline: the latest, with its
 *   text; long-term when any row is;
 * - outcomes counted per measure (问责人数, 追缴资金, 建章立制) summed, 责任单位 and 佐证材料 listed, unless
 *   merged down beside the problem (one value);
 * and the other rows are skipped as `measure` rows, each named in the report.
 */

// A sheet with more merged rows than this is left as it is (each row stays a finding).
const MAX_MERGED_ROWS = 200_000;
const BATCH = 2000;
// Outcomes counted per measure (DOMAIN.md §3.2, §7.4): the problem's are their sums. Not the
// round number, year or measure count, which describe the problem itself.
const SUMMED = LEDGER_FIELDS.filter((f) => (f.kind === 'int' || f.kind === 'decimal') && !['round_no', 'year', 'measure_count'].includes(f.key))
  .map((f) => f.key);
// Who is responsible and what proves it, per measure: the problem's are all of them (DOMAIN.md §6.1:
// resp_unit is "multi, `;`").
const JOINED = ['resp_unit', 'resp_leader', 'resp_person', 'evidence', 'remarks'];

// The statuses from most to least advanced (schema.ts): the group's is the one furthest down it.
const ORDER = `[${STATUSES.map(str).join(', ')}]`;
// A measure's status is known, or its text only says the measure is ongoing (长期坚持).
const KNOWN = `status IS NOT NULL OR coalesce(status_lt, false)`;
// Ongoing when any of its measures is; the deadline's text is that of the deadline taken.
const FOLD_ONGOING: Record<string, string> = {
  long_term: 'bool_or(coalesce(long_term, false))',
  deadline_raw: 'coalesce(arg_max(deadline_raw, deadline), first(deadline_raw ORDER BY n.src_row))',
};

/**
 * The problem's outcome from its measures' (问责人数, 追缴资金): their sum, except in a run of rows that
 * repeat the problem (repeatedRowsSql) with one value on every row, which is the problem's written
 * again, as a merged cell shows it on every row: that value once.
 */
function summedSql(k: string): string {
  return `CASE WHEN bool_and(m.repeated) AND count(${k}) = count(*) AND min(${k}) = max(${k}) THEN min(${k}) ELSE sum(${k}) END`;
}

/** The problem cell's (or another field's) merges over data rows: [first src_row, last src_row]. */
export function problemMerges(p: PreparedSheet, key = 'problem_title'): [number, number][] {
  const col = p.columns.get(key);
  if (col === undefined || !p.downMerges) return [];
  return p.downMerges.filter(([c, first, last]) => c === col && first > p.headerRow && last > first).map(([, first, last]) => [first, last]);
}

/** TRUE when `id` numbers an item under `parent` (1.1, 1.2 or 1-1 under 1): a measure's 序号. */
function subNumberSql(id: string, parent: string): string {
  return `(${parent} IS NOT NULL AND starts_with(${id}, ${parent})
    AND list_contains(['.', '．', '-', '－'], substr(${id}, length(${parent}) + 1, 1))
    AND regexp_full_match(substr(${id}, length(${parent}) + 2), '[0-9]{1,3}'))`;
}

// The number a measure's 序号 is under (1 of 1.1, 1-2, 1－3); '' when it is none. Only a plain number:
// SW14-4-01-02 and DY-02 are problems' own ids, not measures under SW14-4-01 and DY.
const parentIdSql = (id: string) => `regexp_extract(${id}, '^([0-9]{1,4})[.．\\-－][0-9]{1,3}$', 1)`;

/**
 * The level of a 序号 in the numbering of official documents (NUMBER_LEVELS: 一、 > （一） > 1. > （1） > ① ),
 * NULL when it is none of them (SW14-4-01, A3, 示例).
 */
function numberLevelSql(id: string): string {
  const levels = NUMBER_LEVELS.filter((l) => l.cell !== undefined);
  return `CASE ${levels.map((l) => `WHEN regexp_full_match(${id}, ${str(l.cell!)}) THEN ${num(l.level)}`).join(' ')} END`;
}

/**
 * TRUE when `id` numbers a sub-item under a problem numbered `parent` in a form of a lower level
 * (numberLevelSql): （1）（2）, ①②, 1) 2) under a problem numbered 1, 1、, 一、 or （一）; ① or 1) under （1）.
 * Only the forms of levels 4 and 5, which number items within a problem: a row numbered as the
 * problem is (（2） under （1）, 2、 under 1、) is the next problem, its text missing. Nor 1、 / 1. under
 * 一、: that is how a ledger numbers its 方面 and the problems under it, so such a row is as likely a
 * problem whose text is missing as a measure, and it stays one (rejected, as before).
 */
function subItemSql(id: string, parent: string): string {
  return `(coalesce(${numberLevelSql(id)}, 0) >= 4 AND ${numberLevelSql(id)} > ${numberLevelSql(parent)})`;
}

/**
 * Rows of a merged problem saved as CSV, where the merge is gone and only its first row holds the
 * problem and its 序号: a row with neither (or with a 序号 under the problem's: 1.1, 1.2 under 1; or beside
 * it: 1.2 after 1.1; or a sub-item's, subItemSql: （1）, ①, 1) under 1), but
 * a measure, status or date, under a problem row, and whose unit is empty or that row's, belongs to
 * the problem above. Without a 序号 column nothing
 * tells such a row from a problem whose text is missing, so nothing is folded. SQL giving
 * (src_row, first_row) for those rows and the problem rows they follow.
 */
function continuationSql(norm: string, absent: Set<string>): string {
  const cells = ['measures', 'status_raw', 'completion_date_raw', 'deadline_raw'].filter((c) => !absent.has(c));
  return `WITH w AS (SELECT src_row, problem_title, unit_name, ${rawCol('finding_id')} AS own_id,
        ${cells.map((c) => `${c} IS NOT NULL`).join(' OR ')} AS has_measure,
        max(CASE WHEN problem_title IS NOT NULL THEN src_row END) OVER (ORDER BY src_row) AS first_row
      FROM ${ident(norm)} WHERE skip_kind IS NULL),
    f AS (SELECT *, first_value(unit_name) OVER (PARTITION BY first_row ORDER BY src_row) AS first_unit,
        first_value(own_id) OVER (PARTITION BY first_row ORDER BY src_row) AS first_id FROM w),
    c AS (SELECT src_row, first_row FROM f WHERE first_row IS NOT NULL AND problem_title IS NULL
      AND (own_id IS NULL OR ${subNumberSql('own_id', 'first_id')} OR nullif(${parentIdSql('own_id')}, '') = ${parentIdSql('first_id')}
        OR ${subItemSql('own_id', 'first_id')})
      AND has_measure AND (unit_name IS NULL OR unit_name = first_unit))
    SELECT src_row, first_row FROM c UNION ALL SELECT DISTINCT first_row, first_row FROM c`;
}

// What must be the same on two rows for the second to be a measure of the first, besides the problem
// and its number: one round, county, feedback, 方面 and 具体表现 (where the sheet gives them).
const SAME_PROBLEM = ['unit_name', 'round_key', 'county', 'feedback_date', 'aspect_raw', 'problem_detail'];

/**
 * Rows that repeat the problem above them, one row per measure, nothing merged (a measure-level
 * ledger): the same problem text as the row before (rows lacking a problem in between aside), the
 * same unit, round, county, feedback, 方面 and 具体表现, another measure, and the same 序号 or one
 * under the same number (1.1, 1.2; 1-1, 1-2; 1 then 1.1). Without a 序号 nothing tells the measures of
 * one problem from villages or items that share a text (巡乡带村), so nothing is folded; a problem
 * numbered apart (1, 2) stays two, and so does a row repeated whole (the same measure:
 * duplicate_finding). `columns`: the normalised table's. SQL giving (src_row, first_row) for those
 * rows and the first row of each run.
 */
function repeatedRowsSql(norm: string, columns: Set<string>): string {
  const same = SAME_PROBLEM.filter((c) => columns.has(c));
  const sameId = `(own_id = prev_id OR nullif(${parentIdSql('own_id')}, '') = coalesce(nullif(${parentIdSql('prev_id')}, ''), prev_id))`;
  return `WITH w AS (SELECT src_row, problem_title, measures, ${rawCol('finding_id')} AS own_id, ${same.map((c) => `${c}, lag(${c}) OVER o AS ${ident('prev_' + c)}`).join(', ')},
        lag(problem_title) OVER o AS prev_title, lag(measures) OVER o AS prev_measures, lag(${rawCol('finding_id')}) OVER o AS prev_id
      FROM ${ident(norm)} WHERE skip_kind IS NULL AND problem_title IS NOT NULL WINDOW o AS (ORDER BY src_row)),
    s AS (SELECT src_row, sum(CASE WHEN problem_title = prev_title AND measures IS NOT NULL AND measures IS DISTINCT FROM prev_measures
        AND ${same.map((c) => `${c} IS NOT DISTINCT FROM ${ident('prev_' + c)}`).join(' AND ')} AND ${sameId} THEN 0 ELSE 1 END) OVER (ORDER BY src_row) AS run FROM w),
    r AS (SELECT src_row, min(src_row) OVER (PARTITION BY run) AS first_row, count(*) OVER (PARTITION BY run) AS n FROM s)
    SELECT src_row, first_row FROM r WHERE n > 1`;
}

/** Rows whose problem text and 序号 are those of the row before: the one-pass probe before repeatedRowsSql. */
function consecutiveRepeatsSql(norm: string): string {
  return `SELECT count(*) AS n FROM (SELECT problem_title = lag(problem_title) OVER o AND ${rawCol('finding_id')} IS NOT NULL AS same
    FROM ${ident(norm)} WHERE skip_kind IS NULL AND problem_title IS NOT NULL WINDOW o AS (ORDER BY src_row)) WHERE same`;
}

/**
 * Folds the measure rows of each merged problem into its first row in the normalised table `norm`
 * (scratch): rows under a merged problem cell (XLSX), else rows that continue a problem with an
 * empty problem cell (a merged sheet saved as CSV). `absent`: findings columns the table leaves
 * out; `groups`: the name of the temp table this makes (the caller drops it).
 */
export async function foldMeasureRows(engine: Engine, p: PreparedSheet, norm: string, absent: Set<string>, groups: string, lastDay: string): Promise<boolean> {
  const t = ident(norm);
  // The problem's cell merged down, and its 序号 merged down over rows that repeat its text (where
  // the problem's own cell is not merged).
  const byProblem = problemMerges(p);
  const byId = problemMerges(p, 'finding_id').filter(([f, l]) => !byProblem.some(([a, b]) => f <= b && l >= a));
  const merges = [...byProblem, ...byId];
  const rows = merges.reduce((n, [first, last]) => n + last - first + 1, 0);
  if (rows > MAX_MERGED_ROWS) return false;
  const columns = new Set((await engine.query<{ column_name: string }>(`DESCRIBE ${t}`)).map((c) => c.column_name));
  if (merges.length) {
    await engine.exec(`CREATE TABLE ${scratchTable(groups)} (src_row INTEGER, first_row INTEGER, repeated BOOLEAN DEFAULT false)`);
    for (let i = 0; i < merges.length; i += BATCH) {
      const values = merges.slice(i, i + BATCH).map(([first, last]) => `(${num(first)}, ${num(last)})`);
      await engine.exec(`INSERT INTO ${ident(groups)} (src_row, first_row) SELECT unnest(range(f, l + 1)), f FROM (VALUES ${values.join(', ')}) v(f, l)`);
    }
    // One problem text merged over rows of other problems (巡乡带村: villages, each with its own 序号
    // and unit, sharing one merged 具体问题): those rows are findings of their own, not measures.
    // A measure's own number under the problem's (1.1 under 1; （1）, ① under 1, subItemSql) is no other
    // problem; a village of its own unit still is (below).
    // Unless the 序号 counts rows (1, 2, 3 under one merged problem, 4 on the next): then a row's own number
    // is a measure's (row-counter-ids.ts).
    const ownId = columns.has('r_finding_id') && !(await idsCountRows(engine, t, merges))
      ? `(n.r_finding_id IS NOT NULL AND n.r_finding_id IS DISTINCT FROM f.r_finding_id AND NOT ${subNumberSql('n.r_finding_id', 'f.r_finding_id')}
          AND NOT coalesce(${subItemSql('n.r_finding_id', 'f.r_finding_id')}, false)) OR `
      : '';
    await engine.exec(`DELETE FROM ${ident(groups)} WHERE src_row IN (SELECT g.src_row FROM ${ident(groups)} g
      JOIN ${t} n ON n.src_row = g.src_row JOIN ${t} f ON f.src_row = g.first_row
      WHERE g.src_row > g.first_row AND (${ownId}(n.unit_name IS NOT NULL AND n.unit_name IS DISTINCT FROM f.unit_name)
        OR (n.problem_title IS NOT NULL AND n.problem_title IS DISTINCT FROM f.problem_title)))`);
  } else {
    // Rows lacking a problem (continuationSql) and rows repeating the one above (repeatedRowsSql),
    // each found only after a probe says there are any. A continuation of a repeated row joins that
    // row's run.
    if (!p.columns.has('finding_id')) return false;
    const [n] = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM ${t} WHERE skip_kind IS NULL AND problem_title IS NULL`);
    const repeats = !absent.has('measures') && Number((await engine.query<{ n: number }>(consecutiveRepeatsSql(norm)))[0].n) > 0;
    if (!Number(n.n) && !repeats) return false;
    const runs = tempName('runs');
    if (repeats) await engine.exec(`CREATE TABLE ${scratchTable(runs)} AS ${repeatedRowsSql(norm, columns)}`);
    const parts = [
      ...(Number(n.n) ? [repeats
        ? `SELECT c.src_row, coalesce(r.first_row, c.first_row) AS first_row, false AS repeated FROM (${continuationSql(norm, absent)}) c LEFT JOIN ${ident(runs)} r ON r.src_row = c.first_row`
        : `SELECT src_row, first_row, false AS repeated FROM (${continuationSql(norm, absent)})`] : []),
      ...(repeats ? [`SELECT src_row, first_row, true AS repeated FROM ${ident(runs)}`] : []),
    ];
    await engine.exec(`CREATE TABLE ${scratchTable(groups)} AS SELECT src_row, first_row, bool_or(repeated) AS repeated FROM (${parts.join(' UNION ALL ')}) GROUP BY ALL`);
    if (repeats) await dropTables(engine, [runs]);
  }
  await engine.exec(datedByProblemSql(norm, groups, lastDay));
  // A column merged down beside the problem holds one value for it, which Excel shows on each row:
  // that one is the problem's, not a sum over its rows.
  const mergedDown = new Set((p.downMerges ?? []).filter(([, first, last]) => merges.some(([f, l]) => first <= l && last >= f)).map(([c]) => c));
  // The evidence count is also computed from the evidence column, row by row (findings.ts).
  const given = (k: string) => p.columns.has(k) || (k === 'evidence_count' && p.columns.has('evidence'));
  const perMeasure = [...SUMMED, ...JOINED].filter((k) => columns.has(k) && given(k) && !mergedDown.has(p.columns.get(k) ?? -1));
  // Each row's 具体表现, in row order (a numbered measure row may carry its own).
  const details = ['problem_detail'].filter((k) => columns.has(k) && given(k) && !mergedDown.has(p.columns.get(k) ?? -1));
  // Which rows' statuses are unknown, before the first row's is overwritten (measureStatusIssuesSql).
  await engine.exec(`ALTER TABLE ${ident(groups)} ADD COLUMN unknown_status BOOLEAN`);
  await engine.exec(`ALTER TABLE ${ident(groups)} ADD COLUMN own_status_raw VARCHAR`);
  await engine.exec(`ALTER TABLE ${ident(groups)} ADD COLUMN status_once BOOLEAN DEFAULT false`);
  // A row with neither a status nor a measure (a problem row over its numbered measures) is no measure.
  const isMeasure = `n.status_raw IS NOT NULL${columns.has('measures') ? ' OR n.measures IS NOT NULL' : ''}`;
  await engine.exec(`UPDATE ${ident(groups)} SET unknown_status = NOT (${KNOWN.replaceAll('status', 'n.status')}) AND (${isMeasure}),
      own_status_raw = n.status_raw
    FROM ${t} n WHERE n.src_row = ${ident(groups)}.src_row`);
  // A status written once, on the problem's row, every other row's blank (not unread) and without a
  // deadline or completion date of its own: the problem's, as a merged 整改情况 (and 时限) saved as CSV
  // leaves it. A measure row with its own deadline or date is a measure tracked on its own, whose blank
  // status stays unknown (review). Only where the problem's cell is not merged (nor written again on
  // each row, repeatedRowsSql): a sheet that merges the problem but not the status gives each measure
  // its own, so a blank one there stays unknown.
  const ownDates = ['deadline_raw', 'completion_date_raw'].filter((c) => columns.has(c)).map((c) => ` AND n.${c} IS NULL`).join('');
  if (!merges.length) {
    await engine.exec(`UPDATE ${ident(groups)} SET unknown_status = false, status_once = true WHERE first_row IN (SELECT m.first_row
      FROM ${ident(groups)} m JOIN ${t} n ON n.src_row = m.src_row WHERE n.skip_kind IS NULL GROUP BY m.first_row
      HAVING count(*) > 1 AND NOT bool_or(m.repeated)
        AND bool_and(CASE WHEN m.src_row = m.first_row THEN n.status IS NOT NULL ELSE n.status_raw IS NULL${ownDates} END))`);
  }
  // The completion date's raw text follows the date taken, so the validator sees no unread date.
  const ongoing = Object.keys(FOLD_ONGOING).filter((k) => columns.has(k));
  const sets = [
    'status = g.status', 'status_raw = g.status_raw', 'completion_date = g.completion_date', 'deadline = g.deadline',
    // The feedback-dated deadline helpers (6月底前, 3个月内) of the row whose deadline is taken, so its warning quotes that text.
    'deadline_rel = g.deadline_rel', 'deadline_rel_text = g.deadline_rel_text',
    'completion_date_raw = g.completion_raw', 'completion_year_inferred = g.completion_year_inferred',
    ...ongoing.map((k) => `${k} = g.${k}`),
    ...(columns.has('r_completion_date') ? ['r_completion_date = g.completion_raw'] : []),
    ...(absent.has('measures') ? [] : ['measures = g.measures']),
    ...perMeasure.map((k) => `${k} = g.${k}`),
    ...details.map((k) => `${k} = g.${k}`),
  ];
  await engine.exec(`UPDATE ${t} SET ${sets.join(', ')}
    FROM (SELECT m.first_row,
        -- A measure whose status is blank or unread leaves the problem's unknown (measureStatusIssuesSql).
        CASE WHEN NOT bool_or(m.unknown_status) THEN ${ORDER}[max(list_position(${ORDER}, status))] END AS status,
        ${ongoing.map((k) => `${FOLD_ONGOING[k]} AS ${k},`).join(' ')}
        string_agg(status_raw, '；' ORDER BY n.src_row) AS status_raw,
        CASE WHEN NOT bool_or(m.unknown_status) AND bool_and(status = 'completed') THEN max(completion_date) END AS completion_date,
        CASE WHEN NOT bool_or(m.unknown_status) AND bool_and(status = 'completed') THEN arg_max(completion_date_raw, completion_date) END AS completion_raw,
        -- Whether the date taken was one without its year (6月30日), read from the feedback's.
        coalesce(CASE WHEN NOT bool_or(m.unknown_status) AND bool_and(status = 'completed') THEN arg_max(completion_year_inferred, completion_date) END, false) AS completion_year_inferred,
        max(deadline) AS deadline,
        -- With no deadline at all, the first measure's that has one (codes of different kinds do not compare).
        CASE WHEN max(deadline) IS NULL THEN arg_min(deadline_rel, n.src_row) ELSE arg_max_null(deadline_rel, deadline) END AS deadline_rel,
        CASE WHEN max(deadline) IS NULL THEN arg_min(deadline_rel_text, n.src_row) ELSE arg_max_null(deadline_rel_text, deadline) END AS deadline_rel_text
        ${absent.has('measures') ? '' : `, string_agg(measures, chr(10) ORDER BY n.src_row) AS measures`}
        ${perMeasure.map((k) => `, ${SUMMED.includes(k) ? summedSql(k) : `string_agg(DISTINCT ${k}, ';' ORDER BY ${k})`} AS ${k}`).join('')}
        ${details.map((k) => `, CASE WHEN bool_and(m.repeated) THEN min(${k}) ELSE string_agg(${k}, chr(10) ORDER BY n.src_row) END AS ${k}`).join('')}
      FROM ${t} n JOIN ${ident(groups)} m ON n.src_row = m.src_row
      WHERE n.skip_kind IS NULL GROUP BY m.first_row HAVING count(*) > 1) g
    WHERE ${t}.src_row = g.first_row AND ${t}.skip_kind IS NULL`);
  await engine.exec(`UPDATE ${t} SET skip_kind = 'measure' WHERE skip_kind IS NULL
    AND src_row IN (SELECT src_row FROM ${ident(groups)} WHERE src_row > first_row)`);
  return true;
}

/**
 * After folding: the problems whose status a blank or unread measure left unknown are warned once
 * per such measure (`measure_status_unknown`, value `<row>: <its status text>`), instead of as an
 * unread joined text or a blank; statements run against the issues table `issues`.
 */
export function measureStatusIssuesSql(norm: string, groups: string, issues: string): string[] {
  const unknown = `SELECT g.first_row, g.src_row, g.own_status_raw AS status_raw FROM ${ident(groups)} g JOIN ${ident(norm)} n ON n.src_row = g.first_row
    WHERE g.unknown_status AND n.skip_kind IS NULL AND g.first_row IN (SELECT first_row FROM ${ident(groups)} GROUP BY first_row HAVING count(*) > 1)`;
  return [
    `DELETE FROM ${ident(issues)} WHERE code IN ('status_unrecognised', 'status_long_term_only', 'status_blank') AND src_row IN (SELECT first_row FROM (${unknown}))`,
    `INSERT INTO ${ident(issues)} SELECT first_row, 'status_raw', CAST(src_row AS VARCHAR) || ': ' || coalesce(status_raw, '—'),
      'warning', 'measure_status_unknown' FROM (${unknown}) ORDER BY first_row, src_row`,
    // Said, not silent: the problem's status was read from its row alone.
    `INSERT INTO ${ident(issues)} SELECT g.first_row, 'status_raw', g.own_status_raw, 'info', 'measure_status_once'
      FROM ${ident(groups)} g WHERE g.status_once AND g.src_row = g.first_row ORDER BY g.first_row`,
  ];
}
