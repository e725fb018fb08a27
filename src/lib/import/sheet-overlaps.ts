import { IMMEDIATE_FIX_DENIED_PATTERN, IMMEDIATE_FIX_PATTERN } from '../domain/vocabulary/status';
import type { Engine } from '../db/types';
import { ident, str } from '../queries/sql';
import type { SheetPlan } from './plan';
import { unitNameKeySql } from '../queries/measures';
import { matchableSql, sameFindingSql, sameTimeSql } from './same-finding';
import { tempName } from './staging';

/**
 * The sheets of one file against each other: a sheet another holds whole is left out
 * (dropContainedSheets), a finding two sheets share counts once, in the newer (skipSheetOverlaps).
 */

/**
 * Sheets of one file whose every finding another sheet of it holds too (a 汇总 sheet beside one
 * sheet per county, a copied sheet): only the sheet that holds them all is imported, and its report
 * names each one left out (`sheet_duplicate`), else every number would count them twice. A finding
 * is the same when its round, county, unit and title words are (same-finding.ts; DOMAIN.md §6.1: the same unit name
 * in two counties is two units, and a 共性问题 is fed back to each); a county that is only a 金华市委
 * round's default (市本级, no county found: a 开发区 sheet beside a 汇总 that names the zone) matches
 * any. Of two sheets holding the same findings the newer stays (newerThan): in a workbook of monthly
 * snapshots (2024年6月, 2024年9月) the newest's statuses are the ones that count; so does a smaller sheet
 * dated after the one holding it. Returns the plans to commit.
 */
export async function dropContainedSheets(engine: Engine, plans: SheetPlan[], shared: SharedRows): Promise<SheetPlan[]> {
  const kept = [...plans];
  const newer = newerThan(plans);
  // Largest first, so that a sheet left out is named in the report of one that stays; of two
  // sheets holding the same findings the newer stays.
  const bySize = [...plans].sort((x, y) => y.counts.accepted - x.counts.accepted || (newer(y, x) ? 1 : newer(x, y) ? -1 : 0));
  for (const b of plans) {
    // A sheet with rejected rows stays: its report is where they are listed.
    if (b.counts.accepted === 0 || b.counts.rejected > 0) continue;
    for (const a of bySize) {
      if (a === b || !kept.includes(a) || a.counts.accepted < b.counts.accepted) continue;
      if (a.counts.accepted === b.counts.accepted && newer(b, a)) continue;
      // A sheet dated after the larger one holding it (永康市, 截至9月30日, beside a 汇总 截至6月30日) stays: its
      // statuses are the newer, and the findings both hold count in it (skipSheetOverlaps).
      if ((b.datedAt ?? '') > (a.datedAt ?? '')) continue;
      // So does a 立行立改 sheet: the findings it shares count in it, as 立行立改 items (newerThan).
      if (immediateSheet(b) && !immediateSheet(a)) continue;
      if (!(await shared.holdsAll(a, b))) continue;
      kept.splice(kept.indexOf(b), 1);
      await engine.exec(`INSERT INTO ${ident(a.issues)} VALUES (0, '', ${str((b.prepared.sheet ?? '').slice(0, 200))}, 'warning', 'sheet_duplicate')`);
      break;
    }
  }
  return kept;
}

/**
 * Findings of a sheet that a newer sheet of the same file (newerThan) holds too, where neither
 * sheet holds the other whole (dropContainedSheets): a 汇总 beside county sheets one of which has a
 * row the 汇总 lacks. Each such row is skipped in the older sheet and named there
 * (`row_skipped_other_sheet`, with the sheet that keeps it), so every finding counts once and the
 * newer copy's status is the one that counts. The same finding as there: round, county (a 金华市委
 * round's default matching any), unit and title words, none of them blank. Updates the counts;
 * returns the plans that keep a row.
 */
export async function skipSheetOverlaps(engine: Engine, plans: SheetPlan[], shared: SharedRows): Promise<SheetPlan[]> {
  const newer = newerThan(plans);
  const ordered = [...plans].sort((x, y) => (newer(x, y) ? 1 : newer(y, x) ? -1 : 0));
  for (const [j, a] of ordered.entries()) {
    // Only the pairs that share a finding cost a statement: a workbook of a hundred sheets, one per
    // unit, shares none.
    const later = ordered.slice(j + 1).filter((b) => shared.mayShare(a, b));
    if (!later.length) continue;
    for (const b of later) {
      await engine.exec(`INSERT INTO ${ident(a.issues)}
        SELECT src_row, 'problem_title', ${str((b.prepared.sheet ?? '').slice(0, 200))}, 'info', 'row_skipped_other_sheet'
        FROM (${shared.sharedRowsSql(a, b)})
        WHERE src_row NOT IN (SELECT src_row FROM ${ident(a.issues)} WHERE code = 'row_skipped_other_sheet')`);
    }
    const skipped = `SELECT src_row FROM ${ident(a.issues)} WHERE code = 'row_skipped_other_sheet'`;
    await engine.exec(`UPDATE ${ident(a.norm)} SET skip_kind = 'other_sheet' WHERE src_row IN (${skipped})`);
    const [c] = await engine.query<{ accepted: number; warned: number; skipped: number }>(`SELECT
      (SELECT count(*) FROM ${ident(a.final)}) AS accepted,
      (SELECT count(DISTINCT src_row) FROM ${ident(a.issues)} WHERE severity = 'warning' AND src_row IN (SELECT src_row FROM ${ident(a.final)})) AS warned,
      (SELECT count(*) FROM (${skipped})) AS skipped`);
    a.counts = { ...a.counts, accepted: Number(c.accepted), warned: Number(c.warned), skipped: a.counts.skipped + Number(c.skipped) };
  }
  // A sheet left with nothing of its own is no dataset: named in the report of the first that stays,
  // as a sheet another holds whole is (dropContainedSheets).
  const emptied = plans.filter((p) => p.counts.accepted === 0 && p.counts.rejected === 0);
  const kept = plans.filter((p) => !emptied.includes(p));
  for (const p of kept.length ? emptied : []) {
    await engine.exec(`INSERT INTO ${ident(kept[0].issues)} VALUES (0, '', ${str((p.prepared.sheet ?? '').slice(0, 200))}, 'warning', 'sheet_duplicate')`);
  }
  return kept.length ? kept : plans;
}

/** Which findings of a sheet another sheet of the file holds too (sharedRows). */
export interface SharedRows {
  /** True when `a` holds every finding of `b`. */
  holdsAll(a: SheetPlan, b: SheetPlan): Promise<boolean>;
  /** False when `a` and `b` surely share no finding with round, unit and title words all given. */
  mayShare(a: SheetPlan, b: SheetPlan): boolean;
  /** SQL of the src_row of the findings of `a` that `b` holds too, round, unit and title words all given. */
  sharedRowsSql(a: SheetPlan, b: SheetPlan): string;
  /** Temp tables to drop when done. */
  tables: string[];
}

// The same finding in two sheets (same-finding.ts); a 金华市委 round's default county matching any.
// Of one time too (sameTimeSql): a sheet per year of a committee numbering its rounds within the year holds no other.
// A round written with and without its term is one (sameRoundSql: a 9月 sheet whose title leaves 十五届 out).
// Where a sheet writes one problem on several rows (two 具体表现 of one title), each row is matched by its 具体表现 too
// (copiesSql): a county sheet beside a 汇总 holding one of them is not held whole, and only that row is the 汇总's
// (helper-134: the other was lost, the sheet said held by the 汇总). Rows written once are matched as before, so a
// 具体表现 reworded between monthly snapshots, or a row typed twice alike, changes nothing (helper-135).
const SAME_FINDING = `${sameFindingSql('x', 'y', { loose: ['x', 'y'] }, { acrossTerms: true })} AND ${sameTimeSql('x', 'y')}
  AND ((x.copies = 1 AND y.copies = 1) OR x.problem_detail IS NOT DISTINCT FROM y.problem_detail)`;
/** The rows of a sheet with how many rows of it are written alike (round, county, unit, title words and numbers). */
const COPIES = `count(*) OVER (PARTITION BY round_key, county, ${unitNameKeySql()}, norm_title, title_numbers)`;
const copiesSql = (p: SheetPlan) => `(SELECT *, ${COPIES} AS copies FROM ${ident(p.final)})`;
const ALL_GIVEN = matchableSql('x');
// Up to this many sheets a statement per pair is cheapest (a 1M-row sheet beside a small one: one
// anti-join); past it the pairs outnumber the rows, and one join over all sheets is.
const PAIRWISE_MAX_SHEETS = 4;

/**
 * The findings the sheets of one file share. A few sheets are compared pair by pair; many (a
 * workbook of one sheet per unit) in one join over all of them, since a statement per pair made a
 * 100-sheet workbook take minutes. Both give the same answers.
 */
export async function sharedRows(engine: Engine, plans: SheetPlan[]): Promise<SharedRows> {
  if (plans.length <= PAIRWISE_MAX_SHEETS) {
    return {
      holdsAll: async (a, b) => {
        const [m] = await engine.query<{ missing: number }>(`SELECT count(*) AS missing FROM ${copiesSql(b)} x
          WHERE NOT EXISTS (SELECT 1 FROM ${copiesSql(a)} y WHERE ${SAME_FINDING})`);
        return Number(m.missing) === 0;
      },
      mayShare: () => true,
      sharedRowsSql: (a, b) => `SELECT x.src_row FROM ${copiesSql(a)} x WHERE ${ALL_GIVEN}
        AND EXISTS (SELECT 1 FROM ${copiesSql(b)} y WHERE ${SAME_FINDING})`,
      tables: [],
    };
  }
  const table = tempName('shared');
  const all = plans.map((p, i) => `SELECT ${i} AS sheet, src_row, round_key, county, county_by_round, unit_name, unit_name_norm, norm_title, title_numbers, feedback_date, year, problem_detail, copies FROM ${copiesSql(p)}`).join(' UNION ALL ');
  await engine.exec(`CREATE TEMP TABLE ${ident(table)} AS WITH k AS (${all}),
    y AS (SELECT DISTINCT sheet, round_key, county, county_by_round, unit_name, unit_name_norm, norm_title, title_numbers, feedback_date, year, problem_detail, copies FROM k)
    SELECT DISTINCT x.sheet, y.sheet AS other, x.src_row, ${ALL_GIVEN} AS strict
    FROM k x JOIN y ON y.sheet <> x.sheet AND ${SAME_FINDING}`);
  const sizes = await engine.query<{ sheet: number; n: number }>(`SELECT sheet, CAST(count(*) AS INTEGER) AS n FROM (${all}) GROUP BY sheet`);
  const pairs = await engine.query<{ sheet: number; other: number; n: number; strict: number }>(`SELECT sheet, other,
      CAST(count(*) AS INTEGER) AS n, CAST(count(*) FILTER (WHERE strict) AS INTEGER) AS strict FROM ${ident(table)} GROUP BY sheet, other`);
  const size = new Map(sizes.map((r) => [Number(r.sheet), Number(r.n)]));
  const pair = new Map(pairs.map((r) => [`${r.sheet}|${r.other}`, [Number(r.n), Number(r.strict)]]));
  const index = (p: SheetPlan) => plans.indexOf(p);
  return {
    // b's rows that a holds too, against b's rows.
    holdsAll: async (a, b) => (pair.get(`${index(b)}|${index(a)}`)?.[0] ?? 0) >= (size.get(index(b)) ?? 0),
    mayShare: (a, b) => (pair.get(`${index(a)}|${index(b)}`)?.[1] ?? 0) > 0,
    sharedRowsSql: (a, b) => `SELECT src_row FROM ${ident(table)} WHERE sheet = ${index(a)} AND other = ${index(b)} AND strict`,
    tables: [table],
  };
}

/**
 * Which of two sheets of one file is the newer. In a workbook whose every sheet is named by a date
 * (2024年6月, 2024年9月, 9月份, 2024.9.30: monthly snapshots), the later name, whatever the order of
 * the sheets or the dates in them (a September sheet first, with no dates of its own, beside a June
 * sheet with some). Otherwise the later date a sheet speaks of (a 截至 line, else the newest date in
 * it; a sheet with none is older than one with a date); else the later in the workbook; Excel's
 * 移动或复制 puts a copied sheet first, so the order alone cannot tell a June snapshot from a September one.
 */
function newerThan(plans: SheetPlan[]): (a: SheetPlan, b: SheetPlan) => boolean {
  const named = plans.map((p) => sheetDate(p.prepared.sheet));
  const byName = named.every((d) => d !== null) && new Set(named).size === plans.length;
  // One order over all sheets (an undated sheet counts as older than any dated one), so sorting by it is
  // sound. A 立行立改 sheet comes after the others: a finding it shares with the main list is counted in it,
  // where it is classed as fixed at once (the main list's copy may not say so).
  const key = (p: SheetPlan) => `${immediateSheet(p) ? 1 : 0}|${byName ? named[plans.indexOf(p)]! : p.datedAt ?? ''}`;
  return (a, b) => (key(a) !== key(b) ? key(a) > key(b) : plans.indexOf(a) > plans.indexOf(b));
}

/** A sheet named as the list of 立行立改 items (立行立改问题, 即知即改清单; not 非立行立改问题). */
function immediateSheet(p: SheetPlan): boolean {
  const name = p.prepared.sheet?.normalize('NFKC');
  return !!name && new RegExp(IMMEDIATE_FIX_PATTERN).test(name) && !new RegExp(IMMEDIATE_FIX_DENIED_PATTERN).test(name);
}

// A sheet named by a date alone: 2024年9月, 2024.9, 2024-09-30, 9月, 9月份, 截至9月底, 2024年9月台账.
// A bare number (a sheet named 1, 2) is no month: a year or 月 must be written.
const SHEET_DATE = /^(?:截至|截止)?(?:((?:19|20)\d{2})\s*[年.\-/]\s*)?(\d{1,2})\s*(月)?(?:\s*[.\-/]?\s*(\d{1,2})\s*[日号]?)?(?:份|底|末)?(?:台账|更新|版|进展)?$/;

/** The date a sheet's name is, as a sortable text (a month without a year sorts as of year 0), or null. */
export function sheetDate(name: string | undefined): string | null {
  const m = name ? SHEET_DATE.exec(name.normalize('NFKC').trim()) : null;
  if (!m || (!m[1] && !m[3]) || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1] ?? '0000'}-${m[2].padStart(2, '0')}-${(m[4] ?? '').padStart(2, '0')}`;
}
