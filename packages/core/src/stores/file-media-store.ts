import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { ReelsmithError } from '../errors/reelsmith-error.js';
import type { MediaRef } from '../spec/media.js';
import type { MediaStore } from '../spec/media-store.js';
import { isAtomicWriteTempFile, writeFileAtomic } from './atomic-write.js';
import { isNotFoundError, storageError } from './file-system-errors.js';
import { assertMediaKey } from './media-key.js';

/** Options of {@link createFileMediaStore}. */
export interface FileMediaStoreOptions {
  /** The store id written into every {@link MediaRef}. Default `file-media`. */
  id?: string;
  /**
   * The public URL under which `dir` is served (e.g. by a CDN or a static host), so platforms that
   * pull media (Instagram) can fetch it. `publicUrl(ref)` returns this plus the key.
   */
  publicBaseUrl?: string;
}

/** A {@link MediaStore} on the local disk; `localPath` and `publicUrl` are always present. */
export interface FileMediaStore extends MediaStore {
  /** The absolute path of the stored file, or `undefined` when nothing is stored under the key. */
  localPath(ref: MediaRef | string): Promise<string | undefined>;
  /** `publicBaseUrl` plus the key (each segment URL-encoded), or `undefined` when no base URL is set. */
  publicUrl(ref: MediaRef | string): Promise<string | undefined>;
}

/**
 * A {@link MediaStore} that keeps each item as a plain file `<dir>/<key>`. Keys are relative POSIX
 * paths and are checked so none can leave `dir`. `put` writes atomically and returns a
 * {@link MediaRef} with the size and SHA-256 of the bytes; `get(ref)` checks both and rejects with a
 * `ReelsmithError` when the file was changed or truncated since. Nothing touches the disk until the
 * first call.
 *
 * @example
 * ```ts
 * const media = createFileMediaStore('.reelsmith/media');
 * const ref = await media.put('run-42/video.mp4', bytes, 'video/mp4');
 * ```
 */
export function createFileMediaStore(dir: string, options: FileMediaStoreOptions = {}): FileMediaStore {
  const id = options.id ?? 'file-media';
  const publicBaseUrl = validateOptions(dir, id, options.publicBaseUrl);
  const root = resolve(dir);
  const pathOf = (key: string) => join(root, ...key.split('/'));
  const keyOf = (ref: MediaRef | string): string => {
    const key = typeof ref === 'string' ? ref : (ref as MediaRef | undefined)?.key;
    assertMediaKey(key, id);
    return key;
  };

  return {
    specificationVersion: 'v1',
    id,
    capability: 'media-store',

    async put(key, data, mediaType, callOptions) {
      assertMediaKey(key, id);
      validatePut(id, data, mediaType);
      callOptions?.signal?.throwIfAborted();
      const sha256 = createHash('sha256').update(data).digest('hex');
      const path = pathOf(key);
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, data);
      } catch (error) {
        throw storageError(id, `store media ${key}`, error);
      }
      return { store: id, key, mediaType, size: data.byteLength, sha256 };
    },

    async get(ref, callOptions) {
      const key = keyOf(ref);
      callOptions?.signal?.throwIfAborted();
      let buffer: Buffer;
      try {
        buffer = await readFile(pathOf(key), { signal: callOptions?.signal });
      } catch (error) {
        if (isNotFoundError(error) || (error as { code?: unknown }).code === 'EISDIR') {
          throw new ReelsmithError(`[reelsmith] media ${key} not found in ${id}.`, { cause: error });
        }
        throw storageError(id, `read media ${key}`, error);
      }
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      if (typeof ref !== 'string') verifyBytes(id, ref, bytes);
      return bytes;
    },

    async has(ref) {
      return (await fileSize(pathOf(keyOf(ref)))) !== undefined;
    },

    async delete(ref) {
      const key = keyOf(ref);
      await rm(pathOf(key), { force: true }).catch((error: unknown) => {
        throw storageError(id, `delete media ${key}`, error);
      });
    },

    async list(prefix = '') {
      if (typeof prefix !== 'string') {
        throw new ConfigError(id, [
          { field: 'prefix', problem: `expected a string, got ${typeof prefix}`, fix: 'pass a key prefix' },
        ]);
      }
      // Walk only the folder the prefix names; a folder that is not a valid key path holds no keys.
      const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      if (base !== '' && !isValidKey(base.slice(0, -1), id)) return [];
      const keys: string[] = [];
      try {
        await walk(root, base, keys);
      } catch (error) {
        throw storageError(id, 'list media', error);
      }
      return keys.filter((key) => key.startsWith(prefix)).sort();
    },

    async localPath(ref) {
      const path = pathOf(keyOf(ref));
      return (await fileSize(path)) === undefined ? undefined : path;
    },

    async publicUrl(ref) {
      const key = keyOf(ref);
      if (publicBaseUrl === undefined) return undefined;
      return publicBaseUrl + key.split('/').map(encodeURIComponent).join('/');
    },
  };
}

// ---------------------------------------------------------------------------------------------

/** Validates the factory's arguments; returns the base URL ending in `/`. */
function validateOptions(dir: unknown, id: unknown, publicBaseUrl: unknown): string | undefined {
  const issues = [];
  if (typeof dir !== 'string' || dir.length === 0) {
    issues.push({
      field: 'dir',
      problem: 'expected a non-empty directory path',
      fix: 'pass the folder for media',
    });
  }
  if (typeof id !== 'string' || id.length === 0) {
    issues.push({ field: 'id', problem: 'expected a non-empty string', fix: 'leave it out or pass a name' });
  }
  if (publicBaseUrl !== undefined && !isHttpUrl(publicBaseUrl)) {
    issues.push({
      field: 'publicBaseUrl',
      problem: `expected an http(s) URL, got ${JSON.stringify(publicBaseUrl)}`,
      fix: 'pass the URL the folder is served under, e.g. `https://cdn.example.com/media/`',
    });
  }
  if (issues.length > 0) throw new ConfigError('createFileMediaStore', issues);
  if (typeof publicBaseUrl !== 'string') return undefined;
  return publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`;
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function validatePut(id: string, data: unknown, mediaType: unknown): void {
  if (!(data instanceof Uint8Array)) {
    throw new ConfigError(id, [
      { field: 'data', problem: 'expected a Uint8Array', fix: 'pass the bytes as a Uint8Array or Buffer' },
    ]);
  }
  if (typeof mediaType !== 'string' || mediaType.length === 0) {
    throw new ConfigError(id, [
      {
        field: 'mediaType',
        problem: 'expected a media type',
        fix: 'pass one such as `image/png` or `video/mp4`',
      },
    ]);
  }
}

/** Rejects bytes that no longer match the reference they were stored under. */
function verifyBytes(id: string, ref: MediaRef, bytes: Uint8Array): void {
  const sha256 = bytes.byteLength === ref.size ? createHash('sha256').update(bytes).digest('hex') : undefined;
  if (sha256 !== undefined && sha256 === ref.sha256) return;
  const found = sha256 === undefined ? `${bytes.byteLength} bytes` : `SHA-256 ${sha256}`;
  const expected = sha256 === undefined ? `${ref.size} bytes` : `SHA-256 ${ref.sha256}`;
  throw new ReelsmithError(
    `[reelsmith] media ${ref.key} in ${id} was changed or truncated since it was stored ` +
      `(expected ${expected}, found ${found}); it will not be used. Generate it again.`,
  );
}

function isValidKey(key: string, id: string): boolean {
  try {
    assertMediaKey(key, id);
    return true;
  } catch {
    return false;
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats.size : undefined;
  } catch (error) {
    if (isNotFoundError(error)) return undefined;
    throw error;
  }
}

/** Appends the keys of every finished file under `<root>/<base>` (base is `''` or ends in `/`). */
async function walk(root: string, base: string, keys: string[]): Promise<void> {
  let entries: { name: string; isFile(): boolean; isDirectory(): boolean }[];
  try {
    entries = await readdir(join(root, ...base.split('/')), { withFileTypes: true });
  } catch (error) {
    if (isNotFoundError(error)) return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) await walk(root, `${base}${entry.name}/`, keys);
    else if (entry.isFile() && !isAtomicWriteTempFile(entry.name)) keys.push(`${base}${entry.name}`);
  }
}
