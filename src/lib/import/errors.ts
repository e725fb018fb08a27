/**
 * Fatal import problems. Each code has a message key `import.error.<code>` in messages/import.ts.
 * Thrown inside the pipeline as ImportFailure and turned into `{ ok: false, error }` at the API.
 */
export type ImportErrorCode =
  | 'empty_file'
  | 'unknown_format'
  | 'encrypted_workbook'
  | 'corrupt_file'
  | 'not_a_workbook'
  | 'sheet_unreadable'
  | 'workbook_blank'
  | 'workbook_too_large'
  | 'charts_only'
  | 'corrupt_parquet'
  | 'parquet_codec'
  | 'corrupt_json'
  | 'json_too_deep'
  | 'json_not_records'
  | 'json_no_records'
  | 'no_header'
  | 'no_data'
  | 'file_too_large'
  | 'too_many_columns'
  | 'encoding_unsupported'
  | 'cancelled'
  | 'dataset_not_found'
  | 'replacement_empty'
  | 'write_failed'
  | 'storage_full';

/** Largest file we accept (bytes): wasm memory is capped at 4 GB and a ledger is text. */
export const MAX_FILE_BYTES = 300 * 1024 * 1024;

/**
 * Widest sheet we accept. Ledgers have tens of columns; each column is a column of the staging
 * table and an expression in every statement after it, so a 30 KB file of 16,000 empty columns
 * ran for minutes and then out of memory.
 */
export const MAX_COLUMNS = 500;

/** Throws ImportFailure('too_many_columns') for a sheet wider than MAX_COLUMNS. */
export function checkWidth(width: number, sheet?: string): void {
  if (width > MAX_COLUMNS) throw new ImportFailure('too_many_columns', { columns: width, limit: MAX_COLUMNS }, sheet);
}

/** Longest cell we accept; a longer cell rejects its row. */
export const MAX_CELL_CHARS = 100_000;

/** An import that must stop; nothing has been written when it escapes the pipeline. */
export class ImportFailure extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly vars: Record<string, string | number> = {},
    readonly sheet?: string,
  ) {
    super(code);
  }
}

/**
 * An engine or library error as the technical detail a message quotes: the lines that say what
 * went wrong, without the line of data DuckDB quotes ("Original Line: …", up to megabytes of the
 * analyst's text that cut the reason off), each line and the whole kept short.
 */
export function errorDetail(e: unknown): string {
  const text = String(e instanceof Error ? e.message : e);
  const lines = text.split('\n').filter((l) => !/^\s*Original Line:/i.test(l)).map((l) => (l.length > 160 ? `${l.slice(0, 160)}…` : l));
  return lines.join(' ').replace(/\s+/g, ' ').trim().slice(0, 400);
}

/** Throws ImportFailure('cancelled') once the caller's signal has fired. */
export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ImportFailure('cancelled');
}
