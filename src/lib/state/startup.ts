import { openBrowserEngine } from '../db/browser';
import type { Engine } from '../db/types';
import { database } from './database.svelte';
import { loadSample } from './sample';
import { removeSampleDatasets, storedData } from './datasets';
import { tick } from 'svelte';
import { busy } from './busy';
import { clearingMarkerOnWrite, markStoredSample, opensOnSample } from './sampleMarker';
import { wipeIfRequested } from './wipe';
import type { SampleSnapshot } from './sampleSnapshot';

/** The database file in the browser's origin-private file system (survives restarts). */
const OPFS_FILE = 'xuncha-zhenggai.db';
export const OPFS_PATH = `opfs://${OPFS_FILE}`;

/**
 * Opens the persistent database; when another tab holds it (OPFS allows one access handle) or
 * OPFS is unavailable, falls back to an in-memory database and says so on the page.
 */
async function openPersistent(): Promise<Engine> {
  try {
    const engine = await openBrowserEngine({ path: OPFS_PATH });
    database.persistent = true;
    return clearingMarkerOnWrite(engine);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    database.storageWarning = /Access Handle/i.test(detail) ? 'storage.otherTab' : 'storage.unavailable';
    database.persistent = false;
    return openBrowserEngine();
  }
}

// The database file deleted first when "clear all" asked for it (wipe.ts): before anything opens it.
const wiped: Promise<boolean> = wipeIfRequested([OPFS_FILE, `${OPFS_FILE}.wal`]).catch(() => false);

/**
 * The build-time snapshot of the sample when the page will open on that sample (sampleMarker.ts),
 * else null (also right after a wipe, which opens on no data). Started as this module loads, before the page mounts, so that the snapshot is on its
 * way while the page is built; a start on imported data fetches none.
 */
const openingSnapshot: Promise<SampleSnapshot | null> = (async () => {
  let snapshot: Promise<SampleSnapshot> | null = null;
  const load = () => (snapshot ??= import('virtual:sample-snapshot').then((m) => m.default));
  if (await wiped) return null;
  return (await opensOnSample(OPFS_FILE, async () => (await load()).sampleSha256)) ? load() : null;
})().catch((e) => {
  console.warn('sample snapshot not shown', e);
  return null;
});

/** Draws the dashboard from the sample snapshot when the page opens on it; true once it is painted. */
async function previewSample(): Promise<boolean> {
  const snapshot = await openingSnapshot;
  if (!snapshot) return false;
  try {
    await database.showPreview(snapshot);
    await tick();
    // Two frames: the snapshot's charts are painted before the engine's 34 MB compile takes the
    // cores. A hidden tab gets no frames, so it waits 0.5 s at most.
    await new Promise((painted) => {
      requestAnimationFrame(() => requestAnimationFrame(painted));
      setTimeout(painted, 500);
    });
    performance.mark('start:preview');
    return true;
  } catch (e) {
    console.warn('sample snapshot not shown', e);
    database.endPreview();
    return false;
  }
}

/**
 * Page start: engine, schema, then the embedded sample when no imported data is stored and the
 * URL does not say `sample=off`. The sample is never kept as user data: a stored copy stays only
 * while it is the embedded file itself (same SHA-256), otherwise it is replaced.
 * Marks `body[data-ready]` once the first data is in (e2e contract); the page is busy until then, also
 * between the steps (`body[data-busy]` went "false" for a frame between the engine's start and the stored
 * data's catalogue, helper-123).
 */
export async function startApp(asked: boolean): Promise<void> {
  const starting = busy.begin();
  try {
    // Just after "clear all" the page opens on no data, as the clearing left it.
    const withSample = asked && !(await wiped);
    // When the snapshot is shown the engine starts after it is painted: started together, the two
    // competed for the cores and the first chart came later.
    if (withSample) await previewSample();
    // The second engine only ever holds a copy of the cube: in memory, nothing to persist.
    const engine = await database.start(openPersistent, () => openBrowserEngine());
    performance.mark('start:schema');
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
    performance.mark('start:data');
    // One catalogue read and cube build, once the data of this start is in place.
    await database.refresh();
    performance.mark('start:catalogue');
    if (database.status !== 'error') database.status = 'ready';
    // The next start may open on the snapshot only if what is stored now is the sample alone, with
    // no decision taken on it. A stored sample is always the embedded file (loadSample replaces
    // any other version), so its SHA-256 is the one the snapshot carries.
    if (database.persistent) {
      const onlySample = database.status === 'ready' && database.sampleOnly && stored.decisions === 0;
      markStoredSample(onlySample ? database.datasets[0].sha256 : null);
    }
  } catch {
    // database.start has recorded the error for the page.
  } finally {
    database.endPreview();
    document.body.dataset.ready = 'true';
    starting();
  }
}
