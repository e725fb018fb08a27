import { str } from '../../queries/sql';

/**
 * SQL building blocks for cleaning text cells. Every normaliser starts from these so that
 * "永康 ", "永康\u3000" and "ＡＢ" are treated alike. Inputs are SQL expressions, not values.
 */

// White space seen in ledgers, ideographic and no-break spaces included. Measured on 200k rows:
// one regexp_replace beats seven replace() calls, and translate() is 6x slower than either, so
// full-width folding only runs on the few values that hold a full-width character.
const SPACE_CLASS = '[\\s\\x{3000}\\x{00A0}\\x{FEFF}]+';
const FULL_WIDTH = '[\\x{FF01}-\\x{FF5E}]';

const FULL = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i)).join('');
const HALF = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

/** Trimmed text with line breaks and odd spaces turned into plain spaces; '' becomes NULL. */
export function cleanSql(x: string): string {
  return `NULLIF(trim(regexp_replace(${x}, ${str(SPACE_CLASS)}, ' ', 'g')), '')`;
}

// A line break (Alt+Enter) between two Chinese characters: a cell wrapped by hand, one word or sentence.
const HAN_BREAK = '(\\p{Han})[ \\t\\x{3000}]*[\\r\\n]+[ \\t\\x{3000}]*(\\p{Han})';

/**
 * A one-line text (a unit's name, a problem's title) as cleanSql gives it, a line break between two
 * Chinese characters removed rather than made a space (工程建设领域⏎廉政风险突出 is one title). Twice,
 * because a match takes the character after the break, which may come before the next break.
 */
export function cleanLineSql(x: string): string {
  const join = (v: string) => `regexp_replace(${v}, ${str(HAN_BREAK)}, '\\1\\2', 'g')`;
  return cleanSql(`CASE WHEN contains(${x}, chr(10)) OR contains(${x}, chr(13)) THEN ${join(join(x))} ELSE ${x} END`);
}

/** All white space removed; '' becomes NULL. */
export function squeezeSql(x: string): string {
  return `NULLIF(regexp_replace(${x}, ${str(SPACE_CLASS)}, '', 'g'), '')`;
}

/** Full-width ASCII (Ａ１，（） ...) folded to half width. */
export function foldSql(x: string): string {
  return `CASE WHEN regexp_matches(${x}, ${str(FULL_WIDTH)}) THEN translate(${x}, ${str(FULL)}, ${str(HALF)}) ELSE ${x} END`;
}

/** The usual comparison form: no white space, half width, lower case. */
export function compactSql(x: string): string {
  return `lower(${foldSql(squeezeSql(x))})`;
}

// The full-width characters of Chinese prose: brackets, comma, colon, semicolon, ! ? and %. Nearly every
// problem text holds one, and translate() builds its map for each value, so a 94-character map costs
// about four times a short one (measured: 230 against 55 ms per 100k titles).
const PROSE_FULL = '（），：；！？％';
const PROSE_HALF = '(),:;!?%';
/** The full-width range without PROSE_FULL, as one character class. */
const OTHER_FULL_WIDTH = (() => {
  const runs: string[] = [];
  let start = -1;
  for (let c = 0xff01; c <= 0xff5f; c++) {
    const other = c <= 0xff5e && !PROSE_FULL.includes(String.fromCharCode(c));
    if (other && start < 0) start = c;
    if (!other && start >= 0) {
      const hex = (n: number) => `\\x{${n.toString(16).toUpperCase()}}`;
      runs.push(start === c - 1 ? hex(start) : `${hex(start)}-${hex(c - 1)}`);
      start = -1;
    }
  }
  return `[${runs.join('')}]`;
})();

/**
 * compactSql for a free text read on every row (a problem's title): the same value, folded through
 * the short map when the text holds no full-width character beyond PROSE_FULL, as nearly all do.
 */
export function compactTextSql(x: string): string {
  // Folded before the spaces go (the same: no full-width ASCII is a space), so the CASE reads the column, not an expression.
  return squeezeSql(`lower(CASE WHEN NOT regexp_matches(${x}, ${str(FULL_WIDTH)}) THEN ${x}
    WHEN regexp_matches(${x}, ${str(OTHER_FULL_WIDTH)}) THEN translate(${x}, ${str(FULL)}, ${str(HALF)})
    ELSE translate(${x}, ${str(PROSE_FULL)}, ${str(PROSE_HALF)}) END)`);
}

/** One regex call yielding all its groups as a struct of `names`; an empty group means no match. */
export const groups = (x: string, re: string, names: string[]) => `regexp_extract(${x}, ${str(re)}, [${names.map(str).join(', ')}])`;

/**
 * `body` with `expr` computed once as `name` (a lambda's parameter, which the body may use many times: a struct of groups
 * is extracted once, not once per field read). Parameter names start with st_, so they never shadow a column.
 */
export const bindSql = (expr: string, name: string, body: string) => `list_transform([${expr}], lambda ${name}: ${body})[1]`;

/** First pattern that matches decides: `CASE WHEN regexp_matches(x, p) THEN v ... END`. */
export function firstMatchSql(x: string, rules: { pattern: string; value: string }[], otherwise = 'NULL'): string {
  const whens = rules.map((r) => `WHEN regexp_matches(${x}, ${str(r.pattern)}) THEN ${str(r.value)}`);
  return `CASE ${whens.join(' ')} ELSE ${otherwise} END`;
}
