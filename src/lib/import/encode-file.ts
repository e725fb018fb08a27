import type { ImportErrorCode } from './errors';
import type { EncodedSheet } from './staging';

/**
 * The formats read in JS and staged as Arrow IPC (CSV goes straight to the engine's read_csv).
 * Reading them is seconds of CPU for a large file, so in the browser it runs in the grid worker;
 * this dispatch is what that worker runs, and what Node (tests) runs inline. Each reader is
 * loaded only when its format arrives.
 */
export type GridFormat = 'xlsx' | 'xls' | 'parquet' | 'json' | 'ndjson';

/** A file read and encoded: its sheets, and the text encoding it was read in (JSON). */
export interface EncodedFile {
  sheets: EncodedSheet[];
  encoding?: string;
}

/** What the grid worker answers: the encoded file, or the failure's code and variables. */
export type GridWorkerReply = ({ ok: true } & EncodedFile) | { ok: false; code: ImportErrorCode; vars: Record<string, string | number>; sheet?: string };

/** Reads and encodes a file of one of the grid formats. */
export async function encodeFile(format: GridFormat, bytes: Uint8Array): Promise<EncodedFile> {
  switch (format) {
    case 'xlsx':
    case 'xls': {
      const { encodeWorkbook } = await import('./xlsx-grid');
      return { sheets: await encodeWorkbook(bytes) };
    }
    case 'parquet': {
      const { encodeParquet } = await import('./parquet-grid');
      return { sheets: await encodeParquet(bytes) };
    }
    case 'json':
    case 'ndjson': {
      const { encodeJson } = await import('./records-grid');
      return encodeJson(bytes, format);
    }
  }
}
