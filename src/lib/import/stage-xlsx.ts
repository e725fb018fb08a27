import type { Engine } from '../db/types';
import { ImportFailure } from './errors';
import { stageGrid, type StagedSheet } from './staging';
import { workbookGrids, type SheetGrid, type XlsxWorkerReply } from './xlsx-grid';

/** XLSX (and legacy XLS) → one staging table per sheet; the workbook is parsed by xlsx-grid.ts. */

/**
 * Parsing a workbook is seconds of CPU for a large ledger: in the browser it runs in a worker so
 * the page stays responsive (DESIGN.md: no main-thread task over 200 ms); in Node (tests) inline.
 */
async function parseWorkbook(bytes: Uint8Array): Promise<SheetGrid[]> {
  if (typeof Worker === 'undefined' || typeof window === 'undefined') return workbookGrids(bytes);
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
  for (const sheet of await parseWorkbook(bytes)) staged.push(await stageGrid(engine, sheet.rows, sheet.name));
  return staged;
}
