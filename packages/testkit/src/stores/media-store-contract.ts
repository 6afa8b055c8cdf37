import { createHash, randomBytes } from 'node:crypto';
import { ConfigError, type MediaStore, ReelsmithError } from '@reelsmith/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** What {@link describeMediaStoreContract} needs to test a media store. */
export interface MediaStoreContractOptions<S extends MediaStore = MediaStore> {
  /** Shown in the suite title, e.g. `file store`. */
  name: string;
  /** Returns a new, empty store. Called before every test. */
  create: () => S | Promise<S>;
  /** Releases what `create` made (temporary folders, connections). Called after every test. */
  cleanup?: (store: S) => void | Promise<void>;
  /**
   * Changes or truncates the stored bytes of `key` behind the store's back. When given, the suite
   * checks that `get(ref)` then rejects with a `ReelsmithError` naming the key.
   */
  corrupt?: (store: S, key: string) => void | Promise<void>;
}

/**
 * Registers a vitest suite that checks a {@link MediaStore} against the contract every store must
 * meet: binary round trips (empty and 1 MiB included), correct `MediaRef`s, `has`/`delete`/`list`,
 * rejection of keys that could leave the store, and detection of changed bytes.
 *
 * @example
 * ```ts
 * describeMediaStoreContract({ name: 'drive store', create: () => createDriveMediaStore(settings) });
 * ```
 */
export function describeMediaStoreContract<S extends MediaStore>(
  options: MediaStoreContractOptions<S>,
): void {
  describe(`MediaStore contract: ${options.name}`, () => {
    let store: S;
    beforeEach(async () => {
      store = await options.create();
    });
    afterEach(async () => {
      await options.cleanup?.(store);
    });

    it('is a v1 media-store provider with an id', () => {
      expect(store.specificationVersion).toBe('v1');
      expect(store.capability).toBe('media-store');
      expect(typeof store.id).toBe('string');
      expect(store.id.length).toBeGreaterThan(0);
    });

    it('round-trips binary bytes and returns a correct MediaRef', async () => {
      const samples: [string, Uint8Array, string][] = [
        [
          'run-1/every-byte.bin',
          Uint8Array.from({ length: 256 }, (_, index) => index),
          'application/octet-stream',
        ],
        ['run-1/empty.txt', new Uint8Array(0), 'text/plain'],
        ['run-1/video.mp4', new Uint8Array(randomBytes(1024 * 1024)), 'video/mp4'],
        ['run-1/images/scene 1 (ü).png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'image/png'],
      ];
      for (const [key, data, mediaType] of samples) {
        const ref = await store.put(key, data, mediaType);
        expect(ref).toEqual({
          store: store.id,
          key,
          mediaType,
          size: data.byteLength,
          sha256: sha256Hex(data),
        });
        expect(JSON.parse(JSON.stringify(ref))).toEqual(ref);
        expectSameBytes(await store.get(ref), data);
        expectSameBytes(await store.get(key), data);
      }
    });

    it('overwrites on put and keeps stored bytes apart from the caller’s buffers', async () => {
      const data = Uint8Array.from([1, 2, 3]);
      await store.put('run-1/a.bin', Uint8Array.from([9, 9]), 'application/octet-stream');
      const ref = await store.put('run-1/a.bin', data, 'application/octet-stream');
      data[0] = 42;
      const read = await store.get(ref);
      expect(bytesOf(read)).toEqual([1, 2, 3]);
      read[1] = 42;
      expect(bytesOf(await store.get(ref))).toEqual([1, 2, 3]);
    });

    it('answers has, deletes, and rejects get of missing media with a ReelsmithError naming the key', async () => {
      const ref = await store.put('run-1/voice.mp3', Uint8Array.from([1]), 'audio/mpeg');
      expect(await store.has(ref)).toBe(true);
      expect(await store.has('run-1/voice.mp3')).toBe(true);
      expect(await store.has('run-1/other.mp3')).toBe(false);
      await store.delete(ref);
      await store.delete('run-1/never-stored.mp3');
      expect(await store.has('run-1/voice.mp3')).toBe(false);
      const error = await rejectionOf(() => store.get(ref));
      expect(ReelsmithError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('run-1/voice.mp3');
    });

    it('lists keys under a prefix, sorted', async () => {
      const bytes = Uint8Array.from([1]);
      for (const key of [
        'run-2/x.png',
        'run-1/voice.mp3',
        'run-1/images/b.png',
        'run-1/images/a.png',
        'run-10/y',
      ]) {
        await store.put(key, bytes, 'application/octet-stream');
      }
      expect(await store.list('run-1/')).toEqual([
        'run-1/images/a.png',
        'run-1/images/b.png',
        'run-1/voice.mp3',
      ]);
      expect(await store.list('run-1/images/')).toEqual(['run-1/images/a.png', 'run-1/images/b.png']);
      expect(await store.list('run-1/images/a')).toEqual(['run-1/images/a.png']);
      expect(await store.list('nothing/')).toEqual([]);
      expect(await store.list()).toEqual([
        'run-1/images/a.png',
        'run-1/images/b.png',
        'run-1/voice.mp3',
        'run-10/y',
        'run-2/x.png',
      ]);
      await store.delete('run-1/images/a.png');
      expect(await store.list('run-1/images/')).toEqual(['run-1/images/b.png']);
    });

    it('rejects keys that could leave the store with a ConfigError naming the key', async () => {
      const bad = [
        '',
        '/etc/passwd',
        '../outside.png',
        'run-1/../../outside',
        'run-1\\a.png',
        'a//b',
        './a',
        'a/.',
      ];
      for (const key of bad) {
        const error = await rejectionOf(() => store.put(key, Uint8Array.from([1]), 'image/png'));
        expect(ConfigError.isInstance(error)).toBe(true);
        expect((error as ConfigError).field).toBe('key');
        expect(ConfigError.isInstance(await rejectionOf(() => store.get(key)))).toBe(true);
      }
      expect(await store.list()).toEqual([]);
    });

    it('rejects a call whose signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await rejectionOf(() =>
        store.put('run-1/a.bin', Uint8Array.from([1]), 'x/y', { signal: controller.signal }),
      );
      expect(await store.has('run-1/a.bin')).toBe(false);
    });

    if (options.corrupt) {
      const corrupt = options.corrupt;
      it('rejects get(ref) of bytes changed behind the store’s back', async () => {
        const ref = await store.put('run-1/video.mp4', new Uint8Array(randomBytes(4096)), 'video/mp4');
        await corrupt(store, ref.key);
        const error = await rejectionOf(() => store.get(ref));
        expect(ReelsmithError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain('run-1/video.mp4');
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Compares without turning a large buffer into a huge diff. */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  expect(actual.byteLength).toBe(expected.byteLength);
  expect(sha256Hex(actual)).toBe(sha256Hex(expected));
}

/** Plain numbers, so `Buffer` and `Uint8Array` results compare equal and failures print short. */
function bytesOf(bytes: Uint8Array): number[] {
  return Array.from(bytes);
}

/** The error a call throws or rejects with; fails the test when it succeeds. */
async function rejectionOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
