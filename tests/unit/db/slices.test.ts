import { expect, test } from 'vitest';
import { withoutByte } from '../../../src/lib/db/slices';

// Taking a byte out of a big buffer 4 MB at a time: the same bytes as one filter, the array itself when there is none.
test('withoutByte leaves the other bytes in order, across slices, and copies nothing when the byte is absent', async () => {
  const none = new Uint8Array([1, 2, 3]);
  expect(await withoutByte(none, 0)).toBe(none);
  expect([...(await withoutByte(new Uint8Array([0, 1, 0, 0, 2, 0]), 0))]).toEqual([1, 2]);
  expect([...(await withoutByte(new Uint8Array([0, 0]), 0))]).toEqual([]);
  // 10 MB with a NUL in every slice and at the edges of a slice.
  const big = new Uint8Array(10 << 20);
  for (let i = 0; i < big.length; i++) big[i] = (i % 251) + 1;
  for (const at of [0, (4 << 20) - 1, 4 << 20, (8 << 20) + 7, big.length - 1]) big[at] = 0;
  const out = await withoutByte(big, 0);
  expect(out.length).toBe(big.length - 5);
  // Compared as buffers: an element-wise toEqual of 10 MB takes most of a minute.
  expect(Buffer.from(out).equals(Buffer.from(big.filter((b) => b !== 0)))).toBe(true);
});
