import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/db/types';
import { importFile } from '../../../src/lib/import';
import { freshEngine } from './helpers';
import { registeredFile } from '../../../src/lib/db/settings';

/**
 * Import timing on a real ledger, only when IMPORT_TIMING names a file (e.g. bench/.tmp/ledger-100000.csv):
 * it takes seconds to minutes, so it never runs in the normal suite. It compares the import against the
 * engine's own read_csv of the same bytes (DESIGN.md budget: ≤ 1.5×) and prints the heaviest statements.
 */
const FILE = process.env.IMPORT_TIMING;

/** CPU time of this process in ms (the Node engine runs on this thread). */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Wraps an engine so every call's CPU time is logged under its first 120 characters of SQL. */
function timed(engine: Engine, log: Map<string, number>): Engine {
  const wrap = <F extends (...a: any[]) => Promise<unknown>>(label: (first: string) => string, f: F): F =>
    (async (...a: Parameters<F>) => {
      const t = cpu();
      try {
        return await f(...a);
      } finally {
        const k = label(a[0]);
        log.set(k, (log.get(k) ?? 0) + cpu() - t);
      }
    }) as F;
  const sqlKey = (s: string) => s.replace(/\s+/g, ' ').replace(/mw[0-9a-z_]+/g, '').slice(0, 120);
  return {
    query: wrap(sqlKey, engine.query.bind(engine)) as Engine['query'],
    queryOne: engine.queryOne.bind(engine),
    queryArrowIPC: wrap(sqlKey, engine.queryArrowIPC.bind(engine)),
    exec: wrap(sqlKey, engine.exec.bind(engine)),
    registerFile: wrap((n) => `registerFile ${n}`, engine.registerFile.bind(engine)),
    dropFile: engine.dropFile.bind(engine),
    insertArrowIPC: wrap((t) => `insertArrowIPC ${t}`, engine.insertArrowIPC.bind(engine)),
    insertJSONRows: wrap((t) => `insertJSONRows ${t}`, engine.insertJSONRows.bind(engine)),
    transaction: (work) => engine.transaction((tx) => work(timed(tx, log))),
  };
}

describe.skipIf(!FILE)('import timing (IMPORT_TIMING=<ledger>)', () => {
  it('imports every row and reports the ratio to the raw read_csv', async () => {
    const bytes = new Uint8Array(readFileSync(FILE!));
    const ref = await freshEngine();
    // CPU time beside wall time: on a shared machine the wall clock mostly measures the neighbours.
    let t = performance.now();
    let c = cpu();
    await ref.registerFile(registeredFile('ref.csv'), bytes);
    await ref.exec(`CREATE TABLE raw AS SELECT * FROM read_csv('${registeredFile('ref.csv')}', all_varchar = true)`);
    const [{ n }] = await ref.query<{ n: number }>('SELECT count(*) AS n FROM raw');
    const rawMs = performance.now() - t;
    const rawCpu = cpu() - c;
    ref.close();

    const engine = await freshEngine();
    const log = new Map<string, number>();
    t = performance.now();
    c = cpu();
    const res = await importFile(timed(engine, log), { name: FILE!.split('/').pop()!, bytes });
    const appMs = performance.now() - t;
    const appCpu = cpu() - c;
    const [{ rows }] = await engine.query<{ rows: number }>('SELECT count(*) AS rows FROM findings');
    const top = [...log].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`raw read_csv ${rawMs.toFixed(0)} ms (${n} rows); app import ${appMs.toFixed(0)} ms; ratio ${(appMs / rawMs).toFixed(2)}×`);
    console.log(`CPU time: raw ${rawCpu.toFixed(0)} ms, app ${appCpu.toFixed(0)} ms, ratio ${(appCpu / rawCpu).toFixed(2)}×`);
    for (const [k, ms] of top) console.log(`${ms.toFixed(0).padStart(7)} ms CPU  ${k}`);
    engine.close();
    expect(res.ok, JSON.stringify(res).slice(0, 500)).toBe(true);
    expect(rows).toBe(n);
  }, 3_600_000);
});
