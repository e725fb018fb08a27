import type { Engine } from './types';

/**
 * Copies tables from one engine to another, definition and rows, replacing any table of the same
 * name there. The definition is the one DuckDB keeps (`duckdb_tables().sql`), so column types are
 * exact; the rows travel as Arrow. Names are compared in JS: nothing is spliced into SQL but the
 * DDL DuckDB wrote and the names it returned, quoted.
 */
export async function copyTables(from: Engine, to: Engine, tables: readonly string[]): Promise<void> {
  const defs = await from.query<{ table_name: string; sql: string }>('SELECT table_name, sql FROM duckdb_tables()');
  for (const table of tables) {
    const def = defs.find((d) => d.table_name === table);
    if (!def) throw new Error(`copyTables: no table ${table}`);
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const rows = await from.queryArrowIPC(`SELECT * FROM ${quoted}`);
    await to.exec(`DROP TABLE IF EXISTS ${quoted}`);
    // A temporary table's definition reads CREATE TABLE: the copy is an ordinary table of the target.
    await to.exec(def.sql.replace(/^CREATE\s+(TEMP|TEMPORARY)\s+TABLE/i, 'CREATE TABLE'));
    await to.insertArrowIPC(table, rows);
  }
}
