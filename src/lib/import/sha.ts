/**
 * SHA-256 of the file bytes, hex; identifies a file already loaded. `crypto.subtle` only exists
 * in secure contexts, and an offline office may serve the app over plain http on its intranet,
 * so a small JS implementation (FIPS 180-4) stands in when it is missing.
 *
 * A big file is hashed in JS in slices of ~25 ms, yielding to the event loop between them: a one-shot
 * `subtle.digest` of a 265 MB ledger held the main thread for seconds (it copies the buffer on
 * the calling thread), and no main-thread task of an import may exceed 200 ms. The caller can
 * start the hash first and await it later, so it runs while the engine's worker parses the file.
 */
import { yieldToEventLoop } from '../db/slices';

const SUBTLE_MAX_BYTES = 8 << 20;
// Work per main-thread task; the first slices run before V8 has optimised the block function (a
// 2 MB first slice took 356 ms in Chromium), so slices are cut by time, in 64 KB steps.
const TASK_MS = 25;
const STEP_BYTES = 64 << 10;

const hex = (digest: Uint8Array) => Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 hex of the bytes; never blocks the calling thread for long, however big the input. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle && bytes.length <= SUBTLE_MAX_BYTES) {
    return hex(new Uint8Array(await subtle.digest('SHA-256', bytes as unknown as ArrayBuffer)));
  }
  if (bytes.length <= STEP_BYTES) return hex(sha256(bytes));
  const h = new Sha256();
  // Yield first: the caller's own task (the import's start) should not carry a slice too.
  for (let at = 0; at < bytes.length; ) {
    await yieldToEventLoop();
    const until = performance.now() + TASK_MS;
    do {
      h.update(bytes.subarray(at, Math.min(bytes.length, at + STEP_BYTES)));
      at += STEP_BYTES;
    } while (at < bytes.length && performance.now() < until);
  }
  return hex(h.digest());
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** Incremental SHA-256: update() with slices of any length, then digest() once. */
export class Sha256 {
  private readonly h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly w = new Uint32Array(64);
  private readonly buf = new Uint8Array(64);
  private readonly bufView = new DataView(this.buf.buffer);
  private buffered = 0;
  private length = 0;

  /** Feeds more bytes. */
  update(bytes: Uint8Array): this {
    this.length += bytes.length;
    let at = 0;
    if (this.buffered) {
      const n = Math.min(64 - this.buffered, bytes.length);
      this.buf.set(bytes.subarray(0, n), this.buffered);
      this.buffered += n;
      at = n;
      if (this.buffered < 64) return this;
      this.block(this.bufView, 0);
      this.buffered = 0;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; at + 64 <= bytes.length; at += 64) this.block(view, at);
    this.buf.set(bytes.subarray(at));
    this.buffered = bytes.length - at;
    return this;
  }

  /** The 32-byte digest (pads the message; the hasher is spent afterwards). */
  digest(): Uint8Array {
    const bits = this.length * 8;
    const tail = new Uint8Array(this.buffered < 56 ? 64 : 128);
    tail.set(this.buf.subarray(0, this.buffered));
    tail[this.buffered] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(tail.length - 4, bits >>> 0);
    for (let at = 0; at < tail.length; at += 64) this.block(view, at);
    const out = new Uint8Array(32);
    const ov = new DataView(out.buffer);
    this.h.forEach((x, i) => ov.setUint32(4 * i, x));
    return out;
  }

  private block(data: DataView, at: number): void {
    const w = this.w;
    const h = this.h;
    for (let i = 0; i < 16; i++) w[i] = data.getUint32(at + 4 * i);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15], b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0] + a) >>> 0; h[1] = (h[1] + b) >>> 0; h[2] = (h[2] + c) >>> 0; h[3] = (h[3] + d) >>> 0;
    h[4] = (h[4] + e) >>> 0; h[5] = (h[5] + f) >>> 0; h[6] = (h[6] + g) >>> 0; h[7] = (h[7] + k) >>> 0;
  }
}

/** SHA-256 in plain JS, in one go. */
export function sha256(bytes: Uint8Array): Uint8Array {
  return new Sha256().update(bytes).digest();
}
