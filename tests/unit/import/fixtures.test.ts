import { test, expect } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtures, allFixtures } from '../../fixtures/make-fixtures';
import { detectEncoding } from '../../../src/lib/import/decode';
import { sniffFormat } from '../../../src/lib/import/sniff';

// The browser e2e tests read the same files from disk; they must be byte-identical to the builders'.
test('makeFixtures writes every fixture into a directory', async () => {
  const dir = join('tests', '.tmp', 'fixtures');
  rmSync(dir, { recursive: true, force: true });
  const paths = await makeFixtures(dir);
  const files = await allFixtures();
  expect(paths.length).toBe(Object.keys(files).length);
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name);
    expect(existsSync(path)).toBe(true);
    // XLSX/Parquet writers embed timestamps, so compare what the importer cares about for those.
    if (/\.(csv|txt|json|ndjson)$/.test(name)) expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
    else expect(sniffFormat(name, new Uint8Array(readFileSync(path)))).toBe(sniffFormat(name, bytes));
  }
  expect(detectEncoding(new Uint8Array(readFileSync(join(dir, 'messy-gbk.csv'))))).toBe('gb18030');
});
