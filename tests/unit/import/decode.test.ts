import { expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { toUtf8, toUtf8Sliced } from '../../../src/lib/import/decode';
import { utf16 } from '../../fixtures/make-fixtures';

// Slices of 4 MB cut GBK and UTF-16 characters in half; the streaming decoder must join them.
test('a big GBK / UTF-16 file converts slice by slice to the same UTF-8 as in one go', async () => {
  const text = 'SW14-4-01,永康市,中共永康市委,学习贯彻不够到位，整改中\r\n'.repeat(120_000);
  const gbk = new Uint8Array(iconv.encode(text, 'gbk'));
  expect(gbk.length).toBeGreaterThan(4 << 20);
  const sliced = await toUtf8Sliced(gbk, 'gb18030');
  expect(Buffer.from(sliced).equals(Buffer.from(toUtf8(gbk, 'gb18030')))).toBe(true);
  expect(new TextDecoder().decode(sliced) === text).toBe(true);
  const le = utf16(text.slice(1), 'le');
  expect(new TextDecoder().decode(await toUtf8Sliced(le, 'utf-16le')) === text.slice(1)).toBe(true);
});
