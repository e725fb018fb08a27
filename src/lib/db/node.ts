// Node build of the same engine, for unit tests, the sample generator check and benchmarks.
// It is never bundled into the app (only tests and scripts import it).
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { QUERY_CONFIG, configureConnection } from './settings';
import { tableToRows } from './convert';
import type { Engine, Row } from './types';

const require = createRequire(import.meta.url);

/** Opens a fresh in-memory DuckDB-WASM database in this Node process. */
export async function openNodeEngine(): Promise<Engine & { close(): void }> {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm').replace(/duckdb-mvp\.wasm$/, '');
  const bundles = {
    mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-node-mvp.worker.cjs' },
    eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-node-eh.worker.cjs' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: QUERY_CONFIG });
  const conn = db.connect();
  await configureConnection((s) => conn.query(s), () => String(conn.query('SELECT current_database() AS d').getChild('d')?.get(0)), true);
  let seq = 0;
  // Inserts go through a temp table and INSERT ... BY NAME, so a batch may carry any subset of
  // the target's columns (the rest get their defaults) and values are cast to the target types.
  function moveByName(tmp: string, table: string, schema?: string) {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const target = schema ? `${quote(schema)}.${quote(table)}` : quote(table);
    try {
      conn.query(`INSERT INTO ${target} BY NAME SELECT * FROM "${tmp}"`);
    } finally {
      conn.query(`DROP TABLE IF EXISTS "${tmp}"`);
    }
  }
  return {
    async query<T = Row>(sql: string) {
      return tableToRows<T>(conn.query(sql));
    },
    async queryOne<T = Row>(sql: string) {
      const statement = conn.prepare(sql);
      try {
        return tableToRows<T>(statement.query());
      } finally {
        statement.close();
      }
    },
    async queryArrowIPC(sql: string) {
      // The engine's own IPC bytes: this build's Arrow objects come from another copy of the
      // library than ours, which our tableToIPC does not recognise.
      return conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes.slice());
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async insertArrowIPC(table, ipc, schema) {
      // Round-trip through Arrow 17 so an IPC stream from another writer is accepted as-is.
      const buf = tableToIPC(tableFromIPC(ipc), 'stream');
      const tmp = `__arrow_${++seq}`;
      conn.insertArrowFromIPCStream(buf, { name: tmp, create: true });
      moveByName(tmp, table, schema);
    },
    async insertJSONRows(table, rows, schema) {
      if (rows.length === 0) return;
      const tmp = `__rows_${++seq}`;
      db.registerFileText(tmp + '.json', JSON.stringify(rows));
      try {
        conn.insertJSONFromPath(tmp + '.json', { name: tmp, create: true });
      } finally {
        db.dropFile(tmp + '.json');
      }
      moveByName(tmp, table, schema);
    },
    close() {
      conn.close();
    },
  };
}
