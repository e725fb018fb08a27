import { describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { previewEngine } from '../../../src/lib/state/previewEngine';

describe('previewEngine', () => {
  it('answers snapshot queries at once and sends everything else to the live engine once it is there', async () => {
    const live = await openNodeEngine();
    let started!: () => void;
    const ready = new Promise<void>((done) => (started = done)).then(() => live);
    const engine = previewEngine({ 'SELECT 1 AS n': [{ n: 1 }] }, ready);

    // A snapshot answer needs no engine: the live one is not there yet.
    expect(await engine.query('SELECT 1 AS n')).toEqual([{ n: 1 }]);

    // Anything else waits for the live engine, reads and writes alike.
    let answered = false;
    const other = engine.query<{ n: number }>('SELECT 2 AS n').then((rows) => ((answered = true), rows));
    const write = engine.exec('CREATE TEMP TABLE t AS SELECT 3 AS n');
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    started();
    expect(await other).toEqual([{ n: 2 }]);
    await write;
    expect(await live.query('SELECT n FROM t')).toEqual([{ n: 3 }]);
    live.close();
  });

  it('lets a failed start reject what was waiting', async () => {
    const failed = Promise.reject(new Error('the engine did not start'));
    failed.catch(() => {});
    const engine = previewEngine({}, failed);
    await expect(engine.query('SELECT 1')).rejects.toThrow('did not start');
  });
});
