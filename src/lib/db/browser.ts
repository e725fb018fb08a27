// The browser engine: DuckDB-WASM in a Web Worker, every file served from our own origin.
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { QUERY_CONFIG, checkRegisteredName, configureConnection } from './settings';
import { tableToRows } from './convert';
import { copyInSlices } from './slices';
import { withTransactions } from './transaction';
import type { Connection, Engine, Row } from './types';

// The multi-threaded `coi` bundle is left out on purpose: experimental, with open bugs.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** Starts the worker, instantiates DuckDB and returns the app's single connection. */
export async function openBrowserEngine(options: { path?: string } = {}): Promise<Engine & { db: duckdb.AsyncDuckDB }> {
  performance.mark('engine:start');
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    performance.mark('engine:instantiated');
    await db.open({
      path: options.path,
      accessMode: options.path ? duckdb.DuckDBAccessMode.READ_WRITE : undefined,
      query: QUERY_CONFIG,
    });
  } catch (e) {
    worker.terminate();
    throw e;
  }
  performance.mark('engine:opened');
  const conn = await db.connect();
  await configureConnection((s) => conn.query(s), async () => String((await conn.query('SELECT current_database() AS d')).getChild('d')?.get(0)), !options.path);
  let seq = 0;
  // Inserts go through a temp table and INSERT ... BY NAME, so a batch may carry any subset of
  // the target's columns (the rest get their defaults) and values are cast to the target types.
  async function moveByName(tmp: string, table: string, schema?: string) {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const target = schema ? `${quote(schema)}.${quote(table)}` : quote(table);
    try {
      await conn.query(`INSERT INTO ${target} BY NAME SELECT * FROM "${tmp}"`);
    } finally {
      await conn.query(`DROP TABLE IF EXISTS "${tmp}"`);
    }
  }
  const connection: Connection = {
    async query<T = Row>(sql: string) {
      return tableToRows<T>(await conn.query(sql));
    },
    async queryOne<T = Row>(sql: string) {
      const statement = await conn.prepare(sql);
      try {
        return tableToRows<T>(await statement.query());
      } finally {
        await statement.close();
      }
    },
    async queryArrowIPC(sql: string) {
      // The worker's IPC bytes as they are, not decoded here and encoded again.
      return conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async registerFile(name, bytes) {
      checkRegisteredName(name);
      // registerFileBuffer transfers (empties) the buffer it is given: hand it a copy, made in
      // slices (one slice() of a 265 MB ledger held the main thread for about a second).
      await db.registerFileBuffer(name, await copyInSlices(bytes));
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async insertArrowIPC(table, ipc, schema) {
      // Round-trip through Arrow 17 so an IPC stream from another writer is accepted as-is.
      const buf = tableToIPC(tableFromIPC(ipc), 'stream');
      const tmp = `__arrow_${++seq}`;
      await conn.insertArrowFromIPCStream(buf, { name: tmp, create: true });
      await moveByName(tmp, table, schema);
    },
    async insertJSONRows(table, rows, schema) {
      if (rows.length === 0) return;
      const tmp = `__rows_${++seq}`;
      await db.registerFileText(tmp + '.json', JSON.stringify(rows));
      try {
        await conn.insertJSONFromPath(tmp + '.json', { name: tmp, create: true });
      } finally {
        await db.dropFile(tmp + '.json');
      }
      await moveByName(tmp, table, schema);
    },
  };
  // Every caller shares this one connection: transactions go through the gate (transaction.ts).
  return { ...withTransactions(connection), db };
}
