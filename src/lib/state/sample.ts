import sampleUrl from '../../../data/sample-ledger.csv?url';
import type { Engine } from '../db/types';
import { importFile } from '../import';
import { sha256Hex } from '../import/sha';
import { SAMPLE_FILE } from './sampleSnapshot';

/** The sample an earlier visit stored: its dataset id and the SHA-256 of the file it came from. */
export interface StoredSample {
  id: string;
  sha256: string | null;
}

/**
 * Loads the embedded sample through the same import code a user's file goes through, marked as
 * sample. A stored copy of the same file is kept as it is: importing it again took most of a
 * start-up (~5 s of the ~10 s to the first chart in headless Chromium). A stored copy of another
 * version is replaced in one transaction, so repeat decisions taken on sample findings carry over.
 * Throws with a readable message when the sample is missing or does not import cleanly.
 */
export async function loadSample(engine: Engine, stored?: StoredSample): Promise<void> {
  const response = await fetch(sampleUrl);
  if (!response.ok) throw new Error(`${SAMPLE_FILE}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (stored?.sha256 && stored.sha256 === (await sha256Hex(bytes))) return;
  const result = await importFile(engine, { name: SAMPLE_FILE, bytes }, { isSample: true, replaceDatasetId: stored?.id });
  if (!result.ok) {
    const reason = 'error' in result ? `${result.error.code} ${JSON.stringify(result.error.vars ?? {})}` : 'needs a column mapping';
    throw new Error(`${SAMPLE_FILE}: ${reason}`);
  }
  // Into the database file now: left in the write-ahead log, the sample was replayed on every
  // later open (OPFS open 0.8 s instead of ~0.3 s). An in-memory database ignores it.
  await engine.exec('CHECKPOINT');
}
