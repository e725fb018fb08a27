import { str } from '../../queries/sql';

/**
 * SQL building blocks for cleaning text cells. Every normaliser starts from these so that
 * "永康 ", "永康\u3000" and "ＡＢ" are treated alike. Inputs are SQL expressions, not values.
 */

// White space seen in ledgers, ideographic and no-break spaces included. Plain replace() calls
// instead of one regex: these run on every cell of every row and replace() is far cheaper.
const SPACES = [' ', '\t', '\r', '\n', '\u3000', '\u00a0', '\ufeff'];

const replaceAll = (x: string, by: string) => SPACES.reduce((e, s) => `replace(${e}, ${str(s)}, ${str(by)})`, x);

const FULL = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
const HALF = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/** Trimmed text with line breaks and odd spaces turned into plain spaces; '' becomes NULL. */
export function cleanSql(x: string): string {
  return `NULLIF(trim(${replaceAll(x, ' ')}), '')`;
}

/** All white space removed; '' becomes NULL. */
export function squeezeSql(x: string): string {
  return `NULLIF(${replaceAll(x, '')}, '')`;
}

/** Full-width ASCII (Ａ１，（） ...) folded to half width. */
export function foldSql(x: string): string {
  return `translate(${x}, ${str(FULL)}, ${str(HALF)})`;
}

/** The usual comparison form: no white space, half width, lower case. */
export function compactSql(x: string): string {
  return `lower(${foldSql(squeezeSql(x))})`;
}

/** First pattern that matches decides: `CASE WHEN regexp_matches(x, p) THEN v ... END`. */
export function firstMatchSql(x: string, rules: { pattern: string; value: string }[], otherwise = 'NULL'): string {
  const whens = rules.map((r) => `WHEN regexp_matches(${x}, ${str(r.pattern)}) THEN ${str(r.value)}`);
  return `CASE ${whens.join(' ')} ELSE ${otherwise} END`;
}
