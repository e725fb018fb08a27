import { openBrowserEngine } from '../db/browser';
import type { Engine } from '../db/types';
import { database } from './database.svelte';
import { loadSample } from './sample';
import { removeSampleDatasets, storedData } from './datasets';
import { busy } from './busy';

/** The database file in the browser's origin-private file system (survives restarts). */
export const OPFS_PATH = 'opfs://xuncha-zhenggai.db';

/**
 * Opens the persistent database; when another tab holds it (OPFS allows one access handle) or
 * OPFS is unavailable, falls back to an in-memory database and says so on the page.
 */
async function openPersistent(): Promise<Engine> {
  try {
    const engine = await openBrowserEngine({ path: OPFS_PATH });
    database.persistent = true;
    return engine;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    database.storageWarning = /Access Handle/i.test(detail) ? 'storage.otherTab' : 'storage.unavailable';
    database.persistent = false;
    return openBrowserEngine();
  }
}

/**
 * Page start: engine, schema, then the embedded sample when no imported data is stored and the
 * URL does not say `sample=off`. The sample is never kept as user data: a stored copy stays only
 * while it is the embedded file itself (same SHA-256), otherwise it is replaced.
 * Marks `body[data-ready]` once the first data is in (e2e contract).
 */
export async function startApp(withSample: boolean): Promise<void> {
  try {
    const engine = await database.start(openPersistent);
    const stored = await storedData(engine);
    const sample = withSample && !stored.hasUserData;
    // The sample is never kept beside imported data or with sample=off; otherwise the stored copy
    // stays if it is the same file, else a fresh copy replaces it (carrying repeat decisions).
    if (!sample && stored.sampleId) await removeSampleDatasets(engine);
    if (sample) {
      database.status = 'loading-sample';
      try {
        const storedSample = stored.sampleId ? { id: stored.sampleId, sha256: stored.sampleSha256 } : undefined;
        await busy.track(() => loadSample(engine, storedSample));
      } catch (e) {
        database.fail('error.sample', e instanceof Error ? e.message : String(e));
      }
    }
    // One catalogue read and cube build, once the data of this start is in place.
    await database.refresh();
    if (database.status !== 'error') database.status = 'ready';
  } catch {
    // database.start has recorded the error for the page.
  } finally {
    document.body.dataset.ready = 'true';
  }
}
