// Build-time entry of `virtual:sample-snapshot` (vite.config.ts loads it with Vite's module
// runner): the embedded sample imported on DuckDB-WASM's Node build, and the answers the opening
// dashboard needs (src/lib/state/sampleSnapshot.ts).
import { readFileSync } from 'node:fs';
import { openNodeEngine } from '../src/lib/db/node';
import { buildSampleSnapshot, type SampleSnapshot } from '../src/lib/state/sampleSnapshot';

/** The snapshot of the sample file at `path`. */
export async function sampleSnapshot(path: string): Promise<SampleSnapshot> {
  const engine = await openNodeEngine();
  try {
    return await buildSampleSnapshot(engine, new Uint8Array(readFileSync(path)));
  } finally {
    engine.close();
  }
}
