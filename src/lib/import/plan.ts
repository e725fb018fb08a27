import type { Engine } from '../db/types';
import { ident, str } from '../queries/sql';
import { FINDINGS_COLUMNS } from '../db/schema';
import { normalisedTableSql, type NormaliseContext } from './normalise/findings';
import { mapNames, mapTablesSql } from './normalise/maps';
import { cleanSql } from './normalise/text';
import { rawCol, rawTableSql } from './normalise/raw';
import { buildRoundLookup, type RoundRow } from './round-lookup';
import type { RoundParts } from './round';
import type { PreparedSheet } from './prepare';
import { errorRules, rulesSql, skippedSql, warningRules } from './validate';
import { tempName } from './staging';
import type { RoundHint } from './types';

/**
 * One sheet, normalised and validated in temp tables, ready to commit: `final` holds the rows to
 * insert (with finding_id), `issues` every issue. Nothing in the database proper is touched.
 */
export interface SheetPlan {
  prepared: PreparedSheet;
  datasetId: string;
  asOf: string;
  final: string;
  issues: string;
  rounds: RoundRow[];
  counts: { accepted: number; warned: number; rejected: number; skipped: number };
  tables: string[];
}

/** What planSheet needs beyond the normalisation context: round sources, as-of, thresholds. */
export interface PlanOptions extends NormaliseContext {
  names: RoundParts;
  hint?: RoundHint;
  asOf?: string;
  fundsYuanThreshold: number;
  /** Dataset ids this import replaces; their findings are not duplicates. */
  replacing: string[];
}

/** Today as a calendar date in the user's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Newest date the data holds, never after today; today when it holds none. */
async function defaultAsOf(engine: Engine, norm: string): Promise<string> {
  const t = `DATE ${str(today())}`;
  const cols = ['feedback_date', 'completion_date', 'closure_date', 'followup_date', 'station_end', 'station_start'];
  const [row] = await engine.query<{ d: string | null }>(
    `SELECT max(d) AS d FROM (${cols.map((c) => `SELECT max(${c}) FILTER (WHERE ${c} <= ${t}) AS d FROM ${ident(norm)}`).join(' UNION ALL ')})`,
  );
  return row?.d ?? today();
}

/** Normalises and validates a prepared sheet into temp tables. */
export async function planSheet(engine: Engine, p: PreparedSheet, o: PlanOptions): Promise<SheetPlan> {
  const raw = tempName('raw');
  const lookup = tempName('rounds');
  const norm = tempName('norm');
  const issues = tempName('issues');
  const final = tempName('final');
  const tables = [raw, lookup, norm, issues, final];
  const plan = { prepared: p, datasetId: o.datasetId, final, issues, tables } as SheetPlan;
  await engine.exec(rawTableSql(p, raw));
  const maps = mapNames(tempName);
  tables.push(...Object.values(maps));
  for (const sql of mapTablesSql(raw, maps)) await engine.exec(sql);
  plan.rounds = await buildRoundLookup(engine, raw, maps, lookup, o.names, o.hint, o.fallbackCounty);
  await engine.exec(normalisedTableSql(raw, lookup, maps, norm, o));
  plan.asOf = o.asOf ?? (await defaultAsOf(engine, norm));

  const live = 'skip_kind IS NULL';
  await engine.exec(`CREATE TEMP TABLE ${ident(issues)} AS ${rulesSql(errorRules(), norm, live)} UNION ALL ${skippedSql(norm)}`);
  const notRejected = `${live} AND src_row NOT IN (SELECT src_row FROM ${ident(issues)} WHERE severity = 'error')`;
  await engine.exec(`INSERT INTO ${ident(issues)} ${rulesSql(warningRules({ asOf: plan.asOf, fundsYuanThreshold: o.fundsYuanThreshold }), norm, notRejected)}`);

  // The file's own ids are used only if every row has one, they are unique and not a bare 序号.
  const id = cleanSql(rawCol('finding_id'));
  const [ids] = await engine.query<{ usable: boolean }>(`SELECT count(*) > 0 AND count(${id}) = count(*)
    AND count(DISTINCT ${id}) = count(*) AND NOT bool_and(regexp_full_match(${id}, '\\d+')) AS usable
    FROM ${ident(norm)} WHERE ${notRejected}`);
  const fid0 = ids?.usable ? id : `round_key || '|' || unit_name || '|' || coalesce(${id}, 'r' || src_row)`;
  // Only the findings columns travel on: the raw and helper columns would double the copy.
  const cols = FINDINGS_COLUMNS.map(([n]) => n).filter((n) => n !== 'finding_id');
  await engine.exec(`CREATE TEMP TABLE ${ident(final)} AS
    SELECT ${cols.join(', ')}, src_row,
      CASE WHEN count(*) OVER (PARTITION BY fid0) > 1 THEN fid0 || '#' || src_row ELSE fid0 END AS finding_id
    FROM (SELECT ${cols.join(', ')}, src_row, ${fid0} AS fid0 FROM ${ident(norm)} WHERE ${notRejected})`);
  await engine.exec(`INSERT INTO ${ident(issues)}
    SELECT src_row, 'problem_title', left(problem_title, 200), 'warning', 'duplicate_finding' FROM (
      SELECT src_row, problem_title, row_number() OVER (PARTITION BY round_key, unit_name, norm_title ORDER BY src_row) AS n
      FROM ${ident(final)} WHERE norm_title IS NOT NULL) WHERE n > 1`);
  // The same problem already loaded from another file (a dataset being replaced does not count).
  const others = o.replacing.length ? `AND g.dataset_id NOT IN (${o.replacing.map(str).join(', ')})` : '';
  await engine.exec(`INSERT INTO ${ident(issues)}
    SELECT src_row, 'problem_title', left(problem_title, 200), 'warning', 'duplicate_existing' FROM ${ident(final)} f
    WHERE f.norm_title IS NOT NULL AND EXISTS (SELECT 1 FROM findings g WHERE g.round_key = f.round_key
      AND g.unit_name = f.unit_name AND g.norm_title = f.norm_title ${others})`);

  const [c] = await engine.query<SheetPlan['counts'] & { total: number }>(`SELECT
    (SELECT count(*) FROM ${ident(final)}) AS total,
    (SELECT count(DISTINCT src_row) FROM ${ident(issues)} WHERE severity = 'warning') AS warned,
    (SELECT count(DISTINCT src_row) FROM ${ident(issues)} WHERE severity = 'error') AS rejected,
    (SELECT count(*) FROM ${ident(norm)} WHERE skip_kind IS NOT NULL) AS skipped`);
  plan.counts = { accepted: c.total, warned: c.warned, rejected: c.rejected, skipped: c.skipped };
  return plan;
}
