// Parses a workbook off the main thread: bytes in, text grids (or an ImportFailure's code) out.
import { ImportFailure } from './errors';
import { workbookGrids, type XlsxWorkerReply } from './xlsx-grid';

self.onmessage = async (e: MessageEvent<Uint8Array>) => {
  let reply: XlsxWorkerReply;
  try {
    reply = { ok: true, sheets: await workbookGrids(e.data) };
  } catch (err) {
    reply = err instanceof ImportFailure
      ? { ok: false, code: err.code, vars: err.vars }
      : { ok: false, code: 'corrupt_file', vars: { detail: String(err instanceof Error ? err.message : err).slice(0, 300) } };
  }
  self.postMessage(reply);
};
