import sampleUrl from '../../../data/sample-ledger.csv?url';
import type { Engine } from '../db/types';
import { importFile } from '../import';
import { sha256Hex } from '../import/sha';
import { importTimestamp } from '../import/commit';
import { SAMPLE_FILE } from './sampleSnapshot';
import { writeSampleTables } from './sampleTables';

/** The sample an earlier visit stored: its dataset id and the SHA-256 of the file it came from. */
export interface StoredSample {
  id: string;
  sha256: string | null;
}

/**
 * Loads the embedded sample, marked as sample. With nothing stored, the rows the importer wrote at
 * build time are stored as they are (sampleTables.ts; importing 1,380 rows in a cold engine took
 * ~4 s of a first visit); should that fail, and whenever a stored copy of another version is to be
 * replaced, the file goes through the same import code a user's file goes through, in one
 * transaction, so repeat decisions taken on sample findings carry over. A stored copy of the same
 * file is kept as it is. Throws with a readable message when the sample is missing or does not
 * import cleanly.
 */
export async function loadSample(engine: Engine, stored?: StoredSample): Promise<void> {
  if (!stored && (await storeBuiltTables(engine))) return checkpoint(engine);
  const response = await fetch(sampleUrl);
  if (!response.ok) throw new Error(`${SAMPLE_FILE}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (stored?.sha256 && stored.sha256 === (await sha256Hex(bytes))) return;
  const result = await importFile(engine, { name: SAMPLE_FILE, bytes }, { isSample: true, replaceDatasetId: stored?.id });
  if (!result.ok) {
    const reason = 'error' in result ? `${result.error.code} ${JSON.stringify(result.error.vars ?? {})}` : 'needs a column mapping';
    throw new Error(`${SAMPLE_FILE}: ${reason}`);
  }
  await checkpoint(engine);
}

/** Stores the build-time rows of the sample; false (nothing written) when they do not fit. */
async function storeBuiltTables(engine: Engine): Promise<boolean> {
  try {
    const { default: tables } = await import('virtual:sample-tables');
    await writeSampleTables(engine, tables, importTimestamp());
    return true;
  } catch (e) {
    console.warn('the built sample tables were not stored; importing the sample file', e);
    return false;
  }
}

/**
 * Into the database file now: left in the write-ahead log, the sample was replayed on every later
 * open (OPFS open 0.8 s instead of ~0.3 s). An in-memory database ignores it.
 */
async function checkpoint(engine: Engine): Promise<void> {
  await engine.exec('CHECKPOINT');
}
