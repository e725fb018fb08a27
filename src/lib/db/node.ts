// Node build of the same engine, for unit tests, the sample generator check and benchmarks.
// It is never bundled into the app (only tests and scripts import it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { QUERY_CONFIG, checkRegisteredName, configureConnection } from './settings';
import { tableToRows } from './convert';
import { withTransactions } from './transaction';
import type { Connection, Engine, Row } from './types';

const require = createRequire(import.meta.url);

/** The engine's wasm compiled once per process (~1.5 s of the ~1.6 s it takes to open one). */
let compiled: Promise<WebAssembly.Module> | undefined;

/**
 * DuckDB-WASM's Node build reads and compiles its 39 MB module for every database it opens; tests
 * open hundreds. Its hook (`instantiateWasm`, the Emscripten one, pinned with the package version)
 * is replaced by one that does what the original does with a module compiled once: the same
 * runtime published on `globalThis.DUCKDB_RUNTIME`, a fresh instance (fresh memory) every time.
 */
function reuseCompiledModule(db: duckdb.DuckDBBindings): void {
  const bindings = db as unknown as {
    _runtime: object;
    mainModulePath: string;
    instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): unknown;
  };
  if (typeof bindings.mainModulePath !== 'string' || !bindings._runtime) return;
  bindings.instantiateWasm = (imports, done) => {
    const runtime: Record<string, unknown> = {};
    for (const name of Object.getOwnPropertyNames(bindings._runtime)) {
      if (name !== 'constructor') runtime[name] = Object.getOwnPropertyDescriptor(bindings._runtime, name)!.value;
    }
    (globalThis as { DUCKDB_RUNTIME?: unknown }).DUCKDB_RUNTIME = runtime;
    compiled ??= WebAssembly.compile(readFileSync(bindings.mainModulePath));
    void compiled.then(async (module) => done(await WebAssembly.instantiate(module, imports), module));
    return [];
  };
}

/**
 * Instances of closed engines. Starting a wasm instance runs the engine's static initialisers
 * (~0.7 s); a closed one is reset to a fresh in-memory database instead (duckdb-wasm `reset`,
 * which drops its database and connections, then `open`).
 */
const idle: duckdb.DuckDBBindings[] = [];
const MAX_IDLE = 2;

/** Opens a fresh in-memory DuckDB-WASM database in this Node process. */
export async function openNodeEngine(): Promise<Engine & { close(): void }> {
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm').replace(/duckdb-mvp\.wasm$/, '');
  const bundles = {
    mvp: { mainModule: dist + 'duckdb-mvp.wasm', mainWorker: dist + 'duckdb-node-mvp.worker.cjs' },
    eh: { mainModule: dist + 'duckdb-eh.wasm', mainWorker: dist + 'duckdb-node-eh.worker.cjs' },
  };
  let db = idle.pop();
  if (db) db.reset();
  else {
    db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    reuseCompiledModule(db);
    await db.instantiate(() => {});
  }
  const instance = db;
  let closed = false;
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
  const connection: Connection = {
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
      checkRegisteredName(name);
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
  };
  // Every caller shares this one connection: transactions go through the gate (transaction.ts).
  return {
    ...withTransactions(connection),
    close: () => {
      // Closed twice, an instance would go back to the pool twice and two engines would share it.
      if (closed) return;
      closed = true;
      conn.close();
      instance.dropFiles();
      // Kept for the next open, which resets it to an empty database; at most a couple are kept,
      // since an instance keeps the memory it grew to.
      if (idle.length < MAX_IDLE) idle.push(instance);
    },
  };
}
