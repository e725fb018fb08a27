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
import { loadMapping, saveMapping } from './mappings';

/** What the analyst decides when a file was imported before (same SHA-256). */
export type DuplicateChoice = 'replace' | 'skip';

/** A question the import queue waits on (mapping dialog, duplicate file). */
type Pending<T> = { resolve: (answer: T) => void };

/**
 * Imports the files the analyst drops or picks, one after another, with progress and cancel.
 * It asks for a column mapping when required columns are missing (reusing a saved mapping for
 * the same headers) and what to do with a file imported before. Each file is atomic.
 */
class Importer {
  running = $state(false);
  progress = $state({ file: '', stage: '', fraction: 0, index: 0, total: 0 });
  reports = $state.raw<DatasetReport[]>([]);
  errors = $state.raw<ImportError[]>([]);
  mappingRequest = $state.raw<MappingRequest | null>(null);
  duplicate = $state.raw<{ file: string; existing: string } | null>(null);
  #abort: AbortController | null = null;
  #mappingAnswer: Pending<MappingAnswer | null> | null = null;
  #duplicateAnswer: Pending<DuplicateChoice> | null = null;

  /** Imports the files in order; results land in `reports` and `errors`. */
  async importFiles(files: File[]): Promise<void> {
    const engine = database.engine;
    if (!engine || this.running || files.length === 0) return;
    this.running = true;
    this.reports = [];
    this.errors = [];
    const done = busy.begin();
    try {
      for (const [index, file] of files.entries()) {
        if (this.#abort?.signal.aborted) break;
        this.progress = { file: file.name, stage: 'read', fraction: 0, index, total: files.length };
        const bytes = new Uint8Array(await file.arrayBuffer());
        await this.#importOne(engine, { name: file.name, bytes });
      }
    } finally {
      this.#abort = null;
      this.running = false;
      await database.refresh();
      done();
    }
  }

  /** Replaces one dataset with a new file, atomically. */
  async replaceDataset(file: File, datasetId: string): Promise<void> {
    const engine = database.engine;
    if (!engine || this.running) return;
    this.running = true;
    this.reports = [];
    this.errors = [];
    const done = busy.begin();
    try {
      this.progress = { file: file.name, stage: 'read', fraction: 0, index: 0, total: 1 };
      await this.#importOne(engine, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, undefined, datasetId);
    } finally {
      this.running = false;
      await database.refresh();
      done();
    }
  }

  /** Stops the running import; the file being imported leaves no trace. */
  cancel() {
    this.#abort?.abort();
    this.answerMapping(null);
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

  async #importOne(engine: Engine, file: SourceFile, mapping?: Record<string, string>, replaceDatasetId?: string, roundHint?: RoundHint): Promise<void> {
    this.#abort = new AbortController();
    const result = await importFile(engine, file, {
      params: viewStore.params,
      mapping,
      roundHint,
      replaceDatasetId,
      signal: this.#abort.signal,
      onProgress: (p) => (this.progress = { ...this.progress, stage: p.stage, fraction: p.fraction }),
    });
    if (result.ok) {
      const duplicate = result.datasets.find((d) => d.duplicateOf);
      if (duplicate?.duplicateOf) {
        const choice = await this.#ask<DuplicateChoice>((p) => {
          this.#duplicateAnswer = p;
          this.duplicate = { file: file.name, existing: duplicate.duplicateOf! };
        });
        if (choice === 'replace') return this.#importOne(engine, file, mapping, duplicate.duplicateOf, roundHint);
        return;
      }
      this.reports = [...this.reports, ...result.datasets];
      await removeSampleDatasets(engine);
      return;
    }
    if ('error' in result) {
      this.errors = [...this.errors, result.error];
      return;
    }
    const request = result.needsMapping;
    const saved = mapping ? null : await loadMapping(engine, request.headers);
    const answer = saved ? { mapping: saved } : await this.#ask<MappingAnswer | null>((p) => {
      this.#mappingAnswer = p;
      this.mappingRequest = request;
    });
    if (!answer) return;
    if (!saved) await saveMapping(engine, request.headers, answer.mapping);
    return this.#importOne(engine, file, answer.mapping, replaceDatasetId, answer.hint ?? roundHint);
  }

  #ask<T>(open: (pending: Pending<T>) => void): Promise<T> {
    return new Promise<T>((resolve) => open({ resolve }));
  }
}

export const importer = new Importer();
