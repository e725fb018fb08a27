import type { Engine } from '../db/types';
import { inTransaction } from '../db/transaction';
import { str } from '../queries/sql';
import { mergeTermlessRounds, roundDatesSql } from '../import/round-merge';
import { restoreSupersededSql } from '../import/supersede';

/** Removes one dataset (its findings, issues and provenance) in one transaction, then persists. */
export async function removeDataset(engine: Engine, datasetId: string): Promise<void> {
  await writeAll(engine, [
    ...restoreSupersededSql(datasetId),
    `DELETE FROM findings WHERE dataset_id = ${str(datasetId)}`,
    `DELETE FROM import_issues WHERE dataset_id = ${str(datasetId)}`,
    `DELETE FROM rejected_rows WHERE dataset_id = ${str(datasetId)}`,
    `DELETE FROM datasets WHERE dataset_id = ${str(datasetId)}`,
    ORPHAN_ROUNDS,
    ROUND_DATES,
  ]);
}

/**
 * What is stored at start: the sample's dataset id (if any), whether the analyst's own data is
 * there, and how many repeat decisions the analyst has taken.
 */
export async function storedData(engine: Engine): Promise<{ sampleId: string | null; sampleSha256: string | null; hasUserData: boolean; decisions: number }> {
  const [row] = await engine.query<{ sample_id: string | null; sample_sha: string | null; user_datasets: number; decisions: number }>(
    `SELECT min(dataset_id) FILTER (WHERE is_sample) AS sample_id, min(sha256) FILTER (WHERE is_sample) AS sample_sha,
      CAST(count(*) FILTER (WHERE NOT is_sample) AS INTEGER) AS user_datasets,
      (SELECT CAST(count(*) AS INTEGER) FROM repeat_decisions) AS decisions FROM datasets`);
  return {
    sampleId: row?.sample_id ?? null, sampleSha256: row?.sample_sha ?? null,
    hasUserData: (row?.user_datasets ?? 0) > 0, decisions: row?.decisions ?? 0,
  };
}

/**
 * Removes the embedded sample (it is reloaded fresh while no imported data is stored), then checkpoints,
 * which is what keeps an import that has just committed (writeAll): the importer says a file imported only after it.
 */
export async function removeSampleDatasets(engine: Engine): Promise<void> {
  const sample = `(SELECT dataset_id FROM datasets WHERE is_sample)`;
  await writeAll(engine, [
    `DELETE FROM findings WHERE dataset_id IN ${sample}`,
    `DELETE FROM import_issues WHERE dataset_id IN ${sample}`,
    `DELETE FROM rejected_rows WHERE dataset_id IN ${sample}`,
    `DELETE FROM datasets WHERE is_sample`,
    ORPHAN_ROUNDS,
    ROUND_DATES,
  ]);
}

/** Deletes every dataset and analyst decision ("clear all", behind a confirmation). */
export async function clearAll(engine: Engine): Promise<void> {
  await writeAll(engine, [
    'DELETE FROM findings', 'DELETE FROM superseded_findings', 'DELETE FROM import_issues', 'DELETE FROM rejected_rows', 'DELETE FROM datasets', 'DELETE FROM rounds',
    'DELETE FROM repeat_decisions', 'DELETE FROM saved_mappings',
  ]);
}

// Rounds are shared by datasets; one with no findings left goes with its last dataset, and one
// that keeps findings takes the first feedback date and year of those left (as the import's upsert does).
const ORPHAN_ROUNDS = `DELETE FROM rounds WHERE round_key NOT IN (SELECT DISTINCT round_key FROM findings)`;
const ROUND_DATES = roundDatesSql();

/** Runs the statements in one transaction, then persists. */
async function writeAll(engine: Engine, statements: string[]): Promise<void> {
  await inTransaction(engine, async (tx) => {
    for (const s of statements) await tx.exec(s);
    // Rows of a round written without its term may belong elsewhere once a file is gone (round-merge.ts).
    await mergeTermlessRounds(tx);
  });
  // Persist to OPFS now; an in-memory database ignores it.
  await engine.exec('CHECKPOINT');
}
