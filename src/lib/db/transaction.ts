import type { Connection, Engine } from './types';

/**
 * Runs `work` inside one transaction on `engine`, through `tx` only: COMMIT when it resolves; when
 * it throws, ROLLBACK (a failed rollback is ignored) and the original error is rethrown, so nothing
 * of it stays. Other calls on `engine` wait meanwhile; `work` must not call `engine` itself (that
 * call would wait for the transaction, which waits for `work`).
 */
export function inTransaction<T>(engine: Engine, work: (tx: Engine) => Promise<T>): Promise<T> {
  return engine.transaction(work);
}

/**
 * Makes an `Engine` of an engine's one connection (browser.ts, node.ts). Why a gate: a transaction
 * belongs to the connection, not to the code that opened it, and the whole page shares that one
 * connection. Without it, whatever ran at an `await` while a transaction was open (a repeat
 * decision, a removal, the cube rebuild, an import's scratch tables) ran INSIDE it: rolled back
 * with it, or refused ("cannot start a transaction within a transaction").
 *
 * So calls run side by side as before, but a transaction has the connection alone: it begins once
 * the calls already under way have finished, and calls made meanwhile (transactions too) wait
 * until it has committed or rolled back, first come first served. Only its own `tx` goes through.
 */
export function withTransactions(connection: Connection): Engine {
  const gate = sharedOrAlone();
  return {
    ...through(connection, gate.shared),
    transaction: (work) => gate.alone(() => runTransaction(connection, work)),
  };
}

async function runTransaction<T>(connection: Connection, work: (tx: Engine) => Promise<T>): Promise<T> {
  let open = true;
  const tx: Engine = {
    // A late call (a statement not awaited by `work`) would otherwise run outside the gate.
    ...through(connection, (run) => (open ? run() : Promise.reject(new Error('this transaction has already ended')))),
    transaction: () => Promise.reject(new Error('nested transaction: DuckDB has none; do the work through the open transaction\'s tx')),
  };
  await connection.exec('BEGIN TRANSACTION');
  try {
    const result = await work(tx);
    await connection.exec('COMMIT');
    return result;
  } catch (e) {
    await connection.exec('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    open = false;
  }
}

/** `connection`'s calls, each run by `gate`. */
function through(connection: Connection, gate: <R>(run: () => Promise<R>) => Promise<R>): Connection {
  return {
    query: <T>(sql: string) => gate(() => connection.query<T>(sql)),
    queryOne: <T>(sql: string) => gate(() => connection.queryOne<T>(sql)),
    queryArrowIPC: (sql) => gate(() => connection.queryArrowIPC(sql)),
    exec: (sql) => gate(() => connection.exec(sql)),
    registerFile: (name, bytes) => gate(() => connection.registerFile(name, bytes)),
    dropFile: (name) => gate(() => connection.dropFile(name)),
    insertArrowIPC: (table, ipc, schema) => gate(() => connection.insertArrowIPC(table, ipc, schema)),
    insertJSONRows: (table, rows, schema) => gate(() => connection.insertJSONRows(table, rows, schema)),
  };
}

/**
 * A readers-writer lock, first come first served: any number of `shared` runs at once, an `alone`
 * run only with nothing else. A waiting `alone` holds back the `shared` runs that come after it.
 */
function sharedOrAlone() {
  let shared = 0;
  let alone = false;
  const queue: { alone: boolean; go: () => void }[] = [];

  function admit() {
    while (queue.length && !alone) {
      const next = queue[0];
      if (next.alone) {
        if (shared) return;
        alone = true;
      } else shared++;
      queue.shift();
      next.go();
    }
  }

  /** Resolves once admitted; the counts are taken at admission, so nothing slips in between. */
  function enter(wantsAlone: boolean): Promise<void> {
    return new Promise((go) => {
      queue.push({ alone: wantsAlone, go });
      admit();
    });
  }

  return {
    async shared<R>(run: () => Promise<R>): Promise<R> {
      await enter(false);
      try {
        return await run();
      } finally {
        shared--;
        admit();
      }
    },
    async alone<R>(run: () => Promise<R>): Promise<R> {
      await enter(true);
      try {
        return await run();
      } finally {
        alone = false;
        admit();
      }
    },
  };
}
