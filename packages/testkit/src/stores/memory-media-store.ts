import { createHash } from 'node:crypto';
import { assertMediaKey, ConfigError, type MediaRef, type MediaStore, ReelsmithError } from '@reelsmith/core';

/** Options of {@link createMemoryMediaStore}. */
export interface MemoryMediaStoreOptions {
  /** The store id written into every `MediaRef`. Default `memory-media`. */
  id?: string;
  /** When set, `publicUrl(ref)` returns this plus the key; otherwise `undefined`. */
  publicBaseUrl?: string;
}

/** An in-memory {@link MediaStore} with helpers for tests. */
export interface MemoryMediaStore extends MediaStore {
  /** `publicBaseUrl` plus the key, or `undefined` when no base URL is set. */
  publicUrl(ref: MediaRef | string): Promise<string | undefined>;
  /**
   * Changes the stored bytes (flips a byte, or adds one to empty media) so that `get(ref)` rejects
   * as it would for a file changed on disk. Throws when nothing is stored under the key.
   */
  corrupt(key: string): void;
  /** How many items are stored. */
  readonly size: number;
}

/**
 * A {@link MediaStore} held in memory, for tests. It checks keys exactly as the file store does
 * (relative POSIX paths, no `..`), copies bytes on `put` and `get` so callers cannot change what is
 * stored, and verifies size and SHA-256 when `get` is given a `MediaRef`. It has no `localPath`.
 *
 * @example
 * ```ts
 * const media = createMemoryMediaStore();
 * const ref = await media.put('run-1/images/scene-1.png', png, 'image/png');
 * ```
 */
export function createMemoryMediaStore(options: MemoryMediaStoreOptions = {}): MemoryMediaStore {
  const id = options.id ?? 'memory-media';
  const items = new Map<string, Uint8Array>();
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
      if (!(data instanceof Uint8Array)) {
        throw new ConfigError(id, [
          { field: 'data', problem: 'expected a Uint8Array', fix: 'pass the bytes' },
        ]);
      }
      if (typeof mediaType !== 'string' || mediaType.length === 0) {
        throw new ConfigError(id, [
          { field: 'mediaType', problem: 'expected a media type', fix: 'pass one' },
        ]);
      }
      callOptions?.signal?.throwIfAborted();
      const copy = new Uint8Array(data);
      items.set(key, copy);
      return { store: id, key, mediaType, size: copy.byteLength, sha256: sha256Hex(copy) };
    },

    async get(ref, callOptions) {
      const key = keyOf(ref);
      callOptions?.signal?.throwIfAborted();
      const bytes = items.get(key);
      if (bytes === undefined) throw new ReelsmithError(`[reelsmith] media ${key} not found in ${id}.`);
      if (typeof ref !== 'string' && (bytes.byteLength !== ref.size || sha256Hex(bytes) !== ref.sha256)) {
        throw new ReelsmithError(
          `[reelsmith] media ${key} in ${id} was changed or truncated since it was stored; it will not be used.`,
        );
      }
      return new Uint8Array(bytes);
    },

    async has(ref) {
      return items.has(keyOf(ref));
    },

    async delete(ref) {
      items.delete(keyOf(ref));
    },

    async list(prefix = '') {
      return [...items.keys()].filter((key) => key.startsWith(prefix)).sort();
    },

    async publicUrl(ref) {
      const key = keyOf(ref);
      if (options.publicBaseUrl === undefined) return undefined;
      const base = options.publicBaseUrl.endsWith('/') ? options.publicBaseUrl : `${options.publicBaseUrl}/`;
      return base + key.split('/').map(encodeURIComponent).join('/');
    },

    corrupt(key) {
      const bytes = items.get(key);
      if (bytes === undefined) throw new Error(`[reelsmith] [${id}] no media ${key} to corrupt`);
      if (bytes.byteLength === 0) {
        items.set(key, new Uint8Array([0]));
        return;
      }
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    },

    get size() {
      return items.size;
    },
  };
}

// ---------------------------------------------------------------------------------------------

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
