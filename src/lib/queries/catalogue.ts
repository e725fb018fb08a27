import { num, str } from './sql';

/**
 * What is loaded, for the filter bar and the data screen: rounds, counties, categories present,
 * datasets with provenance, and the default as-of date.
 */

/** A round as the filter bar lists it, in time order. */
export interface RoundOption {
  round_key: string;
  round_label: string;
  inspection_kind: string | null;
  year: number | null;
  feedback_date: string | null;
  findings: number;
}

/** Rounds that have findings, ordered by feedback date (fallback: year, then round number). */
export function roundOptionsQuery(): string {
  return `SELECT r.round_key, coalesce(r.round_label, r.round_key) AS round_label, r.inspection_kind,
  r.year, r.feedback_date, r.round_no, count(f.round_key)::INTEGER AS findings
FROM rounds r JOIN findings f USING (round_key)
GROUP BY ALL
ORDER BY r.feedback_date NULLS LAST, r.year NULLS LAST, r.round_no NULLS LAST, r.round_key`;
}

/** A county (or 市本级 / functional zone) with its finding count. */
export interface CountyOption {
  county: string;
  county_code: string | null;
  findings: number;
}

/** Counties present, in GB/T 2260 code order (市本级 330700 last, zones without code after). */
export function countyOptionsQuery(): string {
  return `SELECT county, any_value(county_code) AS county_code, count(*)::INTEGER AS findings
FROM findings GROUP BY county
ORDER BY CASE WHEN any_value(county_code) = '330700' THEN 1 WHEN any_value(county_code) IS NULL THEN 2 ELSE 0 END,
  any_value(county_code), county`;
}

/** A category code present in the data with its count. */
export interface CategoryOption {
  code: string;
  findings: number;
}

/** L1 categories present. */
export function categoryOptionsQuery(): string {
  return `SELECT category_l1 AS code, count(*)::INTEGER AS findings FROM findings GROUP BY 1 ORDER BY 1`;
}

/** A value of a free-text filter column (单位类型, 问题来源) with its count. */
export interface ValueOption {
  value: string;
  findings: number;
}

/** The values of `unit_type` or `source` present, most findings first. */
export function valueOptionsQuery(column: 'unit_type' | 'source'): string {
  return `SELECT ${column} AS value, count(*)::INTEGER AS findings FROM findings WHERE ${column} IS NOT NULL
GROUP BY 1 ORDER BY 2 DESC, 1`;
}

/** The default as-of date: the newest dataset as-of date, else the newest date in the findings. */
export interface DefaultAsOfRow {
  as_of: string | null;
}

/** Default as-of date (DOMAIN.md §7: dataset as-of date, else today — chosen by the caller). */
export function defaultAsOfQuery(): string {
  return `SELECT coalesce(
  (SELECT max(as_of_date) FROM datasets),
  (SELECT max(greatest(feedback_date, completion_date, closure_date, followup_date)) FROM findings)
)::VARCHAR AS as_of`;
}

/** One imported dataset with its provenance. */
export interface DatasetRow {
  dataset_id: string;
  file_name: string;
  file_size: number | null;
  sha256: string | null;
  sheet: string | null;
  format: string | null;
  encoding: string | null;
  mapping: string | null;
  imported_at: string | null;
  as_of_date: string | null;
  rows_accepted: number;
  rows_warned: number;
  rows_rejected: number;
  rows_skipped: number;
  /** Validation issues stored for the dataset (import_issues), all severities. */
  issues: number;
  is_sample: boolean;
  findings: number;
  /** The rounds (round_key) and counties its findings are of, which the filters may leave out. */
  rounds: string[];
  counties: string[];
}

/** Datasets, newest first, with the findings each holds now and its stored issues. */
export function datasetsQuery(): string {
  return `SELECT d.dataset_id, d.file_name, d.file_size, d.sha256, d.sheet, d.format, d.encoding, d.mapping,
  d.imported_at, d.as_of_date, coalesce(d.rows_accepted, 0)::INTEGER AS rows_accepted,
  coalesce(d.rows_warned, 0)::INTEGER AS rows_warned, coalesce(d.rows_rejected, 0)::INTEGER AS rows_rejected,
  coalesce(d.rows_skipped, 0)::INTEGER AS rows_skipped, d.is_sample,
  coalesce(f.n, 0)::INTEGER AS findings,
  (SELECT count(*) FROM import_issues i WHERE i.dataset_id = d.dataset_id)::INTEGER AS issues,
  coalesce(f.rounds, []) AS rounds, coalesce(f.counties, []) AS counties
FROM datasets d
-- One pass over the findings for every dataset's count, rounds and counties.
LEFT JOIN (SELECT dataset_id, count(*) AS n, list(DISTINCT round_key ORDER BY round_key) FILTER (WHERE round_key IS NOT NULL) AS rounds,
    list(DISTINCT county ORDER BY county) FILTER (WHERE county IS NOT NULL) AS counties
  FROM findings GROUP BY dataset_id) f ON f.dataset_id = d.dataset_id
ORDER BY d.imported_at DESC NULLS LAST, d.file_name, d.sheet`;
}

/** One stored validation issue of a dataset (the report kept after the import). */
export interface DatasetIssueRow {
  source_row: number | null;
  column_name: string | null;
  value: string | null;
  severity: string;
  code: string;
  message: string | null;
}

/** An issue's severity as a rank, errors first: the order reports list them in within a row. */
export function severityRankSql(severity = 'severity'): string {
  return `CASE ${severity} WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;
}

/** Validation issues of one dataset in row order, errors first within a row, capped. */
export function datasetIssuesQuery(datasetId: string, limit = 500): string {
  return `SELECT source_row, column_name, value, severity, code, message FROM import_issues
WHERE dataset_id = ${str(datasetId)}
ORDER BY source_row NULLS FIRST, ${severityRankSql()}, code
LIMIT ${num(Math.max(1, Math.trunc(limit)))}`;
}

/** A rejected row kept for download: its cells as JSON (header → text). */
export interface StoredRejectedRow {
  source_row: number;
  cells: string;
}

/** The rejected rows of one dataset, in row order. */
export function rejectedRowsQuery(datasetId: string): string {
  return `SELECT source_row, cells FROM rejected_rows WHERE dataset_id = ${str(datasetId)} ORDER BY source_row`;
}

/** The errors (the reasons rows were rejected) of one dataset, in row order: all of them, uncapped. */
export function datasetErrorsQuery(datasetId: string): string {
  return `SELECT source_row, column_name, value, severity, code, message FROM import_issues
WHERE dataset_id = ${str(datasetId)} AND severity = 'error' ORDER BY source_row, code`;
}
