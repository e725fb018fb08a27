import type { Engine } from '../db/types';
import { copyInSlices } from '../db/slices';
import { ImportFailure, checkCancelled } from './errors';
import { encodeFile, type EncodedFile, type GridFormat, type GridWorkerReply } from './encode-file';
import { stageChunks, type EncodedSheet, type StagedSheet } from './staging';

/**
 * XLSX/XLS, Parquet and JSON → one staging table per sheet. In the browser the file is read and
 * its cells encoded in a worker, which hands back Arrow IPC bytes, so the page stays responsive
 * (DESIGN.md: no main-thread task over 200 ms) and only forwards them to the engine; the worker
 * gets a copy of the bytes, made in slices and transferred (the import still hashes the
 * original). In Node (tests) the same code runs inline.
 */
async function encodeOffThread(format: GridFormat, bytes: Uint8Array, signal?: AbortSignal): Promise<EncodedFile> {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return encodeFile(format, bytes);
  checkCancelled(signal);
  const worker = new Worker(new URL('./grid.worker.ts', import.meta.url), { type: 'module' });
  // Cancel stops the read at once: the worker is terminated, not waited for (a big workbook reads for seconds).
  let onAbort = () => undefined as void;
  try {
    const copy = await copyInSlices(bytes);
    const reply = await new Promise<GridWorkerReply>((resolve, reject) => {
      onAbort = () => reject(new ImportFailure('cancelled'));
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) onAbort();
      worker.onmessage = (e: MessageEvent<GridWorkerReply>) => resolve(e.data);
      worker.onerror = (e) => reject(new ImportFailure('corrupt_file', { detail: String(e.message || 'file reader worker failed').slice(0, 300) }));
      worker.postMessage({ format, bytes: copy }, [copy.buffer as ArrayBuffer]);
    });
    if (!reply.ok) throw new ImportFailure(reply.code, reply.vars, reply.sheet);
    return reply;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}

/** The staged sheets of a file read in JS, and its hidden sheets, left unstaged (see encodeWorkbook). */
export interface StagedEncodedFile {
  sheets: StagedSheet[];
  hiddenSheets: string[];
  /** Sheets over the column limit beside others that are not: named, not staged. */
  wideSheets: string[];
  /** Stages the hidden sheets, for a workbook whose visible sheets hold no ledger. */
  stageHidden: () => Promise<StagedSheet[]>;
  encoding?: string;
}

const stageSheets = async (engine: Engine, sheets: EncodedSheet[], keysHeader: boolean): Promise<StagedSheet[]> => {
  const staged: StagedSheet[] = [];
  for (const s of sheets) staged.push({ ...(await stageChunks(engine, s.width, s.chunks, s.name)), downMerges: s.downMerges, ...(s.errorCells ? { errorCells: s.errorCells } : {}), ...(s.badRecords ? { badRecords: s.badRecords } : {}), ...(s.hiddenColumns ? { hiddenColumns: s.hiddenColumns } : {}), ...(s.hiddenRows ? { hiddenRows: s.hiddenRows } : {}), ...(s.repeatedRows ? { repeatedRows: s.repeatedRows } : {}), ...(s.date1904 ? { date1904: true } : {}), ...(keysHeader ? { keysHeader } : {}) });
  return staged;
};

/**
 * Stages every sheet of the file that has any cell, in file order, with the encoding it was read
 * in; hidden sheets are only named, and staged on demand.
 */
export async function stageEncodedFile(engine: Engine, format: GridFormat, bytes: Uint8Array, signal?: AbortSignal): Promise<StagedEncodedFile> {
  const encoded = await encodeOffThread(format, bytes, signal);
  const hidden = encoded.sheets.filter((s) => s.hidden && !s.tooWide);
  const wide = encoded.sheets.filter((s) => s.tooWide);
  // Records' keys are their header (records-grid.ts): never a guess, even when no alias knows them.
  const keysHeader = format === 'json' || format === 'ndjson' || format === 'parquet';
  return {
    sheets: await stageSheets(engine, encoded.sheets.filter((s) => !s.hidden && !s.tooWide), keysHeader),
    hiddenSheets: hidden.map((s) => s.name ?? ''),
    wideSheets: wide.map((s) => s.name ?? ''),
    stageHidden: () => stageSheets(engine, hidden, keysHeader),
    encoding: encoded.encoding,
  };
}
