import type { DatasetReport } from '../import/types';
import { database } from './database.svelte';

/**
 * What the analyst decides when a file was imported before (same SHA-256), or looks like a later
 * version of a dataset (later-version.ts): replace it (or, for a file holding a part of it, update
 * those problems), keep both (a later version only), or skip.
 */
export type DuplicateChoice = 'replace' | 'keep' | 'skip';

/** The duplicate question: the file, the stored dataset it equals, and the dataset it was to replace. */
export interface DuplicateQuestion {
  file: string;
  existing: string;
  existingName: string;
  /** Set when the file was picked to replace another dataset than the one it equals. */
  targetName?: string;
  /**
   * Set when the file is not identical but holds most of the dataset's problems again; `held` when it holds several
   * datasets' (a 汇总); `part` when it holds only some of their problems (a 立行立改 list): it updates those.
   */
  later?: { same: number; rows: number; held: number; part?: boolean; older?: { asOf: string; storedAsOf: string };
    /** Beside the datasets replaced, those only some of whose problems the file holds: updated (LaterVersion.updateIds). */
    updatedNames?: string };
}

/**
 * The question for a file whose import found `duplicate` (a report saying which stored dataset it equals or
 * updates), naming every stored dataset the answer acts on: all sheets of an identical workbook, not the first.
 */
export function duplicateQuestion(file: string, duplicate: DatasetReport, all: DatasetReport[], batch: DatasetReport[], target?: string): DuplicateQuestion {
  const later = duplicate.laterVersionOf;
  const existing = duplicate.duplicateOf ?? later?.datasetId ?? '';
  const equal = [...new Set(all.flatMap((d) => (d.duplicateOf ? [d.duplicateOf] : [])))];
  const names = (later?.datasetIds ?? (equal.length ? equal : [existing])).map((id) => datasetName(id, batch)).join('、');
  return {
    file, existing, existingName: names, ...(target ? { targetName: datasetName(target, batch) } : {}),
    ...(later ? { later: { same: later.same, rows: later.rows, held: later.datasetIds.length, ...(later.part ? { part: true } : {}),
      ...(later.updateIds?.length ? { updatedNames: later.updateIds.map((id) => datasetName(id, batch)).join('、') } : {}),
      ...(later.older && later.asOf && later.storedAsOf ? { older: { asOf: later.asOf, storedAsOf: later.storedAsOf } } : {}) } } : {}),
  };
}

/**
 * A stored dataset as the analyst knows it: its file, and its sheet when it has one. The catalogue
 * is refreshed when a batch ends, so a dataset stored earlier in the same batch is found in its report.
 */
function datasetName(id: string, batch: DatasetReport[]): string {
  const d = database.datasets.find((x) => x.dataset_id === id);
  if (d) return d.sheet ? `${d.file_name} / ${d.sheet}` : d.file_name;
  const r = batch.find((x) => x.datasetId === id);
  return r ? (r.sheet ? `${r.file} / ${r.sheet}` : r.file) : id;
}
