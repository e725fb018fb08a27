import sampleUrl from '../../../data/sample-ledger.csv?url';
import type { Engine } from '../db/types';
import { importFile } from '../import';

/** File name the sample carries in the datasets list. */
export const SAMPLE_FILE = 'sample-ledger.csv';

/**
 * With `replaceDatasetId` (the sample stored by an earlier visit) the fresh copy replaces it in
 * one transaction, so repeat decisions the analyst took on sample findings carry over.
 * Loads the embedded sample through the same import code a user's file goes through, marked as
 * sample. Throws with a readable message when the sample is missing or does not import cleanly.
 */
export async function loadSample(engine: Engine, replaceDatasetId?: string): Promise<void> {
  const response = await fetch(sampleUrl);
  if (!response.ok) throw new Error(`${SAMPLE_FILE}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const result = await importFile(engine, { name: SAMPLE_FILE, bytes }, { isSample: true, replaceDatasetId });
  if (!result.ok) {
    const reason = 'error' in result ? `${result.error.code} ${JSON.stringify(result.error.vars ?? {})}` : 'needs a column mapping';
    throw new Error(`${SAMPLE_FILE}: ${reason}`);
  }
}
