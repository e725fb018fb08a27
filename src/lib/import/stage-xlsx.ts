import type { Engine } from '../db/types';
import { ImportFailure } from './errors';
import { stageChunks, type StagedSheet } from './staging';
import { encodeWorkbook, type EncodedSheet, type XlsxWorkerReply } from './xlsx-grid';

/**
 * XLSX (and legacy XLS) → one staging table per sheet. Reading the workbook and encoding its
 * cells is seconds of CPU for a large ledger: in the browser both run in a worker, which hands
 * back Arrow IPC bytes, so the page stays responsive (DESIGN.md: no main-thread task over
 * 200 ms) and only forwards them to the engine; in Node (tests) the same code runs inline.
 */
async function encodeInWorker(bytes: Uint8Array): Promise<EncodedSheet[]> {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return encodeWorkbook(bytes);
  const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<XlsxWorkerReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<XlsxWorkerReply>) => resolve(e.data);
      worker.onerror = (e) => reject(new ImportFailure('corrupt_file', { detail: String(e.message || 'XLSX worker failed').slice(0, 300) }));
      worker.postMessage(bytes);
    });
    if (!reply.ok) throw new ImportFailure(reply.code, reply.vars);
    return reply.sheets;
  } finally {
    worker.terminate();
  }
}

/** Stages every sheet that has any cell; returns them in workbook order. */
export async function stageWorkbook(engine: Engine, bytes: Uint8Array): Promise<StagedSheet[]> {
  const staged: StagedSheet[] = [];
  for (const sheet of await encodeInWorker(bytes)) staged.push(await stageChunks(engine, sheet.width, sheet.chunks, sheet.name));
  return staged;
}
