/**
 * JSON integers too big for a double. Java systems (snowflake ids, MyBatis-Plus ASSIGN_ID) write
 * 19-digit ids as JSON numbers, and JSON.parse rounds them: 1790000000000000001 and …002 both
 * become 1790000000000000000, so ids collide and 上轮问题编号 no longer names its finding.
 * Such literals are quoted before parsing, so they are read as the text of their exact digits.
 * (JSON.parse's reviver sees the source text only in newer engines: Node 20 has none.)
 */

// Number.MAX_SAFE_INTEGER (9007199254740991): a longer integer, or as long and larger, is unsafe.
const SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);
// A run of 16 or more digits at the start of a numeric token, and the rest of the token (a fraction
// or an exponent makes it a double anyway). The look-behind tries each run once: linear.
const LONG_INTEGER = /(?<![\d.eE+-])(-?\d{16,})([\d.eE+-]*)/g;
const BACKSLASH = 0x5c;

/** Whether an integer literal (optional minus, digits) is beyond Number.MAX_SAFE_INTEGER. */
function unsafe(literal: string): boolean {
  const digits = literal.startsWith('-') ? literal.slice(1) : literal;
  if (digits.startsWith('0')) return false; // no JSON number: left to JSON.parse to refuse
  return digits.length > SAFE_DIGITS.length || (digits.length === SAFE_DIGITS.length && digits > SAFE_DIGITS);
}

/**
 * JSON text with every integer literal beyond Number.MAX_SAFE_INTEGER quoted ("1790000000000000001"),
 * string contents untouched. One regex pass over the text; only the runs of 16 digits or more it
 * finds are looked at, each after counting the quotes before it (escaped ones aside) to know
 * whether it stands inside a string. Text without such a literal is returned as it is.
 */
export function quoteBigIntegers(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let scanned = 0;
  let inString = false;
  const runs = new RegExp(LONG_INTEGER);
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    for (let q = text.indexOf('"', scanned); q >= 0 && q < m.index; q = text.indexOf('"', q + 1)) {
      let slashes = 0;
      while (text.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
      if (slashes % 2 === 0) inString = !inString;
    }
    scanned = m.index;
    const [, literal, tail] = m;
    if (inString || tail || !unsafe(literal)) continue;
    parts.push(text.slice(copied, m.index), '"', literal, '"');
    copied = m.index + literal.length;
  }
  if (!parts.length) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
