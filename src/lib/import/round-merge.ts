import type { Engine } from '../db/types';
import { fieldByKey } from '../domain/fields';
import { num, str } from '../queries/sql';
import { isPeriodTerm } from '../domain/roundKey';
import { COUNTY_LEVEL, committeeOf, isCountyCity, roundKey } from './round';
import { rowYearSql } from './same-finding';

/**
 * 届次 is optional in ledgers (DOMAIN.md §6.1): one county's file writes 十五届永康市委第五轮巡察,
 * another the same round as 永康市委第五轮巡察. The round key carries the term, so without this the
 * one round counts as two (U, 同单位重复率, the order of rounds in repeat chains).
 *
 * Each file's rows of a round written without a term go to the round of the same committee, level
 * and number that has one when exactly one such term fits them: every one of their years (the
 * feedback date's, else the row's year) lies within a year of that term's own rows' years. Round
 * numbers restart with every term, so two terms' fifth rounds are years apart; two fitting terms,
 * or a file whose rows of that round have no year at all, leave the rows in their termless round.
 * A round numbered within a year (2023年第一轮) holds its year in the term's place and takes rows as
 * a termed round does, of its year and the next only.
 * A termless 市委 round whose rows are all in one 县级市 may be that city's own 市委 round
 * (十五届永康市委, keyed under 永康市) as well as 金华's: both are candidates.
 *
 * Only the rows' round_key moves: their `term` stays NULL as the file wrote it, which is what lets
 * this be worked out afresh from all stored data after every import, replace and removal, so the
 * outcome never depends on the order files came in. The embedded sample never lends its terms. Each
 * file whose rows are counted in another round carries one `round_merged` issue saying so, kept in
 * step with where its rows are.
 */
export interface RoundMerge {
  datasetId: string;
  file: string;
  from: string;
  to: string;
  fromLabel: string | null;
  toLabel: string | null;
  rows: number;
}

interface Placed {
  dataset_id: string;
  committee: string;
  inspector_level: string;
  round_no: number;
  round_key: string;
  counties: string[];
  lo: number | null;
  hi: number | null;
  n: number;
  label: string | null;
  /** Its label names 金华 (金华市委第五轮巡察): 金华's round, never a 县级市's own. */
  names_city: boolean;
}

interface TermedRound {
  round_key: string;
  term: string;
  committee: string;
  inspector_level: string;
  round_no: number;
  lo: number;
  hi: number;
}

// A row's year for fitting: its round's feedback, else its own year (a 年度 column, the title).
const ROW_YEAR = rowYearSql();
const NOT_SAMPLE = 'dataset_id NOT IN (SELECT dataset_id FROM datasets WHERE is_sample)';
const CITY_LEVEL = '市委';
const CODE = 'round_merged';

/**
 * True when rows whose years run from lo to hi fit a termed round: within a year of its own rows'
 * years; for a round numbered within a year (2023年第一轮, round.ts period), in that year or the next
 * (its feedback), so the first rounds of 2023 and 2024 do not both take rows of 2023.
 */
function fits(t: TermedRound, lo: number, hi: number): boolean {
  const period = isPeriodTerm(t.term) ? Number.parseInt(t.term, 10) : null;
  return period === null ? lo >= t.lo - 1 && hi <= t.hi + 1 : lo >= period && hi <= period + 1;
}

/** The key a round written without a term has (committee|level||number), as round.ts builds keys. */
const termlessKey = (g: Pick<Placed, 'committee' | 'inspector_level' | 'round_no'>) =>
  roundKey({ inspector_level: g.inspector_level, round_no: g.round_no, county: g.committee }, g.committee)!;

/** How a placement is named in the report: the file, the round as written, the round counted in. */
export function roundMergeText(m: Pick<RoundMerge, 'file' | 'from' | 'to' | 'fromLabel' | 'toLabel'>): string {
  return `${m.file}：${m.fromLabel ?? m.from} → ${m.toLabel ?? m.to}`;
}

/**
 * Puts every termless file's rows in the round they belong to now (see above), brings `rounds` in
 * line (a round re-created when rows move back to it, a round left without rows removed, first
 * feedback date and year recomputed) and the `round_merged` issues with them. Returns the moves
 * into a termed round made now, for the import's report.
 */
export async function mergeTermlessRounds(engine: Engine): Promise<RoundMerge[]> {
  const placed = await engine.query<Placed>(`SELECT dataset_id, split_part(round_key, '|', 1) AS committee, inspector_level, round_no, round_key,
      list(DISTINCT county ORDER BY county) AS counties, min(${ROW_YEAR}) AS lo, max(${ROW_YEAR}) AS hi, count(*)::INTEGER AS n,
      arg_min(round_label, source_row) AS label, bool_or(contains(coalesce(round_label, ''), '金华')) AS names_city
    FROM findings WHERE term IS NULL AND inspector_level IS NOT NULL AND round_no IS NOT NULL AND ${NOT_SAMPLE} GROUP BY ALL`);
  // Datasets that carried a placement before: their issue is rewritten below, whatever happens now.
  const noted = await engine.query<{ dataset_id: string }>(`SELECT DISTINCT dataset_id FROM import_issues WHERE code = ${str(CODE)}`);
  if (!placed.length && !noted.length) return [];
  const termed = placed.length ? await engine.query<TermedRound>(`SELECT round_key, split_part(round_key, '|', 1) AS committee, split_part(round_key, '|', 3) AS term, inspector_level,
      round_no, min(${ROW_YEAR}) AS lo, max(${ROW_YEAR}) AS hi
    FROM findings WHERE term IS NOT NULL AND inspector_level IS NOT NULL AND round_no IS NOT NULL AND ${NOT_SAMPLE}
    GROUP BY ALL HAVING min(${ROW_YEAR}) IS NOT NULL`) : [];
  const rounds = new Map((await engine.query<{ round_key: string; round_label: string | null }>(
    'SELECT round_key, round_label FROM rounds')).map((r) => [r.round_key, r.round_label]));
  const files = new Map((await engine.query<{ dataset_id: string; file_name: string; sheet: string | null }>(
    'SELECT dataset_id, file_name, sheet FROM datasets')).map((d) => [d.dataset_id, d]));

  // One group per file and round as written, wherever its rows are now. The committee as written:
  // a 中央, 省委 or 市委 round's is fixed by its level (round.ts committeeOf), whatever round the rows
  // sit in now (a 县级市's own, keyed by the city); a county's is its key's, which moves never change.
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    p.committee = committeeOf({ inspector_level: p.inspector_level }) ?? p.committee;
    const id = JSON.stringify([p.dataset_id, p.committee, p.inspector_level, p.round_no]);
    groups.set(id, [...(groups.get(id) ?? []), p]);
  }
  const moves: (RoundMerge & { back: boolean; level: string; no: number })[] = [];
  const states: RoundMerge[] = [];
  for (const parts of groups.values()) {
    const g = parts[0];
    const lo = Math.min(...parts.map((p) => p.lo ?? Infinity));
    const hi = Math.max(...parts.map((p) => p.hi ?? -Infinity));
    const counties = [...new Set(parts.flatMap((p) => p.counties))];
    // The rounds it may be: its own committee's, and a 县级市's own 市委 round when all its rows are there.
    const own = (t: TermedRound) => t.committee === g.committee && t.inspector_level === g.inspector_level;
    const city = (t: TermedRound) => g.inspector_level === CITY_LEVEL && counties.length === 1 && isCountyCity(counties[0])
      && !parts.some((p) => p.names_city) && t.committee === counties[0] && t.inspector_level === COUNTY_LEVEL;
    const fitting = Number.isFinite(lo) ? termed.filter((t) => t.round_no === g.round_no && (own(t) || city(t)) && fits(t, lo, hi)) : [];
    const home = termlessKey(g);
    const target = fitting.length === 1 ? fitting[0].round_key : home;
    const file = files.get(g.dataset_id)?.file_name ?? g.dataset_id;
    const label = parts.find((p) => p.label)?.label ?? null;
    const rows = parts.reduce((s, p) => s + p.n, 0);
    if (target !== home) states.push({ datasetId: g.dataset_id, file, from: home, to: target, fromLabel: label, toLabel: rounds.get(target) ?? null, rows });
    for (const p of parts) {
      if (p.round_key === target) continue;
      moves.push({ datasetId: g.dataset_id, file, from: p.round_key, to: target, fromLabel: label, toLabel: rounds.get(target) ?? null, rows: p.n, back: target === home, level: g.inspector_level, no: g.round_no });
    }
  }
  if (moves.length) {
    // A key may hold rows of two rounds as written (a 市委 and a 县(市、区)委 fifth round of one file, both
    // in the city's round): only the group's own level and number move.
    const map = moves.map((m) => `(${str(m.datasetId)}, ${str(m.from)}, ${str(m.to)}, ${str(m.level)}, ${num(m.no)})`).join(', ');
    await engine.exec(`UPDATE findings SET round_key = m.t FROM (VALUES ${map}) m(d, f, t, l, n)
      WHERE findings.dataset_id = m.d AND findings.term IS NULL AND findings.round_key = m.f AND findings.inspector_level = m.l
        AND findings.round_no = m.n`);
    await syncRounds(engine, [...new Set(moves.flatMap((m) => [m.from, m.to]))]);
  }
  await noteStates(engine, states, new Set([...noted.map((n) => n.dataset_id), ...placed.map((p) => p.dataset_id)]), files);
  return moves.filter((m) => !m.back).map(({ back: _b, level: _l, no: _n, ...m }) => m);
}

/** `rounds` for the keys rows moved between: re-created from the rows, removed without rows, dates recomputed. */
async function syncRounds(engine: Engine, keys: string[]): Promise<void> {
  const list = keys.map(str).join(', ');
  await engine.exec(`DELETE FROM rounds WHERE round_key IN (${list}) AND round_key NOT IN (SELECT DISTINCT round_key FROM findings WHERE round_key IN (${list}))`);
  // A termless round back in use: as its rows say (the import's upsert takes the same values from the file).
  await engine.exec(`INSERT INTO rounds SELECT round_key, split_part(round_key, '|', 1), any_value(inspector_level), any_value(inspection_kind),
      NULL, any_value(round_no), arg_min(round_label, source_row), min(year), min(feedback_date)
    FROM findings WHERE round_key IN (${list}) AND round_key NOT IN (SELECT round_key FROM rounds) GROUP BY round_key`);
  await engine.exec(roundDatesSql(keys));
}

/**
 * Rounds' first feedback date and year from the findings they hold (as the import's upsert sets them),
 * for the keys given, else every round whose values changed.
 */
export function roundDatesSql(keys?: string[]): string {
  const only = keys ? `WHERE round_key IN (${keys.map(str).join(', ')})` : '';
  return `UPDATE rounds SET feedback_date = f.fd, year = f.y FROM (SELECT round_key, min(feedback_date) AS fd, min(year) AS y
    FROM findings ${only} GROUP BY round_key) f WHERE rounds.round_key = f.round_key
    AND (rounds.feedback_date IS DISTINCT FROM f.fd OR rounds.year IS DISTINCT FROM f.y)`;
}

/** One `round_merged` issue per file whose rows are counted in another round than written; none for the rest. */
async function noteStates(engine: Engine, states: RoundMerge[], datasets: Set<string>, files: Map<string, { file_name: string; sheet: string | null }>) {
  if (datasets.size) {
    await engine.exec(`DELETE FROM import_issues WHERE code = ${str(CODE)} AND dataset_id IN (${[...datasets].map(str).join(', ')})`);
  }
  if (!states.length) return;
  const column = fieldByKey('round_label')?.header ?? 'round_label';
  const rows = states.map((s) => {
    const sheet = files.get(s.datasetId)?.sheet;
    return `(${str(s.datasetId)}, ${str(s.file)}, ${sheet == null ? 'NULL' : str(sheet)}, 0, ${str(column)}, ${str(roundMergeText(s))},
      'info', ${str(CODE)}, 'import.issue.${CODE}')`;
  });
  await engine.exec(`INSERT INTO import_issues VALUES ${rows.join(', ')}`);
}
