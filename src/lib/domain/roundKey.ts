/**
 * The round key's format, written in one place: `committee|level|term|round number`
 * (`浙江省|省委|十四届|4`, `婺城区|县(市、区)委||2` for a round whose files name no term,
 * `婺城区|县(市、区)委|2023年|1` for a round numbered within its year).
 * The importer writes keys with `formatRoundKey`; views read them back with `parseRoundKey`,
 * e.g. to name a round in English, since a ledger's round label is Chinese text.
 */
export interface RoundKeyParts {
  committee: string;
  level: string;
  /** '' when no file named the term; the year (2023年) for a round numbered within its year. */
  term: string;
  roundNo: number;
}

export function formatRoundKey(p: RoundKeyParts): string {
  return `${p.committee}|${p.level}|${p.term}|${p.roundNo}`;
}

/** True for a term place holding a year (a round numbered within its year: 2023年), not a 届. */
export function isPeriodTerm(term: string | null | undefined): boolean {
  return !!term && /^(?:19|20)\d{2}年$/.test(term);
}

/** The parts of a key the importer wrote; null for anything else. */
export function parseRoundKey(key: string): RoundKeyParts | null {
  const parts = key.split('|');
  if (parts.length !== 4) return null;
  const [committee, level, term, no] = parts;
  const roundNo = Number(no);
  if (!committee || !level || !/^\d+$/.test(no) || roundNo < 1) return null;
  return { committee, level, term, roundNo };
}
