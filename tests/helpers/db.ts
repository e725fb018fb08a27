import { openNodeEngine } from '../../src/lib/db/node';
import { SCHEMA_DDL } from '../../src/lib/db/schema';
import type { Engine, Row } from '../../src/lib/db/types';

/** A fresh in-memory database with the app's schema, on the real DuckDB-WASM engine. */
export async function freshDatabase(): Promise<Engine & { close(): void }> {
  const engine = await openNodeEngine();
  for (const s of SCHEMA_DDL) await engine.exec(s);
  return engine;
}

/** Inserts findings rows given as partial objects; required columns get harmless defaults. */
export async function insertFindings(engine: Engine, rows: Row[]): Promise<void> {
  const defaults: Row = {
    dataset_id: 'd1', finding_id: null, round_key: 'r1', county: '永康市', unit_name: 'u1',
    category_l1: 'A', problem_title: 't', long_term: false,
  };
  const full = rows.map((r, i) => ({ ...defaults, finding_id: `f${i + 1}`, ...r }));
  await engine.insertJSONRows('findings', full);
}
