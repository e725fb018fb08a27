import type { Engine } from '../db/types';
import { ident } from '../queries/sql';

/**
 * The staging table every format lands in before mapping: `src_row` (1-based row of the sheet or
 * file) and cells `c0 … c{n-1}`, all VARCHAR, so nothing is lost or coerced before normalisation.
 */
export interface StagedSheet {
  /** Sheet name (XLSX) or undefined for single-table files. */
  sheet?: string;
  table: string;
  width: number;
  /** A table behind `table` when `table` is a view; dropped with it. */
  backing?: string;
}

/** A row of a grid as read in JS (XLSX, JSON, Parquet). */
export interface GridRow {
  row: number;
  cells: (string | null)[];
}

let seq = 0;

/** A temp table name no other import in this session uses. */
export function tempName(prefix: string): string {
  return `__import_${prefix}_${Date.now().toString(36)}_${++seq}`;
}

/** Column name of cell i. */
export const cell = (i: number) => `c${i}`;

/** Creates an empty staging table of the given width. */
export async function createStaging(engine: Engine, table: string, width: number): Promise<void> {
  const cols = Array.from({ length: width }, (_, i) => `${cell(i)} VARCHAR`);
  await engine.exec(`CREATE TEMP TABLE ${ident(table)} (src_row INTEGER, ${cols.join(', ')})`);
}

const CHUNK = 20_000;

/** Appends grid rows to a staging table, in chunks so a big sheet never becomes one huge string. */
export async function insertGrid(engine: Engine, table: string, width: number, rows: GridRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK).map((r) => {
      const o: Record<string, string | number | null> = { src_row: r.row };
      for (let i = 0; i < width; i++) o[cell(i)] = r.cells[i] ?? null;
      return o;
    });
    await engine.insertJSONRows(table, chunk);
  }
}

/** Stages a whole grid: creates the table, fills it, returns its description. */
export async function stageGrid(engine: Engine, rows: GridRow[], sheet?: string): Promise<StagedSheet> {
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const table = tempName('grid');
  await createStaging(engine, table, width);
  await insertGrid(engine, table, width, rows);
  return { sheet, table, width };
}

/** Drops temp tables and views, ignoring ones that were never created. */
export async function dropTables(engine: Engine, tables: string[]): Promise<void> {
  for (const t of tables) {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(t)}`).catch(() => undefined);
    await engine.exec(`DROP TABLE IF EXISTS ${ident(t)}`).catch(() => undefined);
  }
}
