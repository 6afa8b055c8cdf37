import { CheckpointCorruptError, ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { describeCheckpointStoreContract } from './checkpoint-store-contract.js';
import { describeMediaStoreContract } from './media-store-contract.js';
import { createMemoryCheckpointStore } from './memory-checkpoint-store.js';
import { createMemoryMediaStore } from './memory-media-store.js';

describeCheckpointStoreContract({
  name: 'memory store',
  create: () => createMemoryCheckpointStore(),
  corrupt: (store, runId, key) => store.corrupt(runId, key),
});

describeMediaStoreContract({
  name: 'memory store',
  create: () => createMemoryMediaStore(),
  corrupt: (store, key) => store.corrupt(key),
});

describe('createMemoryCheckpointStore', () => {
  it('uses the given id and counts records', async () => {
    const store = createMemoryCheckpointStore({ id: 'fake-checkpoints' });
    expect(store.id).toBe('fake-checkpoints');
    await store.set('run-1', 'a', 1);
    await store.set('run-2', 'a', 2);
    expect(store.size).toBe(2);
  });

  it('corrupt() makes get reject, and refuses a missing record', async () => {
    const store = createMemoryCheckpointStore();
    await store.set('run-1', 'script', { title: 'x' });
    store.corrupt('run-1', 'script');
    await expect(store.get('run-1', 'script')).rejects.toSatisfy(CheckpointCorruptError.isInstance);
    expect(() => store.corrupt('run-1', 'missing')).toThrow(/no checkpoint/);
  });
});

describe('createMemoryMediaStore', () => {
  it('writes its id into refs and builds public URLs when configured', async () => {
    const store = createMemoryMediaStore({ id: 'fake-media', publicBaseUrl: 'https://cdn.example.com/m' });
    const ref = await store.put('run 1/a.png', Uint8Array.from([1]), 'image/png');
    expect(ref.store).toBe('fake-media');
    expect(await store.publicUrl(ref)).toBe('https://cdn.example.com/m/run%201/a.png');
    expect(await createMemoryMediaStore().publicUrl('a.png')).toBeUndefined();
    expect(store.size).toBe(1);
  });

  it('rejects data that is not bytes', async () => {
    const store = createMemoryMediaStore();
    await expect(store.put('a.txt', 'text' as never, 'text/plain')).rejects.toSatisfy(ConfigError.isInstance);
  });
});
