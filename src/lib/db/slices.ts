/**
 * Keeping the main thread free while big buffers are handled: no task of an import may pass
 * 200 ms (DESIGN.md), and one `slice()` of a 265 MB ledger took about a second in Chromium.
 */

/** Lets the event loop run (input, rendering); MessageChannel is not throttled like setTimeout. */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((r) => setTimeout(r, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

const STEP_BYTES = 4 << 20;
const TASK_MS = 25;

/** A copy of the bytes, made in steps of ~25 ms with the event loop running between them. */
export async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length <= STEP_BYTES) return bytes.slice();
  const out = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; ) {
    await yieldToEventLoop();
    const until = performance.now() + TASK_MS;
    do {
      const end = Math.min(bytes.length, at + STEP_BYTES);
      out.set(bytes.subarray(at, end), at);
      at = end;
    } while (at < bytes.length && performance.now() < until);
  }
  return out;
}

/**
 * The bytes without any `byte`, or the same array when there is none; searched and copied 4 MB at a time with the
 * event loop running between (one indexOf over a 265 MB ledger was a 170 ms task).
 */
export async function withoutByte(bytes: Uint8Array, byte: number): Promise<Uint8Array> {
  let first = -1;
  for (let at = 0; at < bytes.length && first < 0; at += STEP_BYTES) {
    const i = bytes.subarray(at, Math.min(bytes.length, at + STEP_BYTES)).indexOf(byte);
    if (i >= 0) first = at + i;
    else await yieldToEventLoop();
  }
  if (first < 0) return bytes;
  const out = new Uint8Array(bytes.length);
  out.set(bytes.subarray(0, first));
  let n = first;
  for (let at = first; at < bytes.length; at += STEP_BYTES) {
    const end = Math.min(bytes.length, at + STEP_BYTES);
    for (let i = at; i < end; i++) if (bytes[i] !== byte) out[n++] = bytes[i];
    await yieldToEventLoop();
  }
  return out.subarray(0, n);
}
