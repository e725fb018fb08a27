// Build-time entry of `virtual:sample-snapshot` and `virtual:sample-tables` (vite.config.ts loads
// it with Vite's module runner): the embedded sample imported on DuckDB-WASM's Node build, the
// answers the opening dashboard needs (src/lib/state/sampleSnapshot.ts), and the rows the import
// wrote (src/lib/state/sampleTables.ts).
import { readFileSync } from 'node:fs';
import { openNodeEngine } from '../src/lib/db/node';
import { buildSampleSnapshot, type SampleSnapshot } from '../src/lib/state/sampleSnapshot';
import { readSampleTables, type SampleTables } from '../src/lib/state/sampleTables';

/** The snapshot and the tables of the sample file at `path`. */
export async function sampleBuild(path: string): Promise<{ snapshot: SampleSnapshot; tables: SampleTables }> {
  const engine = await openNodeEngine();
  try {
    const snapshot = await buildSampleSnapshot(engine, new Uint8Array(readFileSync(path)));
    return { snapshot, tables: await readSampleTables(engine) };
  } finally {
    engine.close();
  }
}
