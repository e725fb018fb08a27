import type { Engine } from '../db/types';
import { importFile } from '../import';
import type { DatasetReport, ImportError, MappingRequest, RoundHint, SourceFile } from '../import/types';

/** The mapping dialog's answer: columns for fields, and values for every row where no column has them. */
export interface MappingAnswer {
  mapping: Record<string, string>;
  hint?: RoundHint;
}
import { database } from './database.svelte';
import { busy } from './busy';
import { viewStore } from './view.svelte';
import { removeSampleDatasets } from './datasets';
import { forgetMapping, loadMapping, saveMapping } from './mappings';
import { duplicateQuestion, type DuplicateChoice, type DuplicateQuestion } from './duplicateQuestion';


/** A picked file that was not imported, and why: skipped in a dialog, or cancelled. */
export interface FileOutcome {
  file: string;
  outcome: 'skipped_mapping' | 'skipped_duplicate' | 'skipped_later_version' | 'cancelled';
}

/**
 * A file imported with the column mapping chosen before for the same headers (said, since no dialog
 * showed it); `forgotten` when it gave no finding with it, so the dialog asks again next time.
 */
export interface MappingNote {
  file: string;
  forgotten: boolean;
}

/** A question the import queue waits on (mapping dialog, duplicate file). */
type Pending<T> = { resolve: (answer: T) => void };

/** One file to import, or to import in place of a stored dataset. */
interface Task {
  file: File;
  replaceDatasetId?: string;
}

/**
 * Imports the files the analyst drops or picks, one after another, with progress and cancel.
 * Files dropped (or a replacement picked) while an import runs wait in the queue. It asks for a
 * column mapping when required columns are missing (reusing a saved mapping for the same headers)
 * and what to do with a file imported before. Each file is atomic; every picked file ends up in
 * `reports`, `errors` or `outcomes`.
 */
class Importer {
  running = $state(false);
  progress = $state({ file: '', stage: '', fraction: 0, index: 0, total: 0 });
  reports = $state.raw<DatasetReport[]>([]);
  errors = $state.raw<ImportError[]>([]);
  outcomes = $state.raw<FileOutcome[]>([]);
  mappingNotes = $state.raw<MappingNote[]>([]);
  cancelled = $state(false);
  mappingRequest = $state.raw<MappingRequest | null>(null);
  duplicate = $state.raw<DuplicateQuestion | null>(null);
  #queue: Task[] = [];
  /**
   * The running batch's hold on the page's busy flag, released while a question waits. One per batch: a batch
   * started while the last one refreshes the catalogue (its files picked the moment the KPIs changed) took the
   * last one's over, which then released the new one's and left its own held for good (body[data-busy] stuck).
   */
  #hold: { release: () => void } | null = null;
  #abort: AbortController | null = null;
  #mappingAnswer: Pending<MappingAnswer | null> | null = null;
  #duplicateAnswer: Pending<DuplicateChoice> | null = null;

  /** Imports the files in order (after the running import, if any); results land in `reports`, `errors`, `outcomes`. */
  importFiles(files: File[]): Promise<void> {
    return this.#run(files.map((file) => ({ file })));
  }

  /** Replaces one dataset with a new file, atomically. */
  replaceDataset(file: File, datasetId: string): Promise<void> {
    return this.#run([{ file, replaceDatasetId: datasetId }]);
  }

  /**
   * Whether a cancel would still stop something: the file being read, normalised or written (its
   * transaction is rolled back), a question that waits, or a file waiting its turn. Not once the last
   * file's COMMIT is under way ('save'): that file is stored whatever is clicked (commit.ts).
   */
  get cancellable(): boolean {
    const { stage, index, total } = this.progress;
    const past = stage === 'save' || stage === 'done';
    return this.running && !(past && index + 1 >= total && !this.duplicate && !this.mappingRequest);
  }

  /** Stops the running import and drops the files still waiting; the file being imported leaves no trace. */
  cancel() {
    if (!this.cancellable) return;
    this.cancelled = true;
    this.#abort?.abort();
    this.answerMapping(null);
    this.answerDuplicate('skip');
  }

  /**
   * Forgets the reports of datasets no longer stored (removed), or, without ids (all data cleared),
   * every report, error and outcome: a report must not offer the rows of data that is gone.
   */
  forget(datasetIds?: readonly string[]) {
    if (datasetIds === undefined) {
      this.reports = [];
      this.errors = [];
      this.outcomes = [];
      this.mappingNotes = [];
      return;
    }
    this.reports = this.reports.filter((r) => !datasetIds.includes(r.datasetId));
  }

  /** The mapping dialog's answer (null = skip this file). */
  answerMapping(answer: MappingAnswer | null) {
    this.mappingRequest = null;
    this.#mappingAnswer?.resolve(answer);
    this.#mappingAnswer = null;
  }

  /** The duplicate dialog's answer. */
  answerDuplicate(choice: DuplicateChoice) {
    this.duplicate = null;
    this.#duplicateAnswer?.resolve(choice);
    this.#duplicateAnswer = null;
  }

  async #run(tasks: Task[]): Promise<void> {
    if (tasks.length === 0) return;
    this.#queue.push(...tasks);
    if (this.running) {
      this.progress = { ...this.progress, total: this.progress.total + tasks.length };
      return;
    }
    this.running = true;
    this.cancelled = false;
    this.reports = [];
    this.errors = [];
    this.outcomes = [];
    this.mappingNotes = [];
    // One controller for the whole run: a cancel between two files (while the next is being read)
    // stops the run too.
    const abort = (this.#abort = new AbortController());
    const hold = (this.#hold = { release: busy.begin() });
    try {
      // A file picked or dropped while the engine starts waits for it (before, it was dropped without a word).
      this.progress = { file: tasks[0].file.name, stage: 'start', fraction: 0, index: 0, total: this.#queue.length };
      const engine = await database.whenStarted();
      if (!engine) {
        this.errors = this.#queue.map((t) => ({ file: t.file.name, code: 'engine_unavailable', message: 'import.error.engine_unavailable' }));
        return;
      }
      for (let index = 0; this.#queue.length; index++) {
        const task = this.#queue.shift()!;
        this.progress = { file: task.file.name, stage: 'read', fraction: 0, index, total: index + 1 + this.#queue.length };
        const bytes = abort.signal.aborted ? null : new Uint8Array(await task.file.arrayBuffer());
        if (!bytes || abort.signal.aborted) {
          this.#note(task.file.name, 'cancelled');
          continue;
        }
        await this.#importOne(engine, { name: task.file.name, bytes }, abort.signal, { replaceDatasetId: task.replaceDatasetId });
      }
    } finally {
      this.#queue = [];
      this.#abort = null;
      this.running = false;
      await database.refresh();
      hold.release();
    }
  }

  #note(file: string, outcome: FileOutcome['outcome']) {
    this.outcomes = [...this.outcomes, { file, outcome }];
  }

  async #importOne(
    engine: Engine, file: SourceFile, signal: AbortSignal,
    o: { mapping?: Record<string, string>; replaceDatasetId?: string; replaceDatasetIds?: string[]; updateDatasetIds?: string[];
      roundHint?: RoundHint; allowDuplicate?: boolean },
  ): Promise<void> {
    const result = await importFile(engine, file, {
      params: viewStore.params,
      mapping: o.mapping,
      roundHint: o.roundHint,
      replaceDatasetId: o.replaceDatasetId,
      replaceDatasetIds: o.replaceDatasetIds,
      updateDatasetIds: o.updateDatasetIds,
      allowDuplicate: o.allowDuplicate,
      signal,
      // 'done' is said below, once the file is on disk: a committed import is kept only by the CHECKPOINT
      // that follows it (DuckDB-WASM does not replay its WAL at the next start; helper-113 lost 12 of 12).
      onProgress: (p) => (this.progress = { ...this.progress, stage: p.stage === 'done' ? 'save' : p.stage, fraction: p.fraction }),
    });
    if (result.ok) {
      const duplicate = result.datasets.find((d) => d.duplicateOf || d.laterVersionOf);
      const existing = duplicate?.duplicateOf ?? duplicate?.laterVersionOf?.datasetId;
      if (duplicate && existing) {
        const target = o.replaceDatasetId && o.replaceDatasetId !== existing ? o.replaceDatasetId : undefined;
        const later = duplicate.laterVersionOf;
        const choice = await this.#ask<DuplicateChoice>((p) => {
          this.#duplicateAnswer = p;
          this.duplicate = duplicateQuestion(file.name, duplicate, result.datasets, this.reports, target);
        });
        if (signal.aborted) return this.#note(file.name, 'cancelled');
        if (choice === 'skip') return this.#note(file.name, later ? 'skipped_later_version' : 'skipped_duplicate');
        if (choice === 'keep') return this.#importOne(engine, file, signal, { ...o, allowDuplicate: true });
        // A file holding a part of stored datasets updates their problems it holds; their others stay.
        if (later?.part) return this.#importOne(engine, file, signal, { ...o, updateDatasetIds: later.datasetIds });
        // A later version replaces the datasets it updates or holds, not the other sheets of their files.
        if (later) return this.#importOne(engine, file, signal, { ...o, replaceDatasetIds: later.datasetIds, updateDatasetIds: later.updateIds });
        // Picked to replace another dataset: that one is replaced, the equal one stays.
        if (target) return this.#importOne(engine, file, signal, { ...o, allowDuplicate: true });
        return this.#importOne(engine, file, signal, { ...o, replaceDatasetId: existing });
      }
      // Removes the sample (the analyst's own ledger replaces it) and checkpoints: the file is kept from here on,
      // and only then is it said imported.
      await removeSampleDatasets(engine);
      this.progress = { ...this.progress, stage: 'done', fraction: 1 };
      this.reports = [...this.reports, ...result.datasets];
      return;
    }
    if ('error' in result) {
      if (result.error.code === 'cancelled') return this.#note(file.name, 'cancelled');
      this.errors = [...this.errors, result.error];
      return;
    }
    const request = result.needsMapping;
    const saved = o.mapping ? null : await loadMapping(engine, request.headers);
    const answer = saved ? { mapping: saved } : await this.#ask<MappingAnswer | null>((p) => {
      this.#mappingAnswer = p;
      this.mappingRequest = request;
    });
    if (signal.aborted) return this.#note(file.name, 'cancelled');
    if (!answer) return this.#note(file.name, 'skipped_mapping');
    // The reports this file adds, by identity: a dataset removed meanwhile shortens the list (helper-126).
    const known = new Set(this.reports);
    await this.#importOne(engine, file, signal, { ...o, mapping: answer.mapping, roundHint: answer.hint ?? o.roundHint });
    const added = this.reports.filter((r) => !known.has(r));
    // Remembered once it gave findings (helper-125: a wrong choice that rejected every row was applied to every later
    // file with those headers); a remembered one that now gives none is forgotten, so the dialog asks again. A file
    // with no rows to read (an unfilled template) fails with no_data and adds no report: it forgets nothing.
    const found = added.some((r) => r.rowsAccepted > 0);
    if (!saved && found) await saveMapping(engine, request.headers, answer.mapping);
    if (saved && added.length) {
      if (!found) await forgetMapping(engine, request.headers);
      this.mappingNotes = [...this.mappingNotes, { file: file.name, forgotten: !found }];
    }
  }

  /**
   * Waits for the analyst. The page is not busy meanwhile (nothing is pending but a person: the
   * `busy` contract covers queries and renders), and is again once the answer comes.
   */
  async #ask<T>(open: (pending: Pending<T>) => void): Promise<T> {
    const hold = this.#hold;
    hold?.release();
    // The strip says the import waits for the analyst, not the stage it was in before asking.
    this.progress = { ...this.progress, stage: 'question' };
    try {
      return await new Promise<T>((resolve) => open({ resolve }));
    } finally {
      if (hold) hold.release = busy.begin();
    }
  }
}

export const importer = new Importer();
