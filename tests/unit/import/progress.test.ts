import { expect, test } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { textFixtures } from '../../fixtures/make-fixtures';
import { freshEngine } from './helpers';

// The progress strip names the stage under way. Normalising a sheet is most of an import's time (the SQL that
// creates its normalised table), so the 规范化与校验 mark must come before that SQL runs, not after it: the strip
// said 解析表格 for the whole of it, and 规范化与校验 only once it was done.
test('the normalise stage is marked before the sheet is normalised, and the stages come in order', async () => {
  const e = await freshEngine();
  const log: string[] = [];
  const watched = new Proxy(e, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key !== 'exec' || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
      return (sql: string, ...rest: unknown[]) => {
        if (/^CREATE TABLE \S*"__import_norm_/.test(sql)) log.push('sql:normalise');
        return v.call(target, sql, ...rest);
      };
    },
  }) as Engine;
  const res = await importFile(watched, { name: 'x.csv', bytes: textFixtures()['messy-gbk.csv'] }, {
    onProgress: (p) => { if (log.at(-1) !== p.stage) log.push(p.stage); },
  });
  expect(res.ok).toBe(true);
  expect(log).toEqual(['read', 'parse', 'normalise', 'sql:normalise', 'normalise', 'commit', 'save', 'done']);
  e.close();
});
