import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openNodeEngine } from '../../../src/lib/db/node';
import { inTransaction, withTransactions } from '../../../src/lib/db/transaction';
import type { Connection, Engine } from '../../../src/lib/db/types';

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Long enough for anything not held back to have run (the Node engine answers synchronously). */
const settle = () => new Promise((r) => setTimeout(r, 20));

const rows = async (e: Engine) => (await e.query<{ who: string }>('SELECT who FROM t ORDER BY who')).map((r) => r.who);
const txid = async (e: Engine) => (await e.query<{ id: number }>('SELECT txid_current() AS id'))[0].id;

describe('transactions on the one shared connection', () => {
  let engine: Engine & { close(): void };
  beforeAll(async () => {
    engine = await openNodeEngine();
  });
  afterAll(() => engine.close());
  beforeEach(() => engine.exec('CREATE OR REPLACE TABLE t (who VARCHAR)'));

  it('holds back a statement from outside until the transaction ends; that write survives its rollback', async () => {
    const wrote = deferred();
    const hold = deferred();
    let inside = 0;
    const failing = inTransaction(engine, async (tx) => {
      await tx.exec(`INSERT INTO t VALUES ('tx')`);
      inside = await txid(tx);
      wrote.resolve();
      await hold.promise;
      throw new Error('the import failed');
    });
    await wrote.promise;
    // Without the gate these ran at once, inside the open transaction, and went with its rollback.
    let outsideDone = false;
    const outside = engine.exec(`INSERT INTO t VALUES ('decision')`).then(() => (outsideDone = true));
    const outsideTx = txid(engine);
    await settle();
    expect(outsideDone).toBe(false);
    hold.resolve();
    await expect(failing).rejects.toThrow('the import failed');
    await outside;
    expect(await outsideTx).not.toBe(inside);
    expect(await rows(engine)).toEqual(['decision']);
  });

  it('runs two transactions started together one after the other, and both commit', async () => {
    const log: string[] = [];
    const write = (who: string) => inTransaction(engine, async (tx) => {
      log.push(`${who} begins`);
      await settle();
      await tx.exec(`INSERT INTO t VALUES ('${who}')`);
      log.push(`${who} ends`);
      return who;
    });
    expect(await Promise.all([write('a'), write('b')])).toEqual(['a', 'b']);
    expect(log).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect(await rows(engine)).toEqual(['a', 'b']);
  });

  it('after a failed transaction its writes are gone and the engine serves calls and transactions again', async () => {
    const failing = inTransaction(engine, async (tx) => {
      await tx.exec(`INSERT INTO t VALUES ('lost')`);
      await tx.exec('SELECT * FROM no_such_table');
    });
    const waiting = engine.exec(`INSERT INTO t VALUES ('waited')`);
    await expect(failing).rejects.toThrow(/no_such_table/);
    await waiting;
    await inTransaction(engine, (tx) => tx.exec(`INSERT INTO t VALUES ('next')`));
    expect(await rows(engine)).toEqual(['next', 'waited']);
  });

  it('refuses a nested transaction and a tx used after its transaction ended, without deadlock', async () => {
    let leaked: Engine | null = null;
    const nested = inTransaction(engine, async (tx) => {
      leaked = tx;
      await tx.exec(`INSERT INTO t VALUES ('outer')`);
      await inTransaction(tx, (inner) => inner.exec(`INSERT INTO t VALUES ('inner')`));
    });
    await expect(nested).rejects.toThrow(/nested transaction/);
    await expect(leaked!.exec(`INSERT INTO t VALUES ('late')`)).rejects.toThrow(/already ended/);
    expect(await rows(engine)).toEqual([]);
  });

  it('begins only once the calls already under way have finished, and holds back those that come after it', async () => {
    // A call that takes several steps (insertJSONRows does): held here, so the test decides when it ends.
    const held = deferred();
    const done: string[] = [];
    const connection: Connection = {
      ...engine,
      async exec(sql) {
        if (sql.includes('slow')) await held.promise;
        await engine.exec(sql);
        done.push(sql.split(' ')[0] + (sql.includes('slow') ? ' slow' : sql.includes('after') ? ' after' : ''));
      },
    };
    const gated = withTransactions(connection);
    const before = gated.exec(`INSERT INTO t VALUES ('slow')`);
    const tx = gated.transaction((t) => t.exec(`INSERT INTO t VALUES ('tx')`));
    const after = gated.exec(`INSERT INTO t VALUES ('after')`);
    await settle();
    expect(done).toEqual([]);
    held.resolve();
    await Promise.all([before, tx, after]);
    expect(done).toEqual(['INSERT slow', 'BEGIN', 'INSERT', 'COMMIT', 'INSERT after']);
    expect(await rows(engine)).toEqual(['after', 'slow', 'tx']);
  });
});
