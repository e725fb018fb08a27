// Characters that show nothing: soft hyphen, combining grapheme joiner, Mongolian vowel separator, zero-width
// spaces and joiners, direction marks and embeddings, word joiner and invisible operators, Hangul fillers (helper-126).
const INVISIBLE = '\\u00AD\\u034F\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u3164\\uFFA0';
const SIGNS = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63\\uFE6B';

/**
 * Text a spreadsheet may take as a formula when a CSV is opened, or an XLSX text cell edited and confirmed,
 * in Excel, WPS or LibreOffice: = + - @ first, also after spaces (ASCII, no-break, ideographic) or characters
 * that show nothing (zero-width, joiners, soft hyphen, direction marks: helper-124), and in their full-width
 * and small forms (＝＋－＠, ﹦﹢﹣﹫), which some of them fold; or a tab or carriage return first.
 */
const FORMULA_START = new RegExp(`^[\\t\\r]|^[\\s${INVISIBLE}]*[${SIGNS}]`);

// Signs, spaces and invisible characters alone (-, －, --, a lone =) hold nothing to evaluate: a ledger's blank
// placeholder stays as written.
const SIGNS_ONLY = new RegExp(`^[\\s${INVISIBLE}${SIGNS}]*$`);

export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) && !SIGNS_ONLY.test(text);
}

/**
 * The text with a leading apostrophe where it starts like a formula: the apostrophe is then part of the stored
 * text (`'=SUM(A1)`), so an export shows it was neutralised rather than hiding it.
 */
export function neutraliseText(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}
