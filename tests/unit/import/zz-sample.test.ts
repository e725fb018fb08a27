import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { freshEngine, importOk } from './helpers';
test('sample', async () => {
  const e = await freshEngine();
  const t = Date.now();
  const [r] = await importOk(e, 'sample-ledger.csv', new Uint8Array(readFileSync('data/sample-ledger.csv')), { isSample: true });
  console.log('TIME', Date.now() - t, r.rowsAccepted, r.rowsWarned, r.rowsRejected, r.rowsSkipped, r.asOf);
  const counts: Record<string, number> = {};
  for (const i of r.issues) counts[i.code + ':' + (i.column ?? '')] = (counts[i.code + ':' + (i.column ?? '')] ?? 0) + 1;
  console.log('ISSUES', JSON.stringify(counts));
  console.log('EX', JSON.stringify(r.issues.filter((i) => i.code !== 'duplicate_finding').slice(0, 12).map((i) => [i.row, i.code, i.column, i.value])));
  console.log('ROUNDS', JSON.stringify(await e.query('select round_key, round_label, year, feedback_date from rounds order by 1')));
  console.log('STATUS', JSON.stringify(await e.query('select status, count(*) n from findings group by 1 order by 1')));
  console.log('CAT', JSON.stringify(await e.query('select category_l1, count(*) n from findings group by 1 order by 1')));
});
