import { test, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { Sha256, sha256, sha256Hex } from '../../../src/lib/import/sha';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

// The JS fallback (for http intranet pages without crypto.subtle) agrees with Node's SHA-256
// on every padding boundary and on a multi-block Chinese text.
test.each([0, 1, 55, 56, 63, 64, 65, 119, 120, 1000])('sha256 of %i bytes', async (n) => {
  const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
  const expected = createHash('sha256').update(bytes).digest('hex');
  expect(hex(sha256(bytes))).toBe(expected);
  expect(await sha256Hex(bytes)).toBe(expected);
});

test('sha256 of a UTF-8 ledger line, subarray input', () => {
  const whole = new TextEncoder().encode('xx永康市,中共永康市委,学习贯彻不够到位\n'.repeat(50));
  const part = whole.subarray(2);
  expect(hex(sha256(part))).toBe(createHash('sha256').update(part).digest('hex'));
});

test('incremental hashing in uneven slices equals the one-shot hash', () => {
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 131 + 17) & 0xff);
  const h = new Sha256();
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7 + 3) % 200 + 1) h.update(bytes.subarray(at, Math.min(bytes.length, at + step)));
  expect(hex(h.digest())).toBe(createHash('sha256').update(bytes).digest('hex'));
});

test('a file past the one-shot limit is hashed in slices, with the same result', async () => {
  const bytes = Uint8Array.from({ length: (9 << 20) + 77 }, (_, i) => (i * 7) & 0xff);
  expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
});
