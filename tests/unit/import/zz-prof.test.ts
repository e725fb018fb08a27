import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { importFile } from '../../../src/lib/import';
import { freshEngine } from './helpers';
test('prof', async () => {
  const e = await freshEngine();
  const wrap = { ...e,
    async exec(sql: string) { const t = Date.now(); await e.exec(sql); const d = Date.now() - t; if (d > 150) console.log('T exec', d, sql.length, sql.slice(0, 60).replace(/\s+/g, ' ')); },
    async query(sql: string) { const t = Date.now(); const r = await e.query(sql); const d = Date.now() - t; if (d > 150) console.log('T query', d, sql.length, sql.slice(0, 60).replace(/\s+/g, ' ')); return r; },
  } as any;
  const bytes = new Uint8Array(readFileSync('data/sample-ledger.csv'));
  // Ten copies: runtime per row vs fixed planning cost.
  const text = new TextDecoder().decode(bytes);
  const [head, ...rest] = text.trimEnd().split('\n');
  for (const copies of [1, 20]) {
    const big = [head, ...Array.from({ length: copies }, (_, k) => rest.map((l) => l.replace(/^([^,]*)/, `$1-${k}`))).flat()].join('\n');
    const t0 = Date.now();
    const r = await importFile(wrap, { name: `s${copies}.csv`, bytes: new TextEncoder().encode(big) });
    console.log('T total', copies, Date.now() - t0, r.ok);
  }
});
