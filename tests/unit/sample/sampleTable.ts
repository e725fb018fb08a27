// Loads the committed sample into a real DuckDB-WASM engine as table `sample` (all text), the
// way the importer first stages a file, so the sample tests read it as the app will.
import { readFileSync } from 'node:fs';
import { openNodeEngine } from '../../../src/lib/db/node';
import { registeredFile } from '../../../src/lib/db/settings';
import type { Engine } from '../../../src/lib/db/types';

/** Repository-relative path of the committed sample. */
export const SAMPLE_PATH = new URL('../../../data/sample-ledger.csv', import.meta.url);

/** The as-of date of the sample snapshot. */
export const AS_OF = '2026-06-30';

/** Raw status words of DOMAIN.md §3.3 by normalised status (the test's own copy of the table). */
export const STATUS_VOCAB = {
  completed: ['已完成', '已完成整改', '完成整改', '已整改', '已整改到位', '已销号'],
  basically_completed: ['基本完成', '基本完成取得阶段性成果并持续整改', '长期任务取得阶段性成果', '取得阶段性成效'],
  in_progress: ['正在整改', '正在推进', '按序时进度推进', '序时任务', '持续推进', '滞后任务', '未按期'],
  not_completed: ['未完成', '未整改'],
};

/** Opens an engine with the sample staged as table `sample`. */
export async function openSample(): Promise<Engine & { close(): void }> {
  const engine = await openNodeEngine();
  await engine.registerFile(registeredFile('sample.csv'), new Uint8Array(readFileSync(SAMPLE_PATH)));
  await engine.exec(
    `CREATE TABLE sample AS SELECT * FROM read_csv('${registeredFile('sample.csv')}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`,
  );
  return engine;
}

/** SQL list literal of the completed status words. */
export const COMPLETED_SQL = STATUS_VOCAB.completed.map((s) => `'${s}'`).join(', ');
