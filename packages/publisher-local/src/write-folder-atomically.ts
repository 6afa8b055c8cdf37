import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isTempFolderName, tempFolderName } from './folder-name.js';

/** Writes the files of a folder being built. */
export interface FolderWriter {
  /** Writes one file (new, flushed to disk). */
  write(name: string, data: string | Uint8Array): Promise<void>;
}

/** Temporary folders older than this are left-overs of a crashed publish and are removed. */
const staleTempAgeMs = 24 * 60 * 60 * 1000;

/**
 * Builds the folder `parent/name` so that it appears complete or not at all: `fill` writes into
 * a hidden temporary folder (`.<name>.reelsmith-<uuid>.tmp`) in `parent`, whose files and entry are
 * flushed to disk, and which is then renamed to `name`. A folder already at `name` is first moved
 * aside and removed after the swap. When `fill` throws (or the signal aborts before the rename),
 * the temporary folder is removed and nothing appears. `parent` must exist.
 */
export async function writeFolderAtomically(
  parent: string,
  name: string,
  fill: (writer: FolderWriter) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const temp = join(parent, tempFolderName(name));
  await mkdir(temp);
  try {
    await fill({ write: (file, data) => writeDurable(join(temp, file), data) });
    await syncDirectory(temp);
    signal?.throwIfAborted();
    await moveIntoPlace(parent, name, temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(parent);
}

/** Removes temporary folders of publishes that crashed more than a day ago. Best effort. */
export async function removeStaleTempFolders(parent: string, now = Date.now()): Promise<void> {
  try {
    for (const entry of await readdir(parent, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isTempFolderName(entry.name)) continue;
      const path = join(parent, entry.name);
      const { mtimeMs } = await stat(path);
      if (now - mtimeMs > staleTempAgeMs) await rm(path, { recursive: true, force: true });
    }
  } catch {
    // Never let housekeeping fail a publish.
  }
}

// ---------------------------------------------------------------------------------------------

async function moveIntoPlace(parent: string, name: string, temp: string): Promise<void> {
  const target = join(parent, name);
  try {
    await rename(temp, target);
    return;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
  }
  // Replace an earlier folder of the same name (a re-publish of the same marker).
  const old = join(parent, tempFolderName(name, 'old'));
  await rename(target, old);
  await rename(temp, target);
  await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

async function writeDurable(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot flush a directory; the rename is still atomic.
  }
}
