// Reads and encodes an XLSX, Parquet or JSON file off the main thread: bytes in, Arrow IPC per
// sheet (or an ImportFailure's code) out.
import { ImportFailure, errorDetail } from './errors';
import { encodeFile, type GridFormat, type GridWorkerReply } from './encode-file';

self.onmessage = async (e: MessageEvent<{ format: GridFormat; bytes: Uint8Array }>) => {
  let reply: GridWorkerReply;
  try {
    reply = { ok: true, ...(await encodeFile(e.data.format, e.data.bytes)) };
  } catch (err) {
    reply = err instanceof ImportFailure
      ? { ok: false, code: err.code, vars: err.vars, ...(err.sheet !== undefined ? { sheet: err.sheet } : {}) }
      : { ok: false, code: 'corrupt_file', vars: { detail: errorDetail(err) } };
  }
  // The IPC buffers move to the page without a copy.
  const transfer = reply.ok ? [...new Set(reply.sheets.flatMap((s) => s.chunks.map((c) => c.buffer as ArrayBuffer)))] : [];
  self.postMessage(reply, { transfer });
};
