import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { readerPool } from '../../../src/lib/db/readerPool';
import type { Reader, Row } from '../../../src/lib/db/types';

/** A reader whose answers the test releases by hand, recording what it was asked and when. */
function heldReader(name: string, log: string[]) {
  const pending: { sql: string; answer(): void; fail(): void }[] = [];
  const reader: Reader = {
    query<T = Row>(sql: string): Promise<T[]> {
      log.push(`${name}:${sql}`);
      return new Promise<T[]>((resolve, reject) => {
        pending.push({ sql, answer: () => resolve([{ by: name, sql }] as T[]), fail: () => reject(new Error(`${name} failed ${sql}`)) });
      });
    },
  };
  return { reader, pending };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('readerPool scheduling', () => {
  it('runs one query per engine at a time and hands a freed engine to the longest-waiting query', async () => {
    const log: string[] = [];
    const a = heldReader('a', log);
    const b = heldReader('b', log);
    const pool = readerPool([a.reader, b.reader]);
    const answers = ['q1', 'q2', 'q3', 'q4'].map((q) => pool.query(q));
    await tick();
    expect(log).toEqual(['a:q1', 'b:q2']); // q3 and q4 wait: both engines busy
    b.pending.shift()!.answer();
    await tick();
    expect(log).toEqual(['a:q1', 'b:q2', 'b:q3']); // b freed first, takes q3 (not q4)
    // A query sent now waits behind q4, even though it arrives while an engine is being freed.
    a.pending.shift()!.answer();
    const q5 = pool.query('q5');
    await tick();
    expect(log).toEqual(['a:q1', 'b:q2', 'b:q3', 'a:q4']);
    b.pending.shift()!.answer();
    await tick();
    expect(log.at(-1)).toBe('b:q5');
    a.pending.shift()!.answer();
    b.pending.shift()!.answer();
    expect(await Promise.all([...answers, q5])).toEqual([
      [{ by: 'a', sql: 'q1' }], [{ by: 'b', sql: 'q2' }], [{ by: 'b', sql: 'q3' }], [{ by: 'a', sql: 'q4' }], [{ by: 'b', sql: 'q5' }],
    ]);
  });

  it('passes a failure to its caller and frees the engine for the next query', async () => {
    const log: string[] = [];
    const a = heldReader('a', log);
    const pool = readerPool([a.reader]);
    const first = pool.query('bad');
    const second = pool.query('good');
    await tick();
    a.pending.shift()!.fail();
    await expect(first).rejects.toThrow('a failed bad');
    await tick();
    a.pending.shift()!.answer();
    expect(await second).toEqual([{ by: 'a', sql: 'good' }]);
  });

  it('needs at least one engine', () => {
    expect(() => readerPool([])).toThrow('no engine');
  });
});

describe('readerPool on two real engines', () => {
  const engines: Awaited<ReturnType<typeof openNodeEngine>>[] = [];
  beforeAll(async () => {
    for (const k of [1, 2]) {
      const e = await openNodeEngine();
      await e.exec(`CREATE TABLE t AS SELECT range AS i, range * ${k === 1 ? 2 : 2} AS twice FROM range(100)`);
      engines.push(e);
    }
  });
  afterAll(() => engines.forEach((e) => e.close()));

  it('answers every query as one engine would', async () => {
    const pool = readerPool(engines);
    const sql = (n: number) => `SELECT CAST(sum(twice) AS INTEGER) AS s FROM t WHERE i < ${n}`;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => pool.query<{ s: number | null }>(sql(n))));
    expect(answers.map((r) => r[0].s)).toEqual(Array.from({ length: 20 }, (_, n) => (n === 0 ? null : n * (n - 1))));
  });
});
