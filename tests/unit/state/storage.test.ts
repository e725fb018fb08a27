import { expect, test } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { parseByteSize, storageUsed } from '../../../src/lib/state/storage';

test.each([
  ['0 bytes', 0],
  ['512 bytes', 512],
  ['1.3 MiB', Math.round(1.3 * 2 ** 20)],
  ['12.0 KiB', 12 * 1024],
  ['2.5 GiB', 2.5 * 2 ** 30],
  ['12.5 MB', 12_500_000],
  [' 7 kB ', 7000],
  ['', null],
  [null, null],
  ['1.3 furlongs', null],
  ['MiB', null],
])('parseByteSize(%j) = %j', (text, bytes) => {
  expect(parseByteSize(text)).toBe(bytes);
});

test('storage used is the engine\'s count of the database file: none for a database kept in memory', async () => {
  const e = await openNodeEngine();
  await e.exec('CREATE TABLE t AS SELECT range AS x FROM range(1000)');
  // The node engine's database is in memory: nothing is kept, so nothing is said, whichever way it is asked.
  expect(await storageUsed(e, true)).toBeNull();
  expect(await storageUsed(e, false)).toBeNull();
  expect(await storageUsed(null, true)).toBeNull();
  e.close();
});
