import type { Engine } from '../db/types';
import { ident, num, str } from '../queries/sql';
import { unitNameKeySql } from '../queries/measures';
import { FINDINGS_COLUMNS } from '../db/schema';
import { SEQUENCE_NUMBER_PATTERN } from '../domain/vocabulary/rows';
import { absentColumns, normalisedTableSql, type NormaliseContext } from './normalise/findings';
import { valueMapSpecs } from './normalise/maps';
import { buildValueMaps } from './value-maps';
import { sheetMapOptions } from './warm-maps';
import { cleanSql } from './normalise/text';
import { providesField, rawCol, rawTableSql, rawValuesSql, readsStandIn, sourceColumn } from './normalise/raw';
import { headerAmountScale } from './headers';
import { buildRoundLookup, type RoundRow } from './round-lookup';
import type { RoundParts } from './round';
import type { PreparedSheet } from './prepare';
import { errorRules, ruleInputs, rulesSql, skippedSql, warningRules } from './validate';
import { cell, dropTables, scratchTable, tempName, tempViewName } from './staging';
import { shortRowIssuesSql } from './short-rows';
import { workbookRowIssuesSql } from './row-warnings';
import { rejectedTableSql } from './rejected-rows';
import { unreadColumnIssues } from './unread-columns';
import { foldMeasureRows, measureStatusIssuesSql } from './measure-rows';
import { joinContinuationRows } from './continuation-rows';
import type { RoundHint } from './types';
import { flagDuplicatesAcrossTerms } from './term-duplicates';
import { matchColumnsSql, sameFindingSql, sameNumbersSql } from './same-finding';
import { fillDownTableSql, spanFilledSql, unitBlankSql } from './fill-down';
import { longCellsSql, yearMissingIssue } from './validate';
import { DATED_COLUMNS, newestDate, today } from './newest-date';


/**
 * One sheet, normalised and validated in temp tables, ready to commit: `final` holds the rows to
 * insert (with finding_id), `issues` every issue. Nothing in the database proper is touched.
 */
export interface SheetPlan {
  prepared: PreparedSheet;
  datasetId: string;
  asOf: string;
  final: string;
  /** The date the sheet speaks of: its stated as-of, else the newest date in it; unset when it has none (newerThan). */
  datedAt?: string;
  /** The normalised rows `final` reads (skip_kind set on rows left out). */
  norm: string;
  issues: string;
  rounds: RoundRow[];
  counts: { accepted: number; warned: number; rejected: number; skipped: number };
  /** Every rejected row with its cells (rejectedTableSql), which the commit stores. */
  rejectedCells: string;
  tables: string[];
}

/** What planSheet needs beyond the normalisation context: round sources, as-of, thresholds. */
export interface PlanOptions extends NormaliseContext {
  names: RoundParts;
  hint?: RoundHint;
  fundsYuanThreshold: number;
  /** Dataset ids this import replaces; their findings are not duplicates. */
  replacing: string[];
}

// Rows a quote repair is warned on, at most (the report lists a few thousand issues anyway).
const MAX_LISTED_REPAIRS = 10_000;

/**
 * Normalises and validates a prepared sheet into temp tables. Peak memory is what limits a big
 * import, so each table is dropped as soon as nothing reads it any more: the staging table once
 * the normalised rows and the rejected rows' cells are out of it.
 */
export async function planSheet(engine: Engine, p: PreparedSheet, o: PlanOptions): Promise<SheetPlan> {
  const raw = tempViewName('raw');
  const values = tempViewName('values');
  const lookup = tempName('rounds');
  const norm = tempName('norm');
  const issues = tempName('issues');
  const dupIds = tempName('dupids');
  const final = tempViewName('final');
  const rejectedCells = tempName('rejected');
  const tables = [final, raw, values, lookup, norm, issues, dupIds, rejectedCells];
  const plan = { prepared: p, datasetId: o.datasetId, final, norm, issues, rejectedCells, tables } as SheetPlan;
  // A unit named in the title, a 方面 carried down from a section heading: provided as a column is.
  const has = (key: string) => providesField(p, key);
  const titleCol = p.columns.get('problem_title');
  if (titleCol !== undefined) await joinContinuationRows(engine, p, titleCol, p.continuations);
  // The cells a merge left empty, filled once into a table the raw views join (fill-down.ts).
  const rows = p.fillDown ? { ...p, fillDown: { ...p.fillDown, table: tempName('filled') } } : p;
  if (rows.fillDown?.table) {
    tables.push(rows.fillDown.table);
    await engine.exec(fillDownTableSql(rows.fillDown, p.table, p.headerRow, rows.fillDown.table));
  }
  await engine.exec(rawTableSql(rows, raw));
  await engine.exec(rawValuesSql(rows, values));
  const maps = await buildValueMaps(engine, valueMapSpecs(values, has, sheetMapOptions(p, o.concentratedPeriodMonths)), tempName, tables);
  plan.rounds = await buildRoundLookup(engine, raw, values, maps, lookup, o.names, o.hint, o.fallbackCounty, o.namedPlace, o.unitsFirst);
  const inputs = ruleInputs(has);
  const absent = absentColumns(has);
  const fundsCol = p.columns.get('funds_wan');
  const context = { ...o, fundsScale: headerAmountScale(fundsCol === undefined ? null : p.headers[fundsCol]), evidenceColumn: has('evidence') || has('evidence_count'),
    statusColumn: has('status_raw'), closedColumn: has('closed') && await statesADay(engine, raw, maps.date, 'closed'), today: today() };
  await engine.exec(normalisedTableSql(raw, lookup, maps, norm, context, {
    raw: [...inputs.raw, ...(has('finding_id') ? ['finding_id'] : [])],
    compact: inputs.compact,
    absent,
  }));
  await dropTables(engine, [raw, values, lookup, ...Object.values(maps)]);
  const groups = tempName('groups');
  tables.push(groups);
  const folded = await foldMeasureRows(engine, p, norm, absent, groups, o.asOf ?? today());
  plan.datedAt = o.asOf ?? (await newestDate(engine, ident(norm), DATED_COLUMNS.filter((c) => !absent.has(c)))) ?? undefined;
  plan.asOf = plan.datedAt ?? today();

  const live = 'skip_kind IS NULL';
  await engine.exec(`CREATE TABLE ${scratchTable(issues)} AS ${rulesSql(errorRules(has), norm, live)} UNION ALL ${skippedSql(norm)}`);
  await engine.exec(longCellsSql(p, issues));
  // Rows under a header whose columns are laid out otherwise (header-layouts.ts): not readable by this header's columns.
  for (const h of p.foreignHeaders ?? []) {
    await engine.exec(`INSERT INTO ${ident(issues)} SELECT src_row, '', ${str(String(h.row))}, 'error', 'header_layout_differs' FROM ${ident(norm)}
      WHERE ${live} AND src_row > ${num(h.row)}${h.last !== undefined ? ` AND src_row <= ${num(h.last)}` : ''}`);
  }
  // A section heading numbered in its own cell (一、 | 全面从严治党方面) is reported by its whole text.
  const numbered = p.sections.filter((x) => x.numbered);
  if (numbered.length) {
    await engine.exec(`UPDATE ${ident(issues)} SET value = h.text FROM (VALUES ${numbered.map((x) => `(${num(x.row)}, ${str(x.text.slice(0, 200))})`).join(', ')}) h(row, text)
      WHERE src_row = h.row AND code = 'row_skipped_section'`);
  }
  // Said once, for the dataset as a whole (row 0, which no row count includes): every row's unit
  // came from outside the columns (unitText is only set when no column names the unit); where the
  // statuses came from, or that none did; the columns not imported (unread-columns.ts).
  const sheetIssues = [
    // (With unit headings the title's unit is only that of the rows above the first, if any.)
    ...(p.unitText && !p.unitHeadings?.length ? [`(0, 'unit_name', ${str(p.unitText)}, 'info', 'unit_from_title')`] : []),
    // Or from the headings that name each unit (一、横店镇党委（2个问题）), listed.
    ...(p.unitHeadings?.length && !p.columns.has('unit_name')
      ? [`(0, 'unit_name', ${str([...new Set(p.unitHeadings.flatMap((h) => (h.unit ? [h.unit] : [])))].join(' | ').slice(0, 500))}, 'info', 'unit_from_headings')`] : []),
    // Or the counties, from the headings that name each (一、东阳市, 二、义乌市), listed.
    ...(p.countyHeadings?.length && !p.columns.has('county')
      ? [`(0, 'county', ${str([...new Set(p.countyHeadings.flatMap((h) => (h.county ? [h.county] : [])))].join(' | ').slice(0, 500))}, 'info', 'county_from_headings')`] : []),
    ...(readsStandIn(p, 'status_raw') ? [`(0, 'status_raw', ${str(p.headers[sourceColumn(p, 'status_raw')!] ?? '')}, 'info', 'status_from_summary')`] : []),
    ...(p.statusTicks?.length ? [`(0, 'status_raw', ${str(p.statusTicks.map((t) => t.label).join(' | '))}, 'info', 'status_from_ticks')`] : []),
    // No status anywhere: every row counts as not completed, which the analyst must hear of.
    ...(has('status_raw') ? [] : [`(0, 'status_raw', '', 'warning', 'status_missing')`]),
    ...(await yearMissingIssue(engine, norm, issues)),
    ...(await unreadColumnIssues(engine, p)),
  ];
  if (sheetIssues.length) await engine.exec(`INSERT INTO ${ident(issues)} VALUES ${sheetIssues.join(', ')}`);
  // Rows whose unit came from the row above (fill-down.ts), each named with the unit it took; on the
  // rows imported, cells of a column merged over several units, each named with the value it took.
  if (rows.fillDown) {
    await engine.exec(`INSERT INTO ${ident(issues)} SELECT n.src_row, 'unit_name', n.unit_name, 'info', 'unit_filled_down' FROM ${ident(norm)} n
      WHERE n.skip_kind IS NULL AND n.unit_name IS NOT NULL AND n.src_row IN (SELECT src_row FROM ${ident(p.table)}
        WHERE src_row > ${num(p.headerRow)} AND ${unitBlankSql(rows.fillDown)}) ORDER BY n.src_row`);
  }
  const spanFilled = rows.fillDown && spanFilledSql(rows.fillDown, p.table);
  if (spanFilled) {
    await engine.exec(`INSERT INTO ${ident(issues)} SELECT s.src_row, s.key, s.value, 'info', 'cell_filled_down'
      FROM (${spanFilled}) s JOIN ${ident(norm)} n USING (src_row)
      WHERE n.skip_kind IS NULL AND s.src_row NOT IN (SELECT src_row FROM ${ident(issues)} WHERE severity = 'error') ORDER BY s.src_row, s.key`);
  }
  // Rows with a cell whose quotes were repaired before reading (csv-quotes.ts): read as typed, warned.
  if (p.quoteRepairs?.length) {
    await engine.exec(`INSERT INTO ${ident(issues)} SELECT src_row, '', NULL, 'warning', 'csv_quote_repaired' FROM ${ident(norm)}
      WHERE skip_kind IS NULL AND list_contains([${p.quoteRepairs.slice(0, MAX_LISTED_REPAIRS).map(num).join(', ')}], src_row)`);
  }
  // CSV records with fewer cells than the header, lacking a column that is read (short-rows.ts).
  const short = shortRowIssuesSql(p, norm, issues);
  if (short) await engine.exec(short);
  // Formula errors (#N/A), and formulas saved without their result (=IF(…), cell_uncalculated), in a
  // mapped column of a row that is imported: the cell was read as empty. A row of nothing but such
  // cells (a template's formulas run on) is blank, and says nothing.
  const fieldOf = new Map([...p.columns].map(([key, col]) => [col, key]));
  const errors = (p.errorCells ?? []).filter(([c]) => fieldOf.has(c));
  if (errors.length) {
    const code = (text: string) => (text.startsWith('=') ? 'cell_uncalculated' : 'cell_error');
    await engine.exec(`INSERT INTO ${ident(issues)} SELECT n.src_row, e.key, e.text, 'warning', e.code FROM ${ident(norm)} n
      JOIN (VALUES ${errors.map(([c, row, text]) => `(${num(row)}, ${str(fieldOf.get(c)!)}, ${str(text)}, ${str(code(text))})`).join(', ')}) e(row, key, text, code)
        ON n.src_row = e.row WHERE n.skip_kind IS NULL`);
  }
  // Rows hidden in the workbook, or stated twice in its XML: imported, each warned (row-warnings.ts).
  for (const sql of workbookRowIssuesSql(p, norm, issues)) await engine.exec(sql);
  // NDJSON lines that were no record: rejected, each with its line.
  if (p.badRecords?.length) {
    await engine.exec(`INSERT INTO ${ident(issues)} VALUES ${p.badRecords.map(([row, line]) => `(${num(row)}, '', ${str(line)}, 'error', 'record_invalid')`).join(', ')}`);
  }
  // Bytes the file's encoding could not read became U+FFFD: each imported row holding one is warned,
  // with the first such cell of a mapped column.
  if (p.undecodable && fieldOf.size) {
    const hits = [...fieldOf].map(([c, key]) => `SELECT src_row, ${str(key)} AS key, left(${cell(c)}, 200) AS text, ${num(c)} AS col
      FROM ${ident(p.table)} WHERE src_row > ${num(p.headerRow)} AND contains(${cell(c)}, chr(65533))`);
    await engine.exec(`INSERT INTO ${ident(issues)} SELECT h.src_row, arg_min(h.key, h.col), arg_min(h.text, h.col), 'warning', 'text_undecodable'
      FROM (${hits.join(' UNION ALL ')}) h JOIN ${ident(norm)} n ON n.src_row = h.src_row WHERE n.skip_kind IS NULL GROUP BY h.src_row`);
  }
  await engine.exec(`INSERT INTO ${ident(issues)} SELECT 0, 'county', CAST(count(*) AS VARCHAR), 'warning', 'county_city_level'
    FROM ${ident(norm)} WHERE county_by_round AND ${live} HAVING count(*) > 0`);
  // Every rejected row's cells, out of the staging table before it goes: the commit stores them all.
  await engine.exec(rejectedTableSql(p, issues, rejectedCells));
  await dropTables(engine, [p.table, ...(p.backing ? [p.backing] : []), ...(rows.fillDown?.table ? [rows.fillDown.table] : [])]);
  const kept = (a = '') => `${a}skip_kind IS NULL AND ${a}src_row NOT IN (SELECT src_row FROM ${ident(issues)} WHERE severity = 'error')`;
  const notRejected = kept();
  await engine.exec(`INSERT INTO ${ident(issues)} ${rulesSql(warningRules({ asOf: plan.asOf, fundsYuanThreshold: o.fundsYuanThreshold }, has), norm, notRejected)}`);
  if (folded) for (const sql of measureStatusIssuesSql(norm, groups, issues)) await engine.exec(sql);

  // The file's own ids are used only if every row has one, they are unique and not a bare 序号
  // (1, 2; also (一), 二、), which only counts within its sheet.
  const id = has('finding_id') ? cleanSql(rawCol('finding_id')) : 'CAST(NULL AS VARCHAR)';
  const [ids] = await engine.query<{ usable: boolean }>(`SELECT count(*) > 0 AND count(${id}) = count(*)
    AND count(DISTINCT ${id}) = count(*) AND NOT bool_and(regexp_full_match(${id}, ${str(SEQUENCE_NUMBER_PATTERN)})) AS usable
    FROM ${ident(norm)} WHERE ${notRejected}`);
  // Only the findings columns travel on, through a view: the commit's INSERT is the one copy. The
  // view also says which rows' county is only the 金华市委 round's default (dropContainedSheets).
  const cols = FINDINGS_COLUMNS.filter(([n]) => n !== 'finding_id')
    .map(([n, type]) => (absent.has(n) ? `CAST(NULL AS ${type.split(' ')[0]}) AS ${n}` : n));
  const names = FINDINGS_COLUMNS.map(([n]) => n).filter((n) => n !== 'finding_id');
  if (ids?.usable) {
    await engine.exec(`CREATE TEMP VIEW ${ident(final)} AS SELECT ${cols.join(', ')}, src_row, county_by_round, ${id} AS finding_id
      FROM ${ident(norm)} WHERE ${notRejected}`);
  } else {
    // Ids made of round, unit and the file's id (or row); a collision gets the row number appended.
    const fid0 = `round_key || '|' || unit_name || '|' || coalesce(${id}, 'r' || src_row)`;
    await engine.exec(`CREATE TABLE ${scratchTable(dupIds)} AS SELECT fid0 FROM (SELECT ${fid0} AS fid0 FROM ${ident(norm)}
      WHERE ${notRejected}) GROUP BY fid0 HAVING count(*) > 1`);
    await engine.exec(`CREATE TEMP VIEW ${ident(final)} AS SELECT ${names.map((c) => 'f.' + c).join(', ')}, f.src_row, f.county_by_round,
        CASE WHEN d.fid0 IS NULL THEN f.fid0 ELSE f.fid0 || '#' || f.src_row END AS finding_id
      FROM (SELECT ${cols.join(', ')}, src_row, county_by_round, ${fid0} AS fid0 FROM ${ident(norm)} WHERE ${notRejected}) f
      LEFT JOIN ${ident(dupIds)} d ON d.fid0 = f.fid0`);
  }
  // Every row of a (round, county, unit, title words and numbers) group but its first (same-finding.ts);
  // groups first, so the wide rows are scanned once and only the few keys that repeat are joined back.
  await engine.exec(`INSERT INTO ${ident(issues)}
    SELECT f.src_row, 'problem_title', left(f.problem_title, 200), 'warning', 'duplicate_finding'
    FROM ${ident(norm)} f
    JOIN (SELECT round_key, county, unit_key, norm_title, title_numbers, min(src_row) AS first_row FROM (SELECT ${matchColumnsSql('n')}, n.src_row
        FROM ${ident(norm)} n WHERE n.norm_title IS NOT NULL AND ${notRejected}) GROUP BY ALL HAVING count(*) > 1) g
      ON g.round_key = f.round_key AND g.county IS NOT DISTINCT FROM f.county AND g.unit_key = ${unitNameKeySql('f')} AND g.norm_title = f.norm_title
      AND ${sameNumbersSql('f', 'g')} AND f.src_row > g.first_row
    WHERE f.norm_title IS NOT NULL AND ${kept('f.')}`);
  // The same problem already loaded from another file. Neither a dataset being replaced counts, nor the embedded
  // sample, which an analyst's first import removes (every row of a ledger like it was warned against it).
  const others = `AND g.dataset_id NOT IN (SELECT dataset_id FROM datasets WHERE is_sample${o.replacing.length ? ` OR dataset_id IN (${o.replacing.map(str).join(', ')})` : ''})`;
  await engine.exec(`INSERT INTO ${ident(issues)}
    SELECT src_row, 'problem_title', left(problem_title, 200), 'warning', 'duplicate_existing' FROM ${ident(norm)} f
    WHERE f.norm_title IS NOT NULL AND ${kept('f.')} AND EXISTS (SELECT 1 FROM findings g WHERE ${sameFindingSql('f', 'g', { loose: ['f'], city: ['g'] })} ${others})`);
  await flagDuplicatesAcrossTerms(engine, norm, issues, kept('f.'), others);

  const [c] = await engine.query<SheetPlan['counts'] & { total: number }>(`SELECT
    (SELECT count(*) FROM ${ident(norm)} WHERE ${notRejected}) AS total,
    (SELECT count(DISTINCT src_row) FROM ${ident(issues)} WHERE severity = 'warning' AND src_row IN (SELECT src_row FROM ${ident(norm)} WHERE ${notRejected})) AS warned,
    (SELECT count(DISTINCT src_row) FROM ${ident(issues)} WHERE severity = 'error') AS rejected,
    (SELECT count(*) FROM ${ident(norm)} WHERE skip_kind IS NOT NULL) AS skipped`);
  plan.counts = { accepted: c.total, warned: c.warned, rejected: c.rejected, skipped: c.skipped };
  return plan;
}

/** Why a sheet of the file was not imported: values but no header, no problem column, hidden, no problem rows. */
export const UNREAD_REASONS = ['sheet_not_imported', 'sheet_not_ledger', 'sheet_example', 'sheet_hidden', 'sheet_no_data', 'sheet_read_hidden', 'sheet_too_wide'] as const;
export type UnreadReason = (typeof UNREAD_REASONS)[number];

/**
 * A warning about the file as a whole (row 0) in the report of one sheet: 'encoding_mixed' for a
 * text file read line by line in UTF-8 and GB18030 (decode.ts).
 */
export async function noteFileWarning(engine: Engine, plan: SheetPlan, code: 'encoding_mixed'): Promise<void> {
  await engine.exec(`INSERT INTO ${ident(plan.issues)} VALUES (0, '', NULL, 'warning', ${str(code)})`);
}

/**
 * Names the file's sheets that were not imported in the report of one sheet that was, as
 * dataset-level warnings (row 0) coded by reason. A skipped sheet is never silent.
 */
export async function noteUnreadSheets(engine: Engine, plan: SheetPlan, unread: Partial<Record<UnreadReason, string[]>>): Promise<void> {
  const rows = Object.entries(unread).flatMap(([code, names]) =>
    (names ?? []).map((name) => `(0, '', ${str(name.slice(0, 200))}, 'warning', ${str(code)})`));
  if (rows.length) await engine.exec(`INSERT INTO ${ident(plan.issues)} VALUES ${rows.join(', ')}`);
}

/**
 * TRUE when some cell of `key` in the raw table holds a day the date map reads (a 是否销号 of 2024年6月30日): only then is
 * the day read per row (findings.ts closedColumn). Most such columns hold 是/否, and the join reading it cost ~150 ms of the
 * normalise statement at 100k rows.
 */
async function statesADay(engine: Engine, raw: string, dateMap: string, key: string): Promise<boolean> {
  const [{ n }] = await engine.query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM (SELECT DISTINCT ${rawCol(key)} AS v
    FROM ${ident(raw)}) c JOIN ${ident(dateMap)} m ON m.v = c.v WHERE m.d IS NOT NULL`);
  return Number(n) > 0;
}
