/**
 * SQL fragments shared by every repeat-issue builder (DOMAIN.md §7.5): who counts as "the same
 * unit", which title is compared, the character-bigram Jaccard similarity, and which round came
 * first. All of them are plain SQL text over trusted column names; no value is spliced in here.
 */


/** County identity, for the county-level variant of the repeat rule. */
export const COUNTY_KEY = `county`;

/**
 * The title compared for similarity: `norm_title` as imported, else the raw title stripped of
 * punctuation, symbols, digits and spaces, so that rows imported without a norm_title still match.
 */
export const TITLE_EXPR = `coalesce(nullif(norm_title, ''), regexp_replace(problem_title, '[\\p{P}\\p{S}\\p{N}\\s]', '', 'g'))`;

/**
 * The set of character bigrams of a text column, as a distinct list. A one-character title is
 * its own only "bigram" so two identical one-character titles still score 1.
 */
export function bigrams(col: string): string {
  return `(CASE WHEN ${col} IS NULL OR length(${col}) = 0 THEN []::VARCHAR[]
    WHEN length(${col}) = 1 THEN [${col}]
    ELSE list_distinct([substr(${col}, i::INTEGER, 2) FOR i IN range(1, length(${col}))]) END)`;
}

/**
 * Jaccard similarity from counts: |A ∩ B| / (|A| + |B| − |A ∩ B|), as DOUBLE in 0..1 (0 when both
 * sets are empty). Division, not `i >= θ·u`, so a score of exactly θ compares equal to θ.
 */
export function jaccardScore(shared: string, sizeA: string, sizeB: string): string {
  return `(CASE WHEN ${sizeA} + ${sizeB} = 0 THEN 0.0 ELSE ${shared}::DOUBLE / (${sizeA} + ${sizeB} - ${shared}) END)`;
}

/**
 * Jaccard similarity of two distinct bigram lists. Each list expression appears several times,
 * so pass column names, not `bigrams(...)` calls (DuckDB would build the list once per use).
 */
export function jaccard(a: string, b: string): string {
  return jaccardScore(`len(list_intersect(${a}, ${b}))`, `len(${a})`, `len(${b})`);
}

/**
 * CTE `round_seq(round_key, r_date, r_year, r_committee, r_no)`: what orders rounds (parameter
 * `roundOrder` = 'feedback_date'). The date is rounds.feedback_date, else the earliest feedback
 * among the round's findings; the committee is the round key without its round number (§6.4).
 */
export const ROUND_SEQ_CTE = `round_seq AS (
  SELECT k.round_key,
    coalesce(r.feedback_date, k.first_feedback) AS r_date,
    coalesce(r.year, k.first_year) AS r_year,
    coalesce(r.committee, regexp_replace(k.round_key, '\\|[^|]*$', '')) AS r_committee,
    coalesce(r.round_no, k.first_round_no) AS r_no
  FROM (SELECT round_key, min(feedback_date) AS first_feedback, min(year) AS first_year, min(round_no) AS first_round_no
        FROM findings GROUP BY round_key) k
  LEFT JOIN rounds r ON r.round_key = k.round_key
)`;

/**
 * TRUE when round `g` (a round_seq alias) came before round `f`: by feedback date; when a date
 * is missing or equal, by year; then by round number, but only within one committee (two
 * committees' "第3轮" say nothing about each other). Unknown order is FALSE, never a repeat.
 */
export function earlierRound(g: string, f: string): string {
  return `coalesce(CASE
    WHEN ${g}.r_date IS NOT NULL AND ${f}.r_date IS NOT NULL AND ${g}.r_date <> ${f}.r_date THEN ${g}.r_date < ${f}.r_date
    WHEN ${g}.r_year IS NOT NULL AND ${f}.r_year IS NOT NULL AND ${g}.r_year <> ${f}.r_year THEN ${g}.r_year < ${f}.r_year
    WHEN ${g}.r_committee = ${f}.r_committee THEN ${g}.r_no < ${f}.r_no
    ELSE FALSE END, FALSE)`;
}
