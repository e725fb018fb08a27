import type { Engine } from '../db/types';
import { parseChineseNumber } from '../domain/vocabulary/numerals';
import { ident, literal } from '../queries/sql';
import { scratchTable } from './staging';
import { cellCol as u, rawCol as r } from './normalise/raw';
import { countyFromSql, mappedCountySql, type ValueMaps } from './normalise/maps';
import { yearCellSql } from './normalise/values';
import { numberedWithinYears } from './round-years';
import {
  COUNTY_LEVEL, committeeOf, countyCityRound, inspectionKind, isCountyCity, mergeRoundParts, normaliseTerm, parseLevel, parseRoundText, roundKey,
  roundLabel, termOrPeriod, type RoundParts,
} from './round';
import type { RoundHint } from './types';

/**
 * Rounds are resolved once per distinct combination of the round columns and the row's county
 * (a handful per file, however many rows), in JS, then joined back in SQL as a lookup table.
 */
export interface RoundRow {
  k_label: string | null;
  k_level: string | null;
  k_term: string | null;
  k_no: string | null;
  k_county: string | null;
  /** The 年度 cell as written, and the year it names. */
  k_year: string | null;
  k_year_no: number | null;
  round_key: string | null;
  committee: string | null;
  inspector_level: string | null;
  inspection_kind: string | null;
  term: string | null;
  round_no: number | null;
  round_label: string | null;
  round_year: number | null;
}

// Hint fields taken as typed text.
const HINT_TEXT = { inspector_level: 1, term: 1, round_label: 1, county: 1, unit_name: 1 };

/**
 * The hint an analyst typed in the mapping dialog, field by field. Numbers may be written 3, ３,
 * 三 or 第三轮; a year 2024 or 2024年. Empty and unreadable numbers are left out.
 */
export function typedHint(typed: Record<string, string>): RoundHint {
  const hint: RoundHint = {};
  for (const [key, raw] of Object.entries(typed)) {
    const value = raw.trim();
    if (!value) continue;
    if (key === 'round_no') {
      const n = parseRoundText(value).round_no ?? parseChineseNumber(value.replace(/[第轮次\s]/g, ''));
      if (n && n > 0) hint.round_no = n;
    } else if (key === 'year') {
      const y = /(?:19|20)\d{2}/.exec(value.normalize('NFKC'));
      if (y) hint.year = Number(y[0]);
    } else if (key in HINT_TEXT) (hint as Record<string, string>)[key] = value;
  }
  return hint;
}

/** What a hint says, as round parts. */
export function hintParts(hint: RoundHint | undefined): RoundParts {
  if (!hint) return {};
  const fromLabel = parseRoundText(hint.round_label);
  const level = hint.inspector_level ? parseLevel(hint.inspector_level) : {};
  return mergeRoundParts(
    { ...level, term: hint.term ? normaliseTerm(hint.term) ?? hint.term : undefined, round_no: hint.round_no, year: hint.year },
    fromLabel,
  );
}

/** Resolves one combination: columns first, then the label, then sheet/file names, then the hint. */
export function resolveRound<K extends Pick<RoundRow, 'k_label' | 'k_level' | 'k_term' | 'k_no' | 'k_county'>>(
  k: K, names: RoundParts, hint?: RoundHint): K & Omit<RoundRow, 'k_year' | 'k_year_no'> {
  const columns: RoundParts = {
    ...(k.k_level ? parseLevel(k.k_level) : {}),
    // A 轮次 cell that states its term (十五届第三轮) gives it where no 届次 column does.
    term: k.k_term ? normaliseTerm(k.k_term.includes('届') ? k.k_term : k.k_term + '届') : k.k_no ? parseRoundText(k.k_no).term : undefined,
    round_no: k.k_no ? parseRoundText(k.k_no).round_no ?? parseChineseNumber(k.k_no.replace(/[第轮次]/g, '')) ?? undefined : undefined,
    // A round numbered within its year (2023年第一轮) gives its year too, and is a round of that year's numbering.
    year: k.k_no ? parseRoundText(k.k_no).year : undefined,
    period: k.k_no ? parseRoundText(k.k_no).period : undefined,
  };
  // A term belongs to its committee: a row's own level that differs from the file's keeps the file's
  // term out (a 省委第三轮巡视 block in an 八届市委 ledger is no 八届省委 round).
  const own = mergeRoundParts(columns, parseRoundText(k.k_label));
  // A 县级市 calls its own committee 市委: a 市委 column under 十五届永康市委… is that committee, not another,
  // for that city's rows, unless the row names 金华.
  const namesJinhua = /金华/.test(`${k.k_level ?? ''}${k.k_label ?? ''}`);
  const cityOwn = own.inspector_level === '市委' && names.inspector_level === COUNTY_LEVEL && isCountyCity(names.county)
    && (!k.k_county || k.k_county === names.county) && !namesJinhua;
  const fromNames = own.inspector_level && names.inspector_level && own.inspector_level !== names.inspector_level && !cityOwn
    ? { ...names, term: undefined } : names;
  const merged = mergeRoundParts(own, fromNames, hintParts(hint));
  // A term the analyst typed says the rounds are numbered within it: a label's 2023年第二轮 is then no year's round.
  const typed = hint?.term?.trim() ? { ...merged, period: undefined } : merged;
  // A row that names 金华 (金华市委2024年第一轮巡察) is 金华's round, however it is numbered. One whose file,
  // sheet or title names 金华市委 carries parts.jinhua into countyCityRound, which weighs it there.
  const parts = namesJinhua ? typed : countyCityRound(typed, k.k_county);
  const key = roundKey(parts, k.k_county);
  return {
    ...k,
    round_key: key,
    committee: committeeOf(parts, k.k_county),
    inspector_level: parts.inspector_level ?? null,
    inspection_kind: parts.inspector_level ? inspectionKind(parts.inspector_level) : parts.kind ?? null,
    // A round numbered within a year keeps the year in the term's place, as its key does (round.ts).
    term: termOrPeriod(parts) ?? null,
    round_no: parts.round_no ?? null,
    round_label: k.k_label ?? hint?.round_label ?? roundLabel(parts, k.k_county),
    round_year: parts.year ?? null,
  };
}

const KEY_FIELDS = ['round_label', 'inspector_level', 'term', 'round_no', 'county', 'unit_name', 'year'];

/** Columns of the lookup table, in order. */
const LOOKUP_COLUMNS: [string, string][] = [
  ['k_label', 'VARCHAR'], ['k_level', 'VARCHAR'], ['k_term', 'VARCHAR'], ['k_no', 'VARCHAR'], ['k_county', 'VARCHAR'],
  ['k_year', 'VARCHAR'], ['k_year_no', 'INTEGER'], ['round_key', 'VARCHAR'], ['committee', 'VARCHAR'], ['inspector_level', 'VARCHAR'], ['inspection_kind', 'VARCHAR'],
  ['term', 'VARCHAR'], ['round_no', 'INTEGER'], ['round_label', 'VARCHAR'], ['round_year', 'INTEGER'],
];

/**
 * Builds the lookup table; returns its rows (for the rounds upsert). `values` is the
 * values view (rawValuesSql), `raw` the raw rows view (rawTableSql, blank rows left out).
 */
export async function buildRoundLookup(
  engine: Engine, raw: string, values: string, maps: ValueMaps, table: string, names: RoundParts, hint: RoundHint | undefined,
  fallbackCounty?: string, namedPlace?: string, unitsFirst?: boolean,
): Promise<RoundRow[]> {
  // Distinct cells first (a few thousand combinations at most), then the county and unit
  // maps on those: nothing is computed per row. Blank rows are not left out here (that needs a
  // look at every cell of every row); they can only add the all-NULL combination, which is kept
  // below only if a non-blank row has it too.
  const allNull = KEY_FIELDS.map((k) => `t.${r(k)} IS NULL`).join(' AND ');
  const cells = `(SELECT DISTINCT ${KEY_FIELDS.map((k) => `${u(k)} AS ${r(k)}`).join(', ')}
    FROM (SELECT DISTINCT ${KEY_FIELDS.map((k) => u(k)).join(', ')} FROM ${ident(values)}))`;
  let keys = await engine.query<RoundRow & { all_null: boolean }>(`SELECT DISTINCT ${r('round_label')} AS k_label,
    ${r('inspector_level')} AS k_level, ${r('term')} AS k_term, ${r('round_no')} AS k_no, ${mappedCountySql(fallbackCounty, namedPlace, unitsFirst)} AS k_county,
    ${r('year')} AS k_year, ${yearCellSql(r('year'))} AS k_year_no, ${allNull} AS all_null FROM ${countyFromSql(cells, maps)}`);
  if (keys.some((k) => k.all_null)) {
    const [{ found }] = await engine.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${ident(raw)} t WHERE ${allNull}) AS found`);
    if (!found) keys = keys.filter((k) => !k.all_null);
  }
  const seen = new Set<string>();
  keys = keys.filter((k) => {
    const id = JSON.stringify([k.k_label, k.k_level, k.k_term, k.k_no, k.k_county, k.k_year]);
    return !seen.has(id) && !!seen.add(id);
  });
  for (const k of keys) delete (k as Partial<typeof k>).all_null;
  const rows = await numberedWithinYears(engine, values, keys.map((k) => resolveRound(k, names, hint)));
  await engine.exec(`CREATE TABLE ${scratchTable(table)} (${LOOKUP_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`);
  // A few dozen rows: one INSERT … VALUES, not a JSON file through the engine (~250 ms in Chromium).
  if (rows.length) {
    const row = (x: RoundRow) => LOOKUP_COLUMNS.map(([c]) => literal((x as unknown as Record<string, string | number | null>)[c])).join(', ');
    await engine.exec(`INSERT INTO ${ident(table)} VALUES ${rows.map((x) => `(${row(x)})`).join(', ')}`);
  }
  return rows;
}

