/**
 * The database schema, in one place and versioned. `findings` keeps every normalised value
 * beside the verbatim text it came from (`status` + `status_raw`, ...), so nothing typed is lost.
 * Bump SCHEMA_VERSION whenever a statement below changes; persisted databases with another
 * version are migrated or rebuilt by state/persistence.
 */
export const SCHEMA_VERSION = 1;

/** Normalised status values (DOMAIN.md §3.3). NULL = unrecognised, flagged at import. */
export const STATUSES = ['completed', 'basically_completed', 'in_progress', 'not_completed'] as const;
export type Status = (typeof STATUSES)[number];

export const FINDINGS_COLUMNS: [name: string, type: string][] = [
  ['dataset_id', 'VARCHAR NOT NULL'],
  ['source_sheet', 'VARCHAR'],
  ['source_row', 'INTEGER'],
  ['finding_id', 'VARCHAR NOT NULL'],
  ['round_key', 'VARCHAR NOT NULL'],
  ['county', 'VARCHAR NOT NULL'],
  ['county_raw', 'VARCHAR'],
  ['county_code', 'VARCHAR'],
  ['inspector_level', 'VARCHAR'],
  ['inspection_kind', 'VARCHAR'],
  ['term', 'VARCHAR'],
  ['round_no', 'INTEGER'],
  ['round_label', 'VARCHAR'],
  ['year', 'INTEGER'],
  ['mode', 'VARCHAR'],
  ['team', 'VARCHAR'],
  ['unit_name', 'VARCHAR NOT NULL'],
  ['unit_name_norm', 'VARCHAR'],
  ['unit_type', 'VARCHAR'],
  ['station_start', 'DATE'],
  ['station_end', 'DATE'],
  ['feedback_date', 'DATE'],
  ['feedback_date_raw', 'VARCHAR'],
  ['source', 'VARCHAR'],
  ['aspect_raw', 'VARCHAR'],
  ['category_raw', 'VARCHAR'],
  ['category_l1', 'VARCHAR NOT NULL'],
  ['category_l2', 'VARCHAR'],
  ['focus4', 'VARCHAR'],
  ['problem_title', 'VARCHAR NOT NULL'],
  ['norm_title', 'VARCHAR'],
  ['problem_detail', 'VARCHAR'],
  ['root_cause', 'VARCHAR'],
  ['key_concern', 'BOOLEAN'],
  ['key_concern_case', 'VARCHAR'],
  ['rect_type', 'VARCHAR'],
  ['rectify_goal', 'VARCHAR'],
  ['measures', 'VARCHAR'],
  ['measure_count', 'INTEGER'],
  ['resp_unit', 'VARCHAR'],
  ['resp_leader', 'VARCHAR'],
  ['resp_person', 'VARCHAR'],
  ['deadline_raw', 'VARCHAR'],
  ['deadline', 'DATE'],
  ['long_term', 'BOOLEAN NOT NULL DEFAULT false'],
  ['status_raw', 'VARCHAR'],
  ['status', 'VARCHAR'],
  ['completion_date', 'DATE'],
  ['completion_date_raw', 'VARCHAR'],
  ['closed', 'BOOLEAN'],
  ['closure_date', 'DATE'],
  ['in_concentrated_period', 'BOOLEAN'],
  ['completion_summary', 'VARCHAR'],
  ['evidence', 'VARCHAR'],
  ['evidence_count', 'INTEGER'],
  ['draw_inferences', 'BOOLEAN'],
  ['special_campaign', 'BOOLEAN'],
  ['acc_people_total', 'INTEGER'],
  ['acc_party_discipline', 'INTEGER'],
  ['acc_gov_sanction', 'INTEGER'],
  ['acc_org_handling', 'INTEGER'],
  ['acc_admonish', 'INTEGER'],
  ['acc_light', 'INTEGER'],
  ['acc_orgs', 'INTEGER'],
  ['systems_count', 'INTEGER'],
  ['funds_wan', 'DOUBLE'],
  ['clue_transferred', 'INTEGER'],
  ['clue_closed', 'INTEGER'],
  ['prior_finding_id', 'VARCHAR'],
  ['is_prior_round_issue', 'BOOLEAN'],
  ['followup_result', 'VARCHAR'],
  ['followup_date', 'DATE'],
  ['disclose', 'VARCHAR'],
  ['remarks', 'VARCHAR'],
  // Last: a database stored before it gets it by the ALTER below, at the end, and inserts name their columns.
  ['title_numbers', 'VARCHAR'],
];

/** DDL of every table, idempotent (CREATE ... IF NOT EXISTS). */
export const SCHEMA_DDL: string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS datasets (
    dataset_id VARCHAR PRIMARY KEY,
    file_name VARCHAR NOT NULL,
    file_size BIGINT,
    sha256 VARCHAR,
    sheet VARCHAR,
    format VARCHAR,
    encoding VARCHAR,
    mapping VARCHAR,
    imported_at TIMESTAMP,
    as_of_date DATE,
    rows_accepted INTEGER,
    rows_warned INTEGER,
    rows_rejected INTEGER,
    rows_skipped INTEGER,
    is_sample BOOLEAN NOT NULL DEFAULT false
  )`,
  `CREATE TABLE IF NOT EXISTS rounds (
    round_key VARCHAR PRIMARY KEY,
    committee VARCHAR,
    inspector_level VARCHAR,
    inspection_kind VARCHAR,
    term VARCHAR,
    round_no INTEGER,
    round_label VARCHAR,
    year INTEGER,
    feedback_date DATE
  )`,
  `CREATE TABLE IF NOT EXISTS findings (\n    ${FINDINGS_COLUMNS.map(([n, t]) => `${n} ${t}`).join(',\n    ')}\n  )`,
  // Added 2026-12-06 (same-finding.ts); renormalise.ts fills it for findings stored before.
  `ALTER TABLE findings ADD COLUMN IF NOT EXISTS title_numbers VARCHAR`,
  // The cells of each rejected row (JSON: header → text, in column order; capped as the report is),
  // so that they download as CSV after a reload too.
  `CREATE TABLE IF NOT EXISTS rejected_rows (
    dataset_id VARCHAR NOT NULL,
    source_row INTEGER,
    cells VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS import_issues (
    dataset_id VARCHAR NOT NULL,
    file_name VARCHAR,
    sheet VARCHAR,
    source_row INTEGER,
    column_name VARCHAR,
    value VARCHAR,
    severity VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR
  )`,
  // Stored findings a later file updated (import/supersede.ts), kept to come back when the finding that replaced them
  // (superseded_by: its dataset; superseded_by_finding: its finding_id) is removed; written and read by column name.
  `CREATE TABLE IF NOT EXISTS superseded_findings (\n    ${FINDINGS_COLUMNS.map(([n, t]) => `${n} ${t}`).join(',\n    ')},
    superseded_by VARCHAR NOT NULL,\n    superseded_by_finding VARCHAR NOT NULL\n  )`,
  `INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}')`,
  // The analyst's review of suggested repeat links (DOMAIN.md §7.5): kept apart from findings so a
  // confirm/reject survives re-running the matching rules; keyed by both findings' (dataset, id).
  `CREATE TABLE IF NOT EXISTS repeat_decisions (
    earlier_dataset_id VARCHAR NOT NULL,
    earlier_finding_id VARCHAR NOT NULL,
    later_dataset_id VARCHAR NOT NULL,
    later_finding_id VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    score DOUBLE,
    decision VARCHAR NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    decided_at TIMESTAMP NOT NULL,
    PRIMARY KEY (earlier_dataset_id, earlier_finding_id, later_dataset_id, later_finding_id)
  )`,
  // Header mappings the analyst chose in the mapping dialog, reused for files whose
  // (normalised) header row is the same.
  `CREATE TABLE IF NOT EXISTS saved_mappings (
    header_signature VARCHAR PRIMARY KEY,
    mapping VARCHAR NOT NULL,
    saved_at TIMESTAMP NOT NULL
  )`,
];
