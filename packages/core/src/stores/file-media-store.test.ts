import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { describeMediaStoreContract } from '@reelsmith/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { ReelsmithError } from '../errors/reelsmith-error.js';
import { createFileMediaStore, type FileMediaStore } from './file-media-store.js';

const directories = new WeakMap<FileMediaStore, string>();

async function createStore(): Promise<FileMediaStore> {
  const directory = await mkdtemp(join(tmpdir(), 'reelsmith-media-'));
  const store = createFileMediaStore(directory);
  directories.set(store, directory);
  return store;
}

const cleanup = (store: FileMediaStore) => rm(directories.get(store)!, { recursive: true, force: true });

describeMediaStoreContract({
  name: 'file store (bytes flipped)',
  create: createStore,
  cleanup,
  corrupt: async (store, key) => {
    const path = join(directories.get(store)!, key);
    const bytes = await readFile(path);
    const middle = bytes.length >> 1;
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
  },
});

describeMediaStoreContract({
  name: 'file store (file truncated)',
  create: createStore,
  cleanup,
  corrupt: async (store, key) => {
    const path = join(directories.get(store)!, key);
    await writeFile(path, (await readFile(path)).subarray(0, 100));
  },
});

describe('createFileMediaStore', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'reelsmith-media-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('stores each item as a plain file and reports its local path', async () => {
    const store = createFileMediaStore(join(directory, 'media'));
    const ref = await store.put('run-1/images/scene-1.png', Uint8Array.from([1, 2, 3]), 'image/png');
    expect(ref.store).toBe('file-media');
    const path = await store.localPath(ref);
    expect(path).toBe(join(directory, 'media', 'run-1', 'images', 'scene-1.png'));
    expect(isAbsolute(path!)).toBe(true);
    expect([...(await readFile(path!))]).toEqual([1, 2, 3]);
    expect(await store.localPath('run-1/missing.png')).toBeUndefined();
  });

  it('names the key when bytes no longer match the ref', async () => {
    const store = createFileMediaStore(directory, { id: 'local' });
    const ref = await store.put('a/b.bin', Uint8Array.from([1, 2, 3]), 'application/octet-stream');
    await writeFile(join(directory, 'a', 'b.bin'), Uint8Array.from([1, 2]));
    const error = await store.get(ref).catch((caught: unknown) => caught);
    expect(ReelsmithError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/media a\/b\.bin in local was changed or truncated/);
    expect([...(await store.get('a/b.bin'))]).toEqual([1, 2]);
    await expect(store.get('a/none.bin')).rejects.toThrow('media a/none.bin not found in local');
  });

  it('never writes outside its directory', async () => {
    const store = createFileMediaStore(join(directory, 'media'));
    for (const key of [
      '../escape.png',
      'a/../../escape.png',
      '/tmp/escape.png',
      'C:/escape.png',
      'a\\..\\b',
    ]) {
      await expect(store.put(key, Uint8Array.from([1]), 'image/png')).rejects.toSatisfy(
        ConfigError.isInstance,
      );
      await expect(store.has(key)).rejects.toSatisfy(ConfigError.isInstance);
      await expect(store.delete(key)).rejects.toSatisfy(ConfigError.isInstance);
      await expect(store.localPath(key)).rejects.toSatisfy(ConfigError.isInstance);
    }
    expect(await readdir(directory)).toEqual([]);
    expect(await store.list('../')).toEqual([]);
  });

  it('leaves no temporary files behind and ignores other writers’ ones in list', async () => {
    const store = createFileMediaStore(directory);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        store.put(`run-1/${index % 4}.bin`, Uint8Array.from([index]), 'x/y'),
      ),
    );
    expect((await readdir(join(directory, 'run-1'))).sort()).toEqual(['0.bin', '1.bin', '2.bin', '3.bin']);
    await writeFile(
      join(directory, 'run-1', '.0.bin.reelsmith-123e4567-e89b-12d3-a456-426614174000.tmp'),
      'x',
    );
    expect(await store.list('run-1/')).toEqual(['run-1/0.bin', 'run-1/1.bin', 'run-1/2.bin', 'run-1/3.bin']);
  });

  it('builds public URLs from publicBaseUrl', async () => {
    const store = createFileMediaStore(directory, { publicBaseUrl: 'https://cdn.example.com/media' });
    expect(await store.publicUrl('run 1/vidéo.mp4')).toBe(
      'https://cdn.example.com/media/run%201/vid%C3%A9o.mp4',
    );
    expect(await createFileMediaStore(directory).publicUrl('a.mp4')).toBeUndefined();
  });

  it('validates its options and put arguments', async () => {
    expect(() => createFileMediaStore('')).toThrow(ConfigError);
    expect(() => createFileMediaStore(directory, { publicBaseUrl: 'ftp://x' })).toThrow(/publicBaseUrl/);
    const store = createFileMediaStore(directory);
    await expect(store.put('a.txt', 'text' as never, 'text/plain')).rejects.toThrow(/`data`/);
    await expect(store.put('a.txt', new Uint8Array(1), '')).rejects.toThrow(/`mediaType`/);
  });
});
