/**
 * One row per round with its label and its position in time (DOMAIN §7 `roundOrder`: by
 * feedback date, falling back to year, then round number). The `rounds` table wins where it
 * has a value; findings fill the gaps, so rounds imported without metadata still sort and read.
 * It is built from every finding, not from S, so a round keeps its place whatever is filtered.
 */
export const ROUND_META = `SELECT *, CAST(row_number() OVER (ORDER BY round_date NULLS LAST, round_year NULLS LAST, round_no NULLS LAST, round_key) AS INTEGER) AS round_pos
  FROM (SELECT f.round_key,
      coalesce(max(r.round_label), max(f.round_label), f.round_key) AS round_label,
      coalesce(max(r.year), min(f.year)) AS round_year,
      coalesce(max(r.round_no), min(f.round_no)) AS round_no,
      coalesce(max(r.inspector_level), max(f.inspector_level)) AS inspector_level,
      coalesce(max(r.feedback_date), min(f.feedback_date)) AS round_date
    FROM findings f LEFT JOIN rounds r ON r.round_key = f.round_key
    GROUP BY f.round_key)`;

/** The round columns every by-round row carries. */
export interface RoundColumns {
  round_key: string;
  round_label: string;
  round_year: number | null;
  /** 1-based position of the round in time. */
  round_pos: number;
}
