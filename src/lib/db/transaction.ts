import type { Engine } from './types';

/**
 * Runs `work` inside one transaction: COMMIT when it resolves; when it throws, ROLLBACK (a failed
 * rollback is ignored) and the original error is rethrown, so nothing of it stays.
 */
export async function inTransaction(engine: Engine, work: () => Promise<void>): Promise<void> {
  await engine.exec('BEGIN TRANSACTION');
  try {
    await work();
    await engine.exec('COMMIT');
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
