import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import type { CheckpointStore } from '../spec/checkpoint-store.js';
import { isAtomicWriteTempFile, writeFileAtomic } from './atomic-write.js';
import {
  assertCheckpointAddress,
  assertCheckpointRunId,
  decodeCheckpointRecord,
  encodeCheckpointRecord,
} from './checkpoint-record.js';
import { isNotFoundError, storageError } from './file-system-errors.js';
import { decodeFileName, encodeFileName } from './safe-file-name.js';

/** Options of {@link createFileCheckpointStore}. */
export interface FileCheckpointStoreOptions {
  /** The provider id, shown in events and errors. Default `file-checkpoints`. */
  id?: string;
}

/**
 * A {@link CheckpointStore} that keeps each record in its own JSON file:
 * `<dir>/<run id>/<key>.json`, with run ids and keys encoded into safe file names (so
 * `publish:youtube`, `a/b` or `..` never leave `dir`). Each file holds
 * `{ format, runId, key, savedAt, sha256, value }`; the checksum covers the canonical JSON of the value.
 *
 * Writes are atomic (temporary file, fsync, rename), files get mode `0o600` and directories `0o700`
 * because checkpoints may hold account data. A torn or tampered record makes `get` reject with a
 * `CheckpointCorruptError`. Nothing touches the disk until the first call.
 *
 * @example
 * ```ts
 * const checkpoints = createFileCheckpointStore('.reelsmith/checkpoints');
 * await checkpoints.set('run-42', 'script', script);
 * ```
 */
export function createFileCheckpointStore(
  dir: string,
  options: FileCheckpointStoreOptions = {},
): CheckpointStore {
  const id = options.id ?? 'file-checkpoints';
  validateOptions(dir, id);
  const root = resolve(dir);
  const runPath = (runId: string) => join(root, encodeFileName(runId));
  const recordPath = (runId: string, key: string) => join(runPath(runId), `${encodeFileName(key)}.json`);

  return {
    specificationVersion: 'v1',
    id,
    capability: 'checkpoint-store',

    async get(runId, key) {
      assertCheckpointAddress(runId, key, id);
      let text: string;
      try {
        text = await readFile(recordPath(runId, key), 'utf8');
      } catch (error) {
        if (isNotFoundError(error)) return undefined;
        throw storageError(id, `read checkpoint ${runId}/${key}`, error);
      }
      return decodeCheckpointRecord(runId, key, text);
    },

    async set(runId, key, value) {
      const text = encodeCheckpointRecord(runId, key, value, id);
      const write = async () => {
        await mkdir(runPath(runId), { recursive: true, mode: 0o700 });
        await writeFileAtomic(recordPath(runId, key), text, { mode: 0o600 });
      };
      try {
        try {
          await write();
        } catch (error) {
          // A concurrent `clear` may have removed the run directory between mkdir and write.
          if (!isNotFoundError(error)) throw error;
          await write();
        }
      } catch (error) {
        throw storageError(id, `write checkpoint ${runId}/${key}`, error);
      }
    },

    async delete(runId, key) {
      assertCheckpointAddress(runId, key, id);
      await rm(recordPath(runId, key), { force: true }).catch((error: unknown) => {
        throw storageError(id, `delete checkpoint ${runId}/${key}`, error);
      });
    },

    async keys(runId) {
      assertCheckpointRunId(runId, id);
      const directory = runPath(runId);
      const keys: string[] = [];
      for (const file of await recordFiles(directory, id)) {
        const key = await nameOf(join(directory, file), file.slice(0, -'.json'.length), 'key');
        if (key !== undefined) keys.push(key);
      }
      return keys.sort();
    },

    async runs() {
      let entries: { name: string; isDirectory(): boolean }[];
      try {
        entries = await readdir(root, { withFileTypes: true });
      } catch (error) {
        if (isNotFoundError(error)) return [];
        throw storageError(id, 'list checkpoint runs', error);
      }
      const runs: string[] = [];
      for (const entry of entries) {
        if (!entry.isDirectory()) continue;
        const directory = join(root, entry.name);
        const files = await recordFiles(directory, id);
        if (files.length === 0) continue;
        const runId = await firstName(directory, files, entry.name);
        if (runId !== undefined) runs.push(runId);
      }
      return runs.sort();
    },

    async clear(runId) {
      assertCheckpointRunId(runId, id);
      await rm(runPath(runId), { recursive: true, force: true }).catch((error: unknown) => {
        throw storageError(id, `clear checkpoints of run ${runId}`, error);
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------

function validateOptions(dir: unknown, id: unknown): void {
  if (typeof dir !== 'string' || dir.length === 0) {
    throw new ConfigError('createFileCheckpointStore', [
      {
        field: 'dir',
        problem: 'expected a non-empty directory path',
        fix: 'pass the folder for checkpoints',
      },
    ]);
  }
  if (typeof id !== 'string' || id.length === 0) {
    throw new ConfigError('createFileCheckpointStore', [
      { field: 'id', problem: 'expected a non-empty string', fix: 'leave it out or pass a name' },
    ]);
  }
}

/** Names of the record files in a run directory (finished writes only). */
async function recordFiles(directory: string, id: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !isAtomicWriteTempFile(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    if (isNotFoundError(error)) return [];
    throw storageError(id, 'list checkpoints', error);
  }
}

/**
 * The run id or key behind an encoded file name. Hashed (overlong) names cannot be decoded, so the
 * name is read from the record itself and checked against the file name.
 */
async function nameOf(path: string, encoded: string, field: 'runId' | 'key'): Promise<string | undefined> {
  const decoded = decodeFileName(encoded);
  if (decoded !== undefined) return decoded;
  try {
    const name = (JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>)[field];
    return typeof name === 'string' && encodeFileName(name) === encoded ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The run id of a run directory, from its name or else from the first readable record in it. */
async function firstName(directory: string, files: string[], encoded: string): Promise<string | undefined> {
  const decoded = decodeFileName(encoded);
  if (decoded !== undefined) return decoded;
  for (const file of files) {
    const runId = await nameOf(join(directory, file), encoded, 'runId');
    if (runId !== undefined) return runId;
  }
  return undefined;
}
