import { str } from '../queries/sql';

/**
 * What a staged cell is, whatever the format: trimmed of white space at both ends (ASCII, the
 * ideographic space U+3000, no-break space, BOM) and '' → NULL. Every format trims once, where it
 * is staged, so normalisation and validation read cells as they are. Per row in SQL, trim() with
 * a character set costs ~0.5 µs a cell; most cells need none, so a cheap test guards it.
 */
const TRIM_CHARS = ' \t\r\n\u3000\u00a0\ufeff';
const EDGE_CHARS = [...TRIM_CHARS];

/**
 * SQL: cell expression `c` as a staged cell. The guard is prefix()/suffix() per character: byte
 * comparisons, measured ~20% cheaper per cell than one anchored regexp_matches.
 */
export function stagedCellSql(c: string): string {
  const edge = EDGE_CHARS.flatMap((ch) => [`prefix(${c}, ${str(ch)})`, `suffix(${c}, ${str(ch)})`]).join(' OR ');
  return `CASE WHEN ${edge} THEN NULLIF(trim(${c}, ${str(TRIM_CHARS)}), '') ELSE NULLIF(${c}, '') END`;
}

const EDGES = new RegExp(`^[${TRIM_CHARS}]+|[${TRIM_CHARS}]+$`, 'g');

/** JS: a cell value as a staged cell (the same characters as stagedCellSql). */
export function stagedCell(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  const t = v.replace(EDGES, '');
  return t === '' ? null : t;
}
