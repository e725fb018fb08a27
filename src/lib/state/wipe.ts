/**
 * "Clear all" deletes every row, but DuckDB keeps the blocks it frees inside its file without
 * overwriting them: the ledgers would stay readable on the disk and the storage used would not drop.
 * So once the rows are deleted the page asks for the database file itself to go and reloads; the
 * next start deletes the file and its WAL before the engine opens them (the old page's worker has
 * let go of its handle by then) and opens on an empty database, without the sample for that start.
 * A request not carried out within a minute (another tab held the file) is dropped: by then the
 * file may hold data imported since.
 */
const FLAG = 'xuncha-zhenggai:wipe-database';
const VALID_MS = 60_000;
const ATTEMPTS = 30;
const PAUSE_MS = 100;

/** Asks the next start to delete the database file (see above). */
export function requestWipe(): void {
  try {
    localStorage.setItem(FLAG, String(Date.now()));
  } catch {
    // Storage refused: the rows are deleted all the same, the file keeps its freed blocks.
  }
}

/** Deletes `files` from the origin-private file system when a wipe was asked for just now; true once done. */
export async function wipeIfRequested(files: string[]): Promise<boolean> {
  let asked: number;
  try {
    asked = Number(localStorage.getItem(FLAG));
    localStorage.removeItem(FLAG);
  } catch {
    return false;
  }
  if (!asked || Date.now() - asked > VALID_MS) return false;
  const root = await navigator.storage.getDirectory();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      for (const name of files) await removeIfThere(root, name);
      return true;
    } catch (e) {
      // The old page's worker may still hold the file for a moment.
      if (!(e instanceof DOMException) || attempt === ATTEMPTS - 1) return false;
      await new Promise((r) => setTimeout(r, PAUSE_MS));
    }
  }
  return false;
}

async function removeIfThere(root: FileSystemDirectoryHandle, name: string): Promise<void> {
  try {
    await root.removeEntry(name);
  } catch (e) {
    if (!(e instanceof DOMException && e.name === 'NotFoundError')) throw e;
  }
}
