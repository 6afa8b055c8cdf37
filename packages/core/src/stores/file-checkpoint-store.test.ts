import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describeCheckpointStoreContract } from '@reelsmith/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointCorruptError } from '../errors/checkpoint-corrupt-error.js';
import { ConfigError } from '../errors/config-error.js';
import type { CheckpointStore } from '../spec/checkpoint-store.js';
import { createFileCheckpointStore } from './file-checkpoint-store.js';
import { encodeFileName } from './safe-file-name.js';

const directories = new WeakMap<CheckpointStore, string>();

async function createStore(): Promise<CheckpointStore> {
  const directory = await mkdtemp(join(tmpdir(), 'reelsmith-checkpoints-'));
  const store = createFileCheckpointStore(directory);
  directories.set(store, directory);
  return store;
}

function recordPath(directory: string, runId: string, key: string): string {
  return join(directory, encodeFileName(runId), `${encodeFileName(key)}.json`);
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)));
}

describeCheckpointStoreContract({
  name: 'file store',
  create: createStore,
  cleanup: (store) => rm(directories.get(store)!, { recursive: true, force: true }),
  corrupt: async (store, runId, key) => {
    const path = recordPath(directories.get(store)!, runId, key);
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, Math.floor(text.length / 2)));
  },
});

describe('createFileCheckpointStore', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'reelsmith-checkpoints-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const expectCorrupt = async (store: CheckpointStore, detail: RegExp) => {
    const error = await store.get('run-1', 'script').catch((caught: unknown) => caught);
    expect(CheckpointCorruptError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(detail);
  };

  it('writes one JSON record per key with format, checksum and value', async () => {
    const store = createFileCheckpointStore(directory);
    await store.set('run-1', 'publish:youtube', { b: 1, a: [true, null] });
    expect(await filesUnder(directory)).toEqual([join('run-1', 'publish%3Ayoutube.json')]);
    const record = JSON.parse(await readFile(recordPath(directory, 'run-1', 'publish:youtube'), 'utf8'));
    expect(record).toMatchObject({
      format: 'reelsmith.checkpoint/v1',
      runId: 'run-1',
      key: 'publish:youtube',
      value: { a: [true, null], b: 1 },
    });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(record.savedAt).toISOString()).toBe(record.savedAt);
  });

  it('detects a torn record (half of the JSON)', async () => {
    const store = createFileCheckpointStore(directory);
    await store.set('run-1', 'script', { title: 'A long enough title', scenes: [1, 2, 3] });
    const path = recordPath(directory, 'run-1', 'script');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, text.length / 2));
    await expectCorrupt(store, /torn/);
    await writeFile(path, '');
    await expectCorrupt(store, /empty/);
  });

  it('detects a changed value, a wrong format and a record copied from another key', async () => {
    const store = createFileCheckpointStore(directory);
    await store.set('run-1', 'script', { price: 10 });
    await store.set('run-1', 'other', { price: 10 });
    const path = recordPath(directory, 'run-1', 'script');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"price":10', '"price":11'));
    await expectCorrupt(store, /checksum/);
    await writeFile(path, text.replace('reelsmith.checkpoint/v1', 'reelsmith.checkpoint/v9'));
    await expectCorrupt(store, /format/);
    await writeFile(path, await readFile(recordPath(directory, 'run-1', 'other'), 'utf8'));
    await expectCorrupt(store, /belongs to run-1\/other/);
  });

  it('keeps every file inside the directory whatever the run id and key', async () => {
    const store = createFileCheckpointStore(directory);
    for (const [runId, key] of [
      ['../../outside', '../../../etc/passwd'],
      ['/absolute', 'a/b/c'],
      ['..', '..'],
      ['C:\\temp', 'CON'],
    ] as const) {
      await store.set(runId, key, 1);
      expect(await store.get(runId, key)).toBe(1);
    }
    const files = await filesUnder(directory);
    expect(files).toHaveLength(4);
    for (const file of files) {
      expect(file.split(/[\\/]/)).toHaveLength(2);
      expect(file).toMatch(/^(?:[a-z0-9_-]|%[0-9A-F]{2})+[\\/](?:[a-z0-9_-]|%[0-9A-F]{2})+\.json$/);
    }
  });

  it('gives long, Unicode and upper-case names a short file name', async () => {
    const store = createFileCheckpointStore(directory);
    const runId = 'RUN-🎬-'.repeat(28);
    await store.set(runId, runId, 'long');
    const [file] = await filesUnder(directory);
    for (const part of file!.split(/[\\/]/)) expect(part.length).toBeLessThanOrEqual(190);
    expect(await store.runs()).toEqual([runId]);
    expect(await store.keys(runId)).toEqual([runId]);
  });

  it.skipIf(process.platform === 'win32')(
    'writes records with mode 0600 in directories with mode 0700',
    async () => {
      const store = createFileCheckpointStore(join(directory, 'nested'));
      await store.set('run-1', 'tokens', { account: 'channel-1' });
      expect((await stat(recordPath(join(directory, 'nested'), 'run-1', 'tokens'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(directory, 'nested', 'run-1'))).mode & 0o777).toBe(0o700);
    },
  );

  it('leaves no temporary files behind', async () => {
    const store = createFileCheckpointStore(directory);
    await Promise.all(
      Array.from({ length: 30 }, (_, index) => store.set('run-1', `key-${index % 5}`, index)),
    );
    const files = await filesUnder(directory);
    expect(files).toHaveLength(5);
    expect(files.every((file) => file.endsWith('.json'))).toBe(true);
  });

  it('touches nothing on creation and treats a missing directory as empty', async () => {
    const store = createFileCheckpointStore(join(directory, 'not-yet'));
    expect(store.id).toBe('file-checkpoints');
    expect(await store.runs()).toEqual([]);
    expect(await store.keys('run-1')).toEqual([]);
    expect(await store.get('run-1', 'script')).toBeUndefined();
    await store.clear('run-1');
    expect(await readdir(directory)).toEqual([]);
  });

  it('validates its options', () => {
    expect(() => createFileCheckpointStore('')).toThrow(ConfigError);
    expect(() => createFileCheckpointStore(directory, { id: '' })).toThrow(/`id`/);
    expect(createFileCheckpointStore(directory, { id: 'checkpoints:main' }).id).toBe('checkpoints:main');
  });
});
