import type { Engine } from '../db/types';
import { ident, str } from '../queries/sql';
import type { SheetPlan } from './plan';
import { matchTimeColumnsSql, sameFindingSql } from './same-finding';
import { scratchTable, tempName } from './staging';
import { newestDate } from './newest-date';

/**
 * Share of problems two ledgers must have in common, both ways, for one to be read as a later
 * version of the other: offices send the same ledger again every month, its statuses moved on.
 */
export const LATER_VERSION_SHARE = 0.8;

/** A stored dataset a new file looks like a later version of, or stored datasets it holds. */
export interface LaterVersion {
  datasetId: string;
  /** Every stored dataset to replace: the one, or each the file holds (a 汇总 of stored county ledgers). */
  datasetIds: string[];
  /** Rows of the new file whose problem (round, county, unit, title words) those datasets hold. */
  same: number;
  /** Rows in the new file, as the import's summary counts them. */
  rows: number;
  /**
   * The file's as-of date (stated, else its newest date) and the newest of those datasets', where known; when the file
   * is older, the two dates that show it (olderBy).
   */
  asOf?: string;
  storedAsOf?: string;
  /** The file is dated before those datasets: an older snapshot, not a newer version (helper-125). */
  older?: boolean;
  /**
   * The file holds a part of those datasets' problems again, and little else (a 立行立改 list, a monthly list of the
   * open items): it updates those problems (supersede.ts) rather than replacing the datasets.
   */
  part?: boolean;
  /**
   * Beside the datasets a later version or 汇总 replaces (datasetIds), stored datasets only some of whose problems it
   * holds again: those problems are updated (supersede.ts), their other problems stay.
   */
  updateIds?: string[];
}

/**
 * The stored datasets (the sample aside, which the import replaces anyway) the new file updates or
 * holds: for each new sheet, the dataset whose problems, by round, county, unit and title words, are at
 * least LATER_VERSION_SHARE of the sheet's and make up as much of its own (only read when the plan
 * warned most of its rows as `duplicate_existing`); and each dataset the file holds (heldDatasets).
 * Importing the file beside them would count their problems twice. Null when there are none.
 * The stored findings' keys are read once, when first needed, into a working table named in
 * `tables` (which the import drops).
 */
export async function laterVersionOf(engine: Engine, plans: SheetPlan[], tables: string[], replacing: string[] = []): Promise<LaterVersion | null> {
  let table = '';
  const stored = async () => {
    if (!table) {
      table = tempName('stored_keys');
      tables.push(table);
      await engine.exec(`CREATE TABLE ${scratchTable(table)} AS ${storedKeysSql(replacing)}`);
    }
    return ident(table);
  };
  // Every sheet's: a workbook sent again updates each of its stored sheets.
  const ids: string[] = [];
  for (const plan of plans) {
    const rows = plan.counts.accepted;
    if (!rows) continue;
    const [{ dup }] = await engine.query<{ dup: number }>(`SELECT CAST(count(DISTINCT src_row) AS INTEGER) AS dup
      FROM ${ident(plan.issues)} WHERE code = 'duplicate_existing'`);
    if (Number(dup) < LATER_VERSION_SHARE * rows) continue;
    const [best] = await engine.query<{ dataset_id: string; same: number; new_keys: number; old_keys: number }>(`
      WITH n AS (${newKeysSql([plan])}), o AS (FROM ${await stored()})
      SELECT o.dataset_id, CAST(count(DISTINCT n.k) AS INTEGER) AS same, (SELECT CAST(count(*) AS INTEGER) FROM n) AS new_keys,
        (SELECT CAST(count(*) AS INTEGER) FROM o o2 WHERE o2.dataset_id = o.dataset_id) AS old_keys
      FROM n JOIN o ON ${VERSION_MATCH} GROUP BY o.dataset_id ORDER BY same DESC, o.dataset_id LIMIT 1`);
    if (!best) continue;
    const same = Number(best.same);
    if (same >= LATER_VERSION_SHARE * Number(best.new_keys) && same >= LATER_VERSION_SHARE * Number(best.old_keys)) ids.push(best.dataset_id);
  }
  // The file's rows warned as problems already stored, counted once for both questions below.
  const { dup, rows: accepted } = await storedRows(engine, plans);
  if (dup) for (const id of await heldDatasets(engine, plans, stored)) if (!ids.includes(id)) ids.push(id);
  // Datasets only a part of whose problems the file holds: all it is, when most of its rows are theirs (a 立行立改
  // list); else beside those it replaces. Their problems it holds are updated, not counted twice.
  const part = !ids.length && accepted > 0 && dup >= LATER_VERSION_SHARE * accepted;
  const updateIds = ids.length || part ? await holdersOf(engine, plans, stored, ids) : [];
  if (part) ids.push(...updateIds);
  if (!ids.length) return null;
  const idList = [...ids, ...(part ? [] : updateIds)].map(str).join(', ');
  // The new file's problems that the datasets asked about hold, counted as rows, as the import's summary
  // counts them (two rows of one problem are two; a row without title words is held by none).
  const [{ same, rows }] = await engine.query<{ same: number; rows: number }>(`
    WITH n AS (${newRowsSql(plans)})
    SELECT CAST(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${await stored()} o WHERE o.dataset_id IN (${idList})
      AND ${VERSION_MATCH})) AS INTEGER) AS same, CAST(count(*) AS INTEGER) AS rows FROM n`);
  const asOf = plans.map((p) => p.datedAt).filter((d): d is string => !!d).sort().at(-1);
  const [{ stored_as_of: storedAsOf }] = await engine.query<{ stored_as_of: string | null }>(`SELECT CAST(max(as_of_date) AS VARCHAR) AS stored_as_of
    FROM datasets WHERE dataset_id IN (${idList})`);
  const rowsDated = await newestOf(engine, plans.filter((p) => p.counts.accepted > 0).map((p) => ident(p.final)));
  const storedRowsDated = await newestDate(engine, `(SELECT * FROM findings WHERE dataset_id IN (${idList}))`);
  const older = olderBy({ asOf, rows: rowsDated }, { asOf: storedAsOf ?? undefined, rows: storedRowsDated });
  // Said with the two dates that decided it, so the question never contradicts itself.
  const dates = older ? { asOf: older[0], storedAsOf: older[1], older: true } : { ...(asOf ? { asOf } : {}), ...(storedAsOf ? { storedAsOf } : {}) };
  return { datasetId: ids[0], datasetIds: ids, same: Number(same), rows: Number(rows), ...dates,
    ...(part ? { part: true } : updateIds.length ? { updateIds } : {}) };
}

/** The newest date the rows of any of `froms` hold (newestDate), asked one after the other as the engine runs them. */
async function newestOf(engine: Engine, froms: string[]): Promise<string | null> {
  let newest: string | null = null;
  for (const f of froms) {
    const d = await newestDate(engine, f);
    if (d && (!newest || d > newest)) newest = d;
  }
  return newest;
}

/** A ledger's as-of date (stated in its title or name, else its rows' newest) and its rows' newest date. */
interface Dated { asOf?: string; rows: string | null }

/**
 * The file's date and the stored ledger's that show the file is an older snapshot, or null when none does. Only
 * like is compared with like: a stated as-of (in a title or a name; one other than the rows' newest date, or with
 * no dated rows) with a stated one; a stated cut-off with the other's rows (a ledger holds no date after its own:
 * a stored row dated after the file's stated as-of makes the file older); rows' newest dates with each other, when
 * neither ledger states its date or nothing else decides. A stated date against the other's rows the other way says
 * nothing (helper-126: a newer undated file's last completion, 2024-09-24, is no sign it predates a stored
 * 截至2024年9月30日), nor do rows against rows when both state their dates (helper-127: an October snapshot that
 * leaves out or corrects September's last dated item is still October's).
 */
export function olderBy(file: Dated, stored: Dated): [string, string] | null {
  const stated = (d: Dated) => (d.asOf && d.asOf !== d.rows ? d.asOf : undefined);
  const fs = stated(file);
  const ss = stated(stored);
  if (fs && ss) return fs < ss ? [fs, ss] : null;
  if (fs && stored.rows) return fs < stored.rows ? [fs, stored.rows] : null;
  if (ss && file.rows && file.rows > ss) return null;
  return file.rows && stored.rows && file.rows < stored.rows ? [file.rows, stored.rows] : null;
}

/**
 * What makes a new row (`n`, keyed: matchTimeColumnsSql and county_by_round) and a stored finding (`o`) one problem
 * (same-finding.ts): round, county, unit and title words; where a county may be only a 金华市委 round's default, the
 * unit's name as written. A round written with and without its term is one (sameRoundSql): the file's rows are not
 * merged into it yet.
 */
export const VERSION_MATCH = sameFindingSql('n', 'o', { loose: ['n'], city: ['o'] }, { keyed: true, acrossTerms: true });

/** The keys of every stored finding but the sample's and those of the datasets being replaced, with its dataset. */
function storedKeysSql(replacing: string[]): string {
  const kept = replacing.length ? ` AND f.dataset_id NOT IN (${replacing.map(str).join(', ')})` : '';
  return `SELECT DISTINCT f.dataset_id, ${matchTimeColumnsSql('f')} FROM findings f
    JOIN datasets d ON d.dataset_id = f.dataset_id AND NOT coalesce(d.is_sample, false) WHERE f.norm_title IS NOT NULL${kept}`;
}

/** The new sheets' findings to import, one row each, with their keys (and `extra` columns of `f`, the sheet's final view). */
export function newRowsSql(plans: SheetPlan[], extra = ''): string {
  return plans.filter((p) => p.counts.accepted > 0)
    .map((p) => `SELECT ${matchTimeColumnsSql('f')}, f.county_by_round${extra} FROM ${ident(p.final)} f`).join(' UNION ALL ');
}

/** The distinct keys of the new sheets' findings with title words, each numbered (k). */
function newKeysSql(plans: SheetPlan[]): string {
  const rows = plans.filter((p) => p.counts.accepted > 0)
    .map((p) => `SELECT ${matchTimeColumnsSql('f')}, f.county_by_round FROM ${ident(p.final)} f WHERE f.norm_title IS NOT NULL`);
  return `SELECT *, row_number() OVER () AS k FROM (SELECT DISTINCT * FROM (${rows.length ? rows.join(' UNION ALL ') : 'SELECT NULL AS round_key, NULL AS county, NULL AS unit_key, NULL AS unit_name, NULL AS norm_title, NULL AS title_numbers, NULL::DATE AS feedback_date, NULL::INTEGER AS year, false AS county_by_round WHERE false'}))`;
}

/**
 * Stored datasets (the sample aside) at least LATER_VERSION_SHARE of whose problems the new file
 * holds, by round, county, unit and title (a 汇总 of the county ledgers already imported, with counties of
 * its own): beside them it would count their problems twice. Only asked when the plans warned some
 * rows as `duplicate_existing`.
 */
async function heldDatasets(engine: Engine, plans: SheetPlan[], stored: () => Promise<string>): Promise<string[]> {
  const held = await engine.query<{ dataset_id: string }>(`
    WITH n AS (${newKeysSql(plans)}),
      o AS (SELECT o.dataset_id, EXISTS (SELECT 1 FROM n WHERE ${VERSION_MATCH}) AS held FROM ${await stored()} o)
    SELECT dataset_id FROM o GROUP BY dataset_id
    HAVING count(*) FILTER (WHERE held) > 0 AND count(*) FILTER (WHERE held) >= ${LATER_VERSION_SHARE} * count(*)
    ORDER BY count(*) FILTER (WHERE held) DESC, dataset_id`);
  return held.map((h) => h.dataset_id);
}

/** The file's accepted rows, and how many of them were warned `duplicate_existing` (problems already stored). */
async function storedRows(engine: Engine, plans: SheetPlan[]): Promise<{ dup: number; rows: number }> {
  const withRows = plans.filter((p) => p.counts.accepted > 0);
  if (!withRows.length) return { dup: 0, rows: 0 };
  const [{ dup }] = await engine.query<{ dup: number }>(`SELECT CAST(count(*) AS INTEGER) AS dup FROM (${withRows
    .map((p) => `SELECT DISTINCT src_row FROM ${ident(p.issues)} WHERE code = 'duplicate_existing'`).join(' UNION ALL ')})`);
  return { dup: Number(dup), rows: withRows.reduce((n, p) => n + p.counts.accepted, 0) };
}

/**
 * Stored datasets (the sample and `except` aside) holding a problem of the file's rows, most first: a 立行立改 list
 * sent after the full ledger, a monthly list of the open items, a county's few problems again.
 */
async function holdersOf(engine: Engine, plans: SheetPlan[], stored: () => Promise<string>, except: string[]): Promise<string[]> {
  if (!plans.some((p) => p.counts.accepted > 0)) return [];
  const held = await engine.query<{ dataset_id: string }>(`
    WITH n AS (${newKeysSql(plans)})
    SELECT o.dataset_id FROM n JOIN ${await stored()} o ON ${VERSION_MATCH}
    ${except.length ? `WHERE o.dataset_id NOT IN (${except.map(str).join(', ')})` : ''}
    GROUP BY o.dataset_id ORDER BY count(DISTINCT n.k) DESC, o.dataset_id`);
  return held.map((h) => h.dataset_id);
}
