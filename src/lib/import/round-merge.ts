import type { Engine } from '../db/types';
import { str } from '../queries/sql';

/**
 * 届次 is optional in ledgers (DOMAIN.md §6.1): one county's file writes 十五届永康市委第五轮巡察,
 * another the same round as 永康市委第五轮巡察. The round key carries the term, so without this the
 * one round counts as two (U, 同单位重复率, the order of rounds in repeat chains).
 *
 * Each file's rows of a round written without a term go to the round of the same committee, level
 * and number that has one when exactly one such term fits them: every one of their years (the
 * feedback date's, else the row's year) lies within a year of that term's own rows' years. Round
 * numbers restart with every term, so two terms' fifth rounds are years apart; two fitting terms,
 * or rows with no year, leave the rows in their termless round. Only the rows' round_key moves:
 * their `term` stays NULL as the file wrote it, which is what lets this be worked out afresh from
 * all stored data after every import, replace and removal, so the outcome never depends on the
 * order files came in. The embedded sample never lends its terms.
 */
export interface RoundMerge {
  datasetId: string;
  from: string;
  to: string;
  fromLabel: string | null;
  toLabel: string | null;
  rows: number;
}

interface TermlessGroup {
  dataset_id: string;
  committee: string;
  inspector_level: string;
  round_no: number;
  keys: string[];
  lo: number | null;
  hi: number | null;
  n: number;
  label: string | null;
}

interface TermedRound {
  round_key: string;
  committee: string;
  inspector_level: string;
  round_no: number;
  lo: number;
  hi: number;
}

// A row's year for fitting: its round's feedback, else its own year (a 年度 column, the title).
const ROW_YEAR = 'coalesce(year(feedback_date), year)';
const NOT_SAMPLE = 'dataset_id NOT IN (SELECT dataset_id FROM datasets WHERE is_sample)';

/** The key a round written without a term has: committee|level||number. */
const termlessKey = (g: Pick<TermlessGroup, 'committee' | 'inspector_level' | 'round_no'>) => `${g.committee}|${g.inspector_level}||${g.round_no}`;

/**
 * Puts every termless file's rows in the round they belong to now (see above) and brings `rounds`
 * in line: a round re-created when rows move back to it, a round left without rows removed, first
 * feedback date and year recomputed. Returns the moves into a termed round, for the report.
 */
export async function mergeTermlessRounds(engine: Engine): Promise<RoundMerge[]> {
  const groups = await engine.query<TermlessGroup>(`SELECT dataset_id, split_part(round_key, '|', 1) AS committee, inspector_level, round_no,
      list(DISTINCT round_key ORDER BY round_key) AS keys, min(${ROW_YEAR}) AS lo, max(${ROW_YEAR}) AS hi, count(*) AS n,
      min(round_label) AS label
    FROM findings WHERE term IS NULL AND inspector_level IS NOT NULL AND round_no IS NOT NULL AND ${NOT_SAMPLE} GROUP BY ALL`);
  if (!groups.length) return [];
  const termed = await engine.query<TermedRound>(`SELECT round_key, split_part(round_key, '|', 1) AS committee, inspector_level, round_no,
      min(${ROW_YEAR}) AS lo, max(${ROW_YEAR}) AS hi
    FROM findings WHERE term IS NOT NULL AND inspector_level IS NOT NULL AND round_no IS NOT NULL AND ${NOT_SAMPLE}
    GROUP BY ALL HAVING min(${ROW_YEAR}) IS NOT NULL`);
  const labels = new Map((await engine.query<{ round_key: string; round_label: string | null }>(
    'SELECT round_key, round_label FROM rounds')).map((r) => [r.round_key, r.round_label]));
  const merges: RoundMerge[] = [];
  const touched = new Set<string>();
  for (const g of groups) {
    const fitting = g.lo === null || g.hi === null ? [] : termed.filter((t) => t.committee === g.committee && t.inspector_level === g.inspector_level
      && t.round_no === g.round_no && g.lo! >= t.lo - 1 && g.hi! <= t.hi + 1);
    const target = fitting.length === 1 ? fitting[0].round_key : termlessKey(g);
    for (const key of g.keys) {
      if (key === target) continue;
      const [{ n }] = await engine.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM findings
        WHERE dataset_id = ${str(g.dataset_id)} AND term IS NULL AND round_key = ${str(key)}`);
      await engine.exec(`UPDATE findings SET round_key = ${str(target)} WHERE dataset_id = ${str(g.dataset_id)} AND term IS NULL AND round_key = ${str(key)}`);
      touched.add(key).add(target);
      if (target !== termlessKey(g)) {
        merges.push({ datasetId: g.dataset_id, from: key, to: target, fromLabel: g.label ?? labels.get(key) ?? null, toLabel: labels.get(target) ?? null, rows: n });
      }
    }
  }
  await syncRounds(engine, touched);
  return merges;
}

/** `rounds` for the keys rows moved between: re-created from the rows, removed without rows, dates recomputed. */
async function syncRounds(engine: Engine, keys: Set<string>): Promise<void> {
  for (const key of keys) {
    const k = str(key);
    await engine.exec(`DELETE FROM rounds WHERE round_key = ${k} AND NOT EXISTS (SELECT 1 FROM findings WHERE round_key = ${k})`);
    await engine.exec(`INSERT INTO rounds SELECT ${k}, split_part(${k}, '|', 1), any_value(inspector_level), any_value(inspection_kind),
        NULL, any_value(round_no), min(round_label), min(year), min(feedback_date)
      FROM findings WHERE round_key = ${k} AND NOT EXISTS (SELECT 1 FROM rounds WHERE round_key = ${k}) HAVING count(*) > 0`);
    await engine.exec(`UPDATE rounds SET feedback_date = f.fd, year = f.y FROM (SELECT min(feedback_date) AS fd, min(year) AS y
      FROM findings WHERE round_key = ${k}) f WHERE round_key = ${k}`);
  }
}
