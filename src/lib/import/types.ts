import type { LaterVersion } from './later-version';
import type { MetricParams } from '../domain/params';

/** One file as the user picked it (or as the sample loader fetched it). */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** What the caller may fix in advance; everything is optional. */
export interface ImportOptions {
  /** immediateFixDays (立行立改 deadlines) and fundsYuanThreshold (funds probably in 元). */
  params?: Partial<MetricParams>;
  /** Marks the dataset as the embedded sample (`datasets.is_sample`). */
  isSample?: boolean;
  /** The dataset's as-of date; default = newest date found in it, never after today. */
  asOf?: string;
  /** Normalised header → field key, as chosen in the mapping dialog ('' ignores the column). */
  mapping?: Record<string, string>;
  /** Round (and county) to use where neither columns nor sheet/file names say. */
  roundHint?: RoundHint;
  /** Replace that dataset (and its sibling sheets from the same file) in the same transaction. */
  replaceDatasetId?: string;
  /**
   * Replace exactly these datasets, not their sibling sheets: the one a later version of one sheet
   * updates, or the stored ledgers a 汇总 holds (later-version.ts). Given with `replaceDatasetId`,
   * all of them go.
   */
  replaceDatasetIds?: string[];
  /**
   * Update the problems of these datasets that the file holds again (a 立行立改 list, the open items; later-version.ts
   * `part`): each stored finding one of the file's rows is replaced by that row, the datasets' other findings stay.
   */
  updateDatasetIds?: string[];
  /** Import even when a stored dataset has the same SHA-256 (the analyst chose to, knowing it). */
  allowDuplicate?: boolean;
  onProgress?: (p: { stage: string; fraction: number }) => void;
  /** Cancel → ImportError code 'cancelled', nothing written. */
  signal?: AbortSignal;
}

/** Round facts the user can supply when a file carries none. */
export interface RoundHint {
  inspector_level?: string;
  term?: string;
  round_no?: number;
  round_label?: string;
  year?: number;
  county?: string;
  /** The inspected unit of every row, for a unit's own ledger that has no unit column. */
  unit_name?: string;
}

/** The outcome of one import: committed reports, a fatal error, or a request for a mapping. */
export type ImportResult =
  | { ok: true; datasets: DatasetReport[] }
  | { ok: false; error: ImportError }
  | { ok: false; needsMapping: MappingRequest };

/** A fatal problem: nothing was written. `message` is an i18n key of messages/import.ts. */
export interface ImportError {
  code: string;
  message: string;
  vars?: Record<string, string | number>;
  file: string;
  sheet?: string;
}

/** Required columns are missing: show the headers and samples, then call again with `mapping`. */
export interface MappingRequest {
  file: string;
  sheet?: string;
  /** Header cells as written in the file. */
  headers: string[];
  /** First data rows, one string per header. */
  samples: string[][];
  /**
   * Per column (same index as `headers`): its normalised header, the key of `suggested` and of the
   * mapping; null for a column with no header, which a mapping cannot name. Columns whose headers
   * normalise alike share a key (the first of them is the one mapped).
   */
  keys: (string | null)[];
  /** Normalised header → suggested field key (null = no suggestion). */
  suggested: Record<string, string | null>;
  /**
   * Required field keys nothing provides. 'unit_name' / 'problem_title' need a column;
   * 'county', 'inspector_level' and 'round_no' can instead come from `roundHint`.
   */
  missing: string[];
  /** For each missing field, the fields whose column or typed value also provides it (itself first). */
  givenBy: Record<string, string[]>;
}

/**
 * The result of one sheet (or one CSV/JSON/Parquet file). accepted = rows imported (warned ones
 * included: a warning is an accepted row with an issue), warned = the accepted rows with at
 * least one warning, rejected = rows not imported (error), skipped = 合计/注/repeated headers.
 * Blank rows are not counted. accepted + rejected + skipped = non-blank rows under the header.
 */
export interface DatasetReport {
  datasetId: string;
  file: string;
  sheet?: string;
  sha256: string;
  rowsAccepted: number;
  rowsWarned: number;
  rowsRejected: number;
  rowsSkipped: number;
  asOf: string;
  /** True when the ledger holds no date: `asOf` is only the day it was checked against (today), and the dataset stores none. */
  undated?: boolean;
  /** Issues in row order; capped at ISSUE_REPORT_LIMIT (import_issues holds them all). */
  issues: ImportIssue[];
  /** When `issues` was capped: how many there are in all (import_issues holds them). */
  issuesTotal?: number;
  /** Dataset id with an identical sha256 already loaded; nothing new was written. */
  duplicateOf?: string;
  /**
   * A stored dataset the file looks like a later version of (later-version.ts): most problems of
   * each are the other's; or stored datasets most of whose problems the file holds (datasetIds).
   * Nothing was written; the import runs again replacing them or beside them.
   */
  laterVersionOf?: LaterVersion;
}

/** One row-level finding of the validator. `message` is an i18n key; vars fill it. */
export interface ImportIssue {
  file: string;
  sheet?: string;
  /** 1-based row in the sheet/file (0 = the dataset as a whole). */
  row: number;
  column?: string;
  value?: string;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  vars?: Record<string, string | number>;
}

/** A rejected row: its header → cell values and the reasons it was rejected. */
export interface RejectedRow {
  row: number;
  cells: Record<string, string | null>;
  reasons: string[];
}
