import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { freshEngine, importOk, utf8 } from './helpers';

// Hunt helper-112: with the embedded sample on screen, every row of a ledger like it was warned duplicate_existing against
// the sample, which the analyst's import then removes.
test('the embedded sample is no earlier file a ledger\'s problems duplicate', async () => {
  const e = await freshEngine();
  const sample = new Uint8Array(readFileSync('data/sample-ledger.csv'));
  await importOk(e, 'sample-ledger.csv', sample, { isSample: true });
  // The same rows as an analyst's file (other bytes: a line ending changed).
  const text = new TextDecoder().decode(sample).replace(/\r?\n/g, '\r\n') + '\r\n';
  const [r] = await importOk(e, 'my-ledger.csv', utf8(text), { allowDuplicate: true });
  expect(r.issues.filter((i) => i.code === 'duplicate_existing')).toEqual([]);
  // Against a file the analyst imported, the same rows still are.
  const [again] = await importOk(e, 'my-ledger-copy.csv', utf8(text + '\r\n'), { allowDuplicate: true });
  expect(again.issues.filter((i) => i.code === 'duplicate_existing').length).toBeGreaterThan(1000);
  e.close();
}, 120_000);
