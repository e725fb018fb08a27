import type { Engine } from '../db/types';
import { formatRoundKey } from '../domain/roundKey';
import { ident } from '../queries/sql';
import { cellCol as u } from './normalise/raw';
import { yearCellSql } from './normalise/values';
import { roundLabel } from './round';
import type { RoundRow } from './round-lookup';

/**
 * A committee that numbers its rounds within each year and writes no 届次 has a 第一轮 every year (helper-130): the
 * first rounds of 2023 and 2024 were one round, the 2024 row a duplicate_finding of the 2023 one, the unit counted
 * once in U, the problem found again no repeat. A file whose 年度 column shows it has each of that committee's
 * termless rows with a year keyed by its year, as a title's 2023年第一轮 is (round.ts period).
 *
 * Only where the numbering shows it restarts: a round number written in two years that cannot be one round running
 * from one year into the next (helper-133: a term's autumn 第四轮 fed back partly in January, 2023 and 2024 in 年度,
 * was split into two rounds and every round renamed). It can when the years follow each other, the number is the
 * last of the earlier year's and the first of the later year's, and no unit has the same problem in it in both years
 * (a round finds a unit's problem once; a unit's two batches over the new year are one round, helper-133). A 届次
 * (column, title or name) keeps the rounds numbered within the term.
 */
export async function numberedWithinYears(engine: Engine, values: string, rows: RoundRow[]): Promise<RoundRow[]> {
  const termless = rows.filter((x) => x.term === null && x.round_key !== null && x.k_year_no !== null && x.round_no !== null);
  const years = new Map<string, Set<number>>();
  for (const x of termless) years.set(x.round_key!, (years.get(x.round_key!) ?? new Set()).add(x.k_year_no!));
  const twoYears = [...years].filter(([, y]) => y.size > 1).map(([key]) => key);
  if (!twoYears.length) return rows;
  // The committee's numbers in each year: committee|level → year → numbers.
  const numbers = new Map<string, Map<number, number[]>>();
  for (const x of termless) {
    const byYear = numbers.get(committeeLevelOf(x.round_key!)) ?? new Map<number, number[]>();
    byYear.set(x.k_year_no!, [...(byYear.get(x.k_year_no!) ?? []), x.round_no!]);
    numbers.set(committeeLevelOf(x.round_key!), byYear);
  }
  const recurring = await problemsInTwoYears(engine, values, termless.filter((x) => twoYears.includes(x.round_key!)));
  const restarted = new Set<string>();
  for (const key of twoYears) {
    const byYear = numbers.get(committeeLevelOf(key))!;
    const no = Number(key.split('|')[3]);
    const ys = [...years.get(key)!].sort((a, b) => a - b);
    const spans = ys.length === 2 && ys[1] - ys[0] === 1 && no === Math.max(...byYear.get(ys[0])!) && no === Math.min(...byYear.get(ys[1])!);
    if (!spans || recurring.has(key)) restarted.add(committeeLevelOf(key));
  }
  if (!restarted.size) return rows;
  return rows.map((x) => {
    if (!termless.includes(x) || !restarted.has(committeeLevelOf(x.round_key!)) || !x.committee || !x.inspector_level) return x;
    const term = `${x.k_year_no}年`;
    return {
      ...x, term, round_year: x.k_year_no,
      round_key: formatRoundKey({ committee: x.committee, level: x.inspector_level, term, roundNo: x.round_no! }),
      round_label: x.k_label ?? roundLabel({ inspector_level: x.inspector_level, county: x.committee, round_no: x.round_no!, period: x.k_year_no! }),
    };
  });
}

/** committee|level of a round key. */
const committeeLevelOf = (key: string) => key.split('|').slice(0, 2).join('|');

/**
 * The round keys of `rows` (lookup rows of termless rounds written in two years) in which some unit has a problem, by
 * the names as written, in two years: one query over the values view, grouped by the round's cells, unit and problem.
 */
async function problemsInTwoYears(engine: Engine, values: string, rows: RoundRow[]): Promise<Set<string>> {
  const cells = ['round_label', 'inspector_level', 'term', 'round_no'] as const;
  const found = await engine.query<{ k_label: string | null; k_level: string | null; k_term: string | null; k_no: string | null }>(`
    SELECT DISTINCT ${u('round_label')} AS k_label, ${u('inspector_level')} AS k_level, ${u('term')} AS k_term, ${u('round_no')} AS k_no
    FROM ${ident(values)} WHERE ${u('unit_name')} IS NOT NULL AND ${u('problem_title')} IS NOT NULL
    GROUP BY ${[...cells, 'unit_name', 'problem_title'].map((c) => u(c)).join(', ')}
    HAVING count(DISTINCT ${yearCellSql(u('year'))}) > 1`);
  const id = (k: { k_label: string | null; k_level: string | null; k_term: string | null; k_no: string | null }) =>
    JSON.stringify([k.k_label, k.k_level, k.k_term, k.k_no]);
  const recurring = new Set(found.map(id));
  return new Set(rows.filter((x) => recurring.has(id(x))).map((x) => x.round_key!));
}
