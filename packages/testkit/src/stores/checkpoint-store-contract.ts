import { CheckpointCorruptError, type CheckpointStore, ConfigError } from '@reelsmith/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** What {@link describeCheckpointStoreContract} needs to test a checkpoint store. */
export interface CheckpointStoreContractOptions<S extends CheckpointStore = CheckpointStore> {
  /** Shown in the suite title, e.g. `file store`. */
  name: string;
  /** Returns a new, empty store. Called before every test. */
  create: () => S | Promise<S>;
  /** Releases what `create` made (temporary folders, connections). Called after every test. */
  cleanup?: (store: S) => void | Promise<void>;
  /**
   * Damages the stored record of `runId`/`key` as a torn write or a bit flip would (truncate the
   * file, change a byte). When given, the suite checks that `get` then rejects with a
   * `CheckpointCorruptError` instead of returning data.
   */
  corrupt?: (store: S, runId: string, key: string) => void | Promise<void>;
}

/**
 * Registers a vitest suite that checks a {@link CheckpointStore} against the contract every store
 * must meet: JSON round trips, isolation between runs, awkward run ids and keys, concurrent writes,
 * rejection of values that are not JSON, and detection of corrupt records.
 *
 * @example
 * ```ts
 * describeCheckpointStoreContract({
 *   name: 'redis store',
 *   create: () => createRedisCheckpointStore({ url, prefix: `test-${randomUUID()}` }),
 * });
 * ```
 */
export function describeCheckpointStoreContract<S extends CheckpointStore>(
  options: CheckpointStoreContractOptions<S>,
): void {
  describe(`CheckpointStore contract: ${options.name}`, () => {
    let store: S;
    beforeEach(async () => {
      store = await options.create();
    });
    afterEach(async () => {
      await options.cleanup?.(store);
    });

    it('is a v1 checkpoint-store provider with an id', () => {
      expect(store.specificationVersion).toBe('v1');
      expect(store.capability).toBe('checkpoint-store');
      expect(typeof store.id).toBe('string');
      expect(store.id.length).toBeGreaterThan(0);
    });

    it('returns undefined for a missing record and an unknown run', async () => {
      await store.set('run-1', 'script', { ok: true });
      expect(await store.get('run-1', 'images')).toBeUndefined();
      expect(await store.get('run-unknown', 'script')).toBeUndefined();
      expect(await store.keys('run-unknown')).toEqual([]);
    });

    it('round-trips nested JSON', async () => {
      await store.set('run-1', 'product', nestedValue);
      expect(await store.get('run-1', 'product')).toEqual(nestedValue);
      for (const scalar of [0, -1.5, '', 'text', true, false, null, [], {}]) {
        await store.set('run-1', 'scalar', scalar);
        expect(await store.get('run-1', 'scalar')).toEqual(scalar);
      }
    });

    it('keeps stored values apart from the caller’s objects', async () => {
      const value = { list: [1, 2], inner: { name: 'a' } };
      await store.set('run-1', 'value', value);
      value.list.push(3);
      value.inner.name = 'changed';
      const first = (await store.get('run-1', 'value')) as typeof value;
      expect(first).toEqual({ list: [1, 2], inner: { name: 'a' } });
      first.list.push(4);
      expect(await store.get('run-1', 'value')).toEqual({ list: [1, 2], inner: { name: 'a' } });
    });

    it('overwrites a record', async () => {
      await store.set('run-1', 'script', { version: 1 });
      await store.set('run-1', 'script', { version: 2 });
      expect(await store.get('run-1', 'script')).toEqual({ version: 2 });
      expect(await store.keys('run-1')).toEqual(['script']);
    });

    it('lists keys and runs, deletes and clears', async () => {
      await store.set('run-a', 'script', 1);
      await store.set('run-a', 'voice', 2);
      await store.set('run-b', 'script', 3);
      expect(sorted(await store.keys('run-a'))).toEqual(['script', 'voice']);
      expect(sorted(await store.runs())).toEqual(['run-a', 'run-b']);

      await store.delete('run-a', 'voice');
      await store.delete('run-a', 'never-saved');
      expect(await store.get('run-a', 'voice')).toBeUndefined();
      expect(await store.keys('run-a')).toEqual(['script']);

      await store.clear('run-a');
      await store.clear('run-never-saved');
      expect(await store.keys('run-a')).toEqual([]);
      expect(await store.get('run-a', 'script')).toBeUndefined();
      expect(await store.runs()).toEqual(['run-b']);

      await store.delete('run-b', 'script');
      expect(await store.runs()).toEqual([]);
    });

    it('keeps runs isolated', async () => {
      await store.set('run-1', 'script', 'one');
      await store.set('run-2', 'script', 'two');
      expect(await store.get('run-1', 'script')).toBe('one');
      expect(await store.get('run-2', 'script')).toBe('two');
      await store.clear('run-1');
      expect(await store.get('run-2', 'script')).toBe('two');
    });

    it('accepts run ids and keys with `:`, `/`, dots, case and Unicode, all distinct', async () => {
      const runIds = ['run/1', '../run', '..', '.', 'Run-A', 'run-a', 'run a', 'ränn-🎬'];
      const keys = [
        'publish:youtube',
        'images/scene-1',
        '..',
        '../../escape',
        'Key',
        'key',
        'key.json',
        '%2E',
      ];
      for (const runId of runIds) {
        for (const key of keys) await store.set(runId, key, { runId, key });
      }
      expect(sorted(await store.runs())).toEqual(sorted(runIds));
      for (const runId of runIds) {
        expect(sorted(await store.keys(runId))).toEqual(sorted(keys));
        for (const key of keys) expect(await store.get(runId, key)).toEqual({ runId, key });
      }
      const longName = 'x'.repeat(190) + 'ÄÖÜ:/'.repeat(2);
      await store.set(longName, longName, 'long');
      expect(await store.get(longName, longName)).toBe('long');
      expect(await store.keys(longName)).toEqual([longName]);
      expect(await store.runs()).toContain(longName);
    });

    it('rejects empty and overlong run ids and keys with a ConfigError naming the field', async () => {
      const cases: [string, string, string][] = [
        ['', 'script', 'runId'],
        ['run-1', '', 'key'],
        ['r'.repeat(201), 'script', 'runId'],
        ['run-1', 'k'.repeat(201), 'key'],
      ];
      for (const [runId, key, field] of cases) {
        const error = await rejectionOf(() => store.set(runId, key, 1));
        expect(ConfigError.isInstance(error)).toBe(true);
        expect((error as ConfigError).issues.map((issue) => issue.field)).toContain(field);
        expect(ConfigError.isInstance(await rejectionOf(() => store.get(runId, key)))).toBe(true);
      }
    });

    it('keeps every record of many concurrent writes to one run', async () => {
      const keys = Array.from({ length: 50 }, (_, index) => `phase:${index}`);
      await Promise.all(
        keys.map((key, index) => store.set('run-1', key, { index, padding: 'x'.repeat(500) })),
      );
      expect(sorted(await store.keys('run-1'))).toEqual(sorted(keys));
      const values = await Promise.all(keys.map((key) => store.get('run-1', key)));
      values.forEach((value, index) => {
        expect(value).toEqual({ index, padding: 'x'.repeat(500) });
      });
    });

    it('ends concurrent writes of one key with one whole value', async () => {
      const values = Array.from({ length: 20 }, (_, index) => ({ writer: index }));
      await Promise.all(values.map((value) => store.set('run-1', 'race', value)));
      expect(values).toContainEqual(await store.get('run-1', 'race'));
    });

    it('rejects values that are not JSON with a ConfigError and stores nothing', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const invalid: unknown[] = [
        () => 1,
        10n,
        Symbol('s'),
        undefined,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        new Date(0),
        new Map(),
        circular,
        { nested: [1, { fn: () => 1 }] },
      ];
      for (const value of invalid) {
        const error = await rejectionOf(() => store.set('run-1', 'bad', value));
        expect(ConfigError.isInstance(error)).toBe(true);
      }
      for (const bytes of [new Uint8Array([1, 2]), { image: new Uint8Array(4) }]) {
        const error = await rejectionOf(() => store.set('run-1', 'bad', bytes));
        expect(ConfigError.isInstance(error)).toBe(true);
        expect((error as Error).message).toMatch(/MediaStore/);
      }
      expect(await store.get('run-1', 'bad')).toBeUndefined();
      expect(await store.keys('run-1')).toEqual([]);
    });

    if (options.corrupt) {
      const corrupt = options.corrupt;
      it('rejects a corrupt record with CheckpointCorruptError instead of returning it', async () => {
        await store.set('run-1', 'publish:youtube', { intent: 'upload', marker: 'rs-1' });
        await store.set('run-1', 'script', { title: 'fine' });
        await corrupt(store, 'run-1', 'publish:youtube');
        const error = await rejectionOf(() => store.get('run-1', 'publish:youtube'));
        expect(CheckpointCorruptError.isInstance(error)).toBe(true);
        expect((error as CheckpointCorruptError).runId).toBe('run-1');
        expect((error as CheckpointCorruptError).key).toBe('publish:youtube');
        expect(await store.get('run-1', 'script')).toEqual({ title: 'fine' });
        await store.set('run-1', 'publish:youtube', { intent: 'again' });
        expect(await store.get('run-1', 'publish:youtube')).toEqual({ intent: 'again' });
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------

const nestedValue = {
  title: 'Wireless earbuds — 40h battery',
  price: { amount: 29.99, currency: 'USD' },
  rating: 4.5,
  inStock: true,
  discontinued: false,
  coupon: null,
  bullets: ['Bluetooth 5.3', 'IPX5', ''],
  scenes: [
    { index: 0, words: [{ text: 'Hi', startMs: 0, endMs: 120 }] },
    { index: 1, words: [] },
  ],
  image: { store: 'media', key: 'run-1/images/scene-1.png', mediaType: 'image/png', size: 10, sha256: 'ab' },
  unicode: 'ünïcödé 🎬 "quotes" \\ back\nslash',
  big: Number.MAX_SAFE_INTEGER,
  tiny: 1e-12,
};

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
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
