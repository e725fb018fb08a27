import type { Engine } from '../db/types';
import { ImportFailure, MAX_FILE_BYTES, errorDetail } from './errors';
import { sniffFormat, type FileFormat } from './sniff';
import { stageCsv } from './stage-csv';
import type { StagedSheet } from './staging';
import type { SourceFile } from './types';

/**
 * File bytes → staged sheets, by format: CSV through the engine's read_csv, XLSX, Parquet and
 * JSON read in JS (stage-encoded.ts), their readers loaded only when such a file arrives.
 */
export interface ReadResult {
  format: FileFormat;
  encoding?: string;
  sheets: StagedSheet[];
  /** Hidden workbook sheets not staged (see encodeWorkbook). */
  hiddenSheets?: string[];
  /** Stages the hidden sheets: for a workbook whose visible sheets hold no ledger. */
  stageHidden?: () => Promise<StagedSheet[]>;
  /** Workbook sheets over the column limit beside others that are not: named in the report, not staged. */
  wideSheets?: string[];
}

/** Refuses files over the size limit before anything reads them. */
export function checkSize(file: SourceFile): void {
  if (file.bytes.length > MAX_FILE_BYTES) {
    // Rounded up to a tenth: a file just over the limit must not read as the limit itself (300 MB of 300).
    throw new ImportFailure('file_too_large', { size: Math.ceil((file.bytes.length / 1048576) * 10) / 10, limit: MAX_FILE_BYTES / 1048576 });
  }
}

/** Checks size and emptiness, sniffs the format and stages every sheet. */
export async function readSource(engine: Engine, file: SourceFile, signal?: AbortSignal): Promise<ReadResult> {
  checkSize(file);
  if (!file.bytes.length || /^[\s\ufeff]*$/.test(new TextDecoder().decode(file.bytes.subarray(0, 4096)))) {
    if (file.bytes.length <= 4096 || onlyWhiteSpace(file.bytes)) throw new ImportFailure('empty_file');
  }
  const format = sniffFormat(file.name, file.bytes);
  if (!format) throw new ImportFailure('unknown_format');
  try {
    const read = await stageFormat(engine, file, format, signal);
    // A workbook whose every sheet is blank, a JSON document with no value in it. A workbook is
    // said to be one, with its size: a damaged .xls often reads as blank sheets, and "the file is
    // empty" would send the analyst looking for a saving mistake.
    if (!read.sheets.length && !read.hiddenSheets?.length && !read.wideSheets?.length) {
      if (format === 'xlsx' || format === 'xls') throw new ImportFailure('workbook_blank', { size: Math.ceil(file.bytes.length / 1024) });
      throw new ImportFailure('empty_file');
    }
    return read;
  } catch (e) {
    if (e instanceof ImportFailure) throw e;
    throw new ImportFailure('corrupt_file', { detail: errorDetail(e) });
  }
}

async function stageFormat(engine: Engine, file: SourceFile, format: FileFormat, signal?: AbortSignal): Promise<ReadResult> {
  switch (format) {
    case 'csv': {
      const staged = await stageCsv(engine, file.bytes);
      return { format, encoding: staged.encoding, sheets: [staged] };
    }
    case 'xlsx':
    case 'xls':
    case 'parquet':
    case 'json':
    case 'ndjson': {
      const { stageEncodedFile } = await import('./stage-encoded');
      const staged = await stageEncodedFile(engine, format, file.bytes, signal);
      return { format, ...staged };
    }
  }
}

/** True when every byte is ASCII white space (or part of a BOM): a big file of blank lines. */
function onlyWhiteSpace(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  }
  return true;
}
