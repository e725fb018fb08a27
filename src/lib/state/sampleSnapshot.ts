import type { Engine, Row } from '../db/types';
import { SCHEMA_DDL } from '../db/schema';
import { importFile } from '../import';
import { sha256Hex } from '../import/sha';
import { derivedTableStatements } from '../queries/cube';
import { dashboardQueries } from './dashboardQueries';
import { parseViewState } from './urlState';
import { readCatalogue } from './catalogue';

/** File name the sample carries in the datasets list. */
export const SAMPLE_FILE = 'sample-ledger.csv';

/**
 * The answers the dashboard needs when it opens on the embedded sample, computed when the app is
 * built (vite.config.ts, `virtual:sample-snapshot`) by the same importer, cube and SQL builders on
 * the same engine. They let the first charts show before the 34 MB engine has even compiled
 * (DESIGN.md: first chart ≤ 2 s); the live engine then re-answers every query.
 */
export interface SampleSnapshot {
  /** SHA-256 of the sample file the answers come from. */
  sampleSha256: string;
  /** SQL text → rows, exactly as the engine returned them. */
  results: Record<string, Row[]>;
}

/** The SQL the dashboard runs when it opens with no view state in the URL, on `defaultAsOf`. */
export function dashboardStartQueries(defaultAsOf: string): string[] {
  const { filters, params } = parseViewState('');
  const opening = { ...filters, asOf: defaultAsOf };
  return dashboardQueries(opening, params, { source: 'cube' }).map((q) => q.sql);
}

/**
 * Imports the sample into a fresh `engine` as the page does (same importer, marked as sample),
 * builds the cube, and records the catalogue and opening-dashboard answers. Throws when the
 * sample does not import cleanly.
 */
export async function buildSampleSnapshot(engine: Engine, bytes: Uint8Array): Promise<SampleSnapshot> {
  for (const statement of SCHEMA_DDL) await engine.exec(statement);
  const imported = await importFile(engine, { name: SAMPLE_FILE, bytes }, { isSample: true });
  if (!imported.ok) throw new Error(`${SAMPLE_FILE} does not import cleanly: ${JSON.stringify('error' in imported ? imported.error : imported.needsMapping.missing)}`);
  for (const statement of derivedTableStatements()) await engine.exec(statement);
  const results: Record<string, Row[]> = {};
  const recording: Engine = { ...engine, query: async <T = Row>(sql: string) => (results[sql] = await engine.query(sql)) as T[] };
  const catalogue = await readCatalogue(recording);
  for (const sql of dashboardStartQueries(catalogue.defaultAsOf)) await recording.query(sql);
  return { sampleSha256: await sha256Hex(bytes), results };
}
