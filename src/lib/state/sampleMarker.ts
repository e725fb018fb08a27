import type { Engine } from '../db/types';

/**
 * Whether the page will open on the embedded sample, known before the engine starts, so the
 * build-time snapshot may be shown (sampleSnapshot.ts). Two cases qualify:
 * - no database file in the origin-private file system yet (a first visit: the sample is loaded);
 * - a marker in localStorage naming the sample's SHA-256, set at the end of a start that found
 *   exactly that sample and no analyst decision, and cleared by the first write to the database
 *   after it (see `clearingMarkerOnWrite`). Anything else opens on the live engine alone.
 */
const MARKER = 'xuncha-zhenggai:stored-sample';

/**
 * True when the page will open on the embedded sample (see above). `sampleSha` is asked only when
 * a marker is there to compare with, so a start on imported data loads no snapshot.
 */
export async function opensOnSample(databaseFile: string, sampleSha: () => Promise<string>): Promise<boolean> {
  const marker = readMarker();
  if (marker !== null) return marker === (await sampleSha());
  return !(await fileExists(databaseFile));
}

/** Records that the stored data is exactly the sample `sha` (null: it is not, or unknown). */
export function markStoredSample(sha: string | null): void {
  try {
    if (sha) localStorage.setItem(MARKER, sha);
    else localStorage.removeItem(MARKER);
  } catch {
    // Storage refused (private mode, quota): the page simply opens on the live engine.
  }
}

/**
 * `engine`, clearing the marker before every write (exec, insert, file): a start re-sets it only
 * after checking what is stored, so a marker can never outlive a change to the data.
 */
export function clearingMarkerOnWrite<E extends Engine>(engine: E): E {
  const clear = () => markStoredSample(null);
  return {
    ...engine,
    exec: (sql) => (clear(), engine.exec(sql)),
    registerFile: (name, bytes) => (clear(), engine.registerFile(name, bytes)),
    insertArrowIPC: (table, ipc, schema) => (clear(), engine.insertArrowIPC(table, ipc, schema)),
    insertJSONRows: (table, rows, schema) => (clear(), engine.insertJSONRows(table, rows, schema)),
    transaction: (work) => engine.transaction((tx) => work(clearingMarkerOnWrite(tx))),
  };
}

function readMarker(): string | null {
  try {
    return localStorage.getItem(MARKER);
  } catch {
    return null;
  }
}

/** Whether `name` exists at the root of the origin-private file system; false when OPFS is unavailable. */
async function fileExists(name: string): Promise<boolean> {
  try {
    await (await navigator.storage.getDirectory()).getFileHandle(name);
    return true;
  } catch (e) {
    return !(e instanceof DOMException && e.name === 'NotFoundError') && !(e instanceof TypeError);
  }
}
