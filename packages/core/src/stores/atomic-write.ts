import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** File mode of the written file, e.g. `0o600` for files that hold account data. Default `0o666` less the umask. */
  mode?: number;
}

const tempPattern = /^\..+\.reelsmith-[0-9a-f-]{36}\.tmp$/;

/**
 * Writes a file so that readers see either the old content or the new one, never a partial file:
 * the bytes go to a unique temporary file in the same directory, which is flushed to disk and then
 * renamed over the target; the directory is flushed too (best effort, not every platform allows it).
 * On failure the temporary file is removed and the target is left as it was.
 *
 * The directory must exist.
 *
 * @example
 * ```ts
 * await writeFileAtomic('/var/reelsmith/tokens.json', JSON.stringify(tokens), { mode: 0o600 });
 * ```
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const directory = dirname(path);
  const tempPath = join(directory, `.${basename(path)}.reelsmith-${randomUUID()}.tmp`);
  let renamed = false;
  try {
    const handle = await open(tempPath, 'wx', options.mode ?? 0o666);
    try {
      // The umask may have dropped bits from the requested mode; set it exactly.
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
    renamed = true;
  } finally {
    if (!renamed) await unlink(tempPath).catch(() => undefined);
  }
  await syncDirectory(directory);
}

/** True for the name of a temporary file left by {@link writeFileAtomic} while it writes. */
export function isAtomicWriteTempFile(name: string): boolean {
  return tempPattern.test(name);
}

// ---------------------------------------------------------------------------------------------

/** Flushes a directory entry (the rename) to disk. Windows and some file systems refuse; that is fine. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort.
  }
}
