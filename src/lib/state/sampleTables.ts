import type { Engine, Row } from '../db/types';
import { inTransaction } from '../db/transaction';
import { registeredFile } from '../db/settings';
import { ident, str } from '../queries/sql';

/**
 * The embedded sample as the importer wrote it, row for row, taken at build time
 * (`virtual:sample-tables`, vite.config.ts): a first visit writes these rows instead of running the
 * importer in the browser (~4 s of a cold engine's time for 1,380 rows). A unit test holds them
 * equal to a fresh import of the same file.
 */
export const SAMPLE_TABLES = ['datasets', 'rounds', 'findings', 'import_issues'] as const;

/** Rows of each table an import of the sample writes (dates as `YYYY-MM-DD`, as the engine gives them). */
export type SampleTables = Record<(typeof SAMPLE_TABLES)[number], Row[]>;

/** Build time: every row of the tables an import wrote into `engine`, which holds only the sample. */
export async function readSampleTables(engine: Engine): Promise<SampleTables> {
  const tables = {} as SampleTables;
  for (const table of SAMPLE_TABLES) tables[table] = await engine.query(`SELECT * FROM ${ident(table)}`);
  return tables;
}

/**
 * Writes the build-time rows in one transaction, the dataset stamped as imported at `importedAt`
 * (UTC `YYYY-MM-DD HH:MM:SS`, as the importer writes it). Throws after ROLLBACK when any row does
 * not fit (for instance a round already stored): the caller then runs the importer itself.
 */
export async function writeSampleTables(engine: Engine, tables: SampleTables, importedAt: string): Promise<void> {
  await inTransaction(engine, async (tx) => {
    for (const table of SAMPLE_TABLES) {
      const rows = table === 'datasets' ? tables.datasets.map((d) => ({ ...d, imported_at: importedAt })) : tables[table];
      await insertRows(tx, table, rows);
    }
  });
}

/**
 * Appends rows through a CSV the engine reads with the table's own column types: fast (one
 * read_csv, where INSERT … VALUES of 100k literals took ~1.7 s) and exact (a quoted empty text
 * stays '', an empty field is NULL, `YYYY-MM-DD` becomes a DATE only where the column is one).
 */
async function insertRows(engine: Engine, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const types = await engine.query<{ name: string; type: string }>(`SELECT column_name AS name, data_type AS type
    FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ${str(table)} ORDER BY ordinal_position`);
  const names = types.map((t) => t.name);
  const csv = [names.map(csvField).join(','), ...rows.map((r) => names.map((n) => csvField(r[n])).join(','))].join('\n');
  const file = registeredFile(`__sample_${table}.csv`);
  await engine.registerFile(file, new TextEncoder().encode(csv));
  try {
    await engine.exec(`INSERT INTO ${ident(table)} BY NAME SELECT * FROM read_csv(${str(file)}, header = true, auto_detect = false,
      delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false,
      columns = {${types.map((t) => `${str(t.name)}: ${str(t.type)}`).join(', ')}})`);
  } finally {
    await engine.dropFile(file);
  }
}

/** One CSV field: NULL as an empty field, text always quoted (so '' stays ''), numbers and booleans bare. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  throw new Error(`a sample value of an unexpected kind: ${typeof value}`);
}
