import {
  assertCheckpointAddress,
  assertCheckpointRunId,
  type CheckpointStore,
  decodeCheckpointRecord,
  encodeCheckpointRecord,
} from '@reelsmith/core';

/** Options of {@link createMemoryCheckpointStore}. */
export interface MemoryCheckpointStoreOptions {
  /** The provider id. Default `memory-checkpoints`. */
  id?: string;
}

/** An in-memory {@link CheckpointStore} with helpers for tests. */
export interface MemoryCheckpointStore extends CheckpointStore {
  /**
   * Damages a stored record (as a torn write would) so the next `get` rejects with a
   * `CheckpointCorruptError`. Throws when nothing is stored under the run id and key.
   */
  corrupt(runId: string, key: string): void;
  /** How many records are stored, over all runs. */
  readonly size: number;
}

/**
 * A {@link CheckpointStore} held in memory, for tests and short-lived scripts. It validates and
 * serializes exactly as the file store does (same errors for bad run ids, keys and non-JSON values),
 * and keeps serialized records, so neither the value passed to `set` nor the one returned by `get`
 * can change what is stored.
 *
 * @example
 * ```ts
 * const checkpoints = createMemoryCheckpointStore();
 * await pipeline.run(job, { checkpoints });
 * ```
 */
export function createMemoryCheckpointStore(
  options: MemoryCheckpointStoreOptions = {},
): MemoryCheckpointStore {
  const id = options.id ?? 'memory-checkpoints';
  const runs = new Map<string, Map<string, string>>();

  return {
    specificationVersion: 'v1',
    id,
    capability: 'checkpoint-store',

    async get(runId, key) {
      assertCheckpointAddress(runId, key, id);
      const text = runs.get(runId)?.get(key);
      return text === undefined ? undefined : decodeCheckpointRecord(runId, key, text);
    },

    async set(runId, key, value) {
      const text = encodeCheckpointRecord(runId, key, value, id);
      let records = runs.get(runId);
      if (!records) {
        records = new Map();
        runs.set(runId, records);
      }
      records.set(key, text);
    },

    async delete(runId, key) {
      assertCheckpointAddress(runId, key, id);
      const records = runs.get(runId);
      records?.delete(key);
      if (records?.size === 0) runs.delete(runId);
    },

    async keys(runId) {
      assertCheckpointRunId(runId, id);
      return [...(runs.get(runId)?.keys() ?? [])].sort();
    },

    async runs() {
      return [...runs.keys()].sort();
    },

    async clear(runId) {
      assertCheckpointRunId(runId, id);
      runs.delete(runId);
    },

    corrupt(runId, key) {
      const records = runs.get(runId);
      const text = records?.get(key);
      if (records === undefined || text === undefined) {
        throw new Error(`[reelsmith] [${id}] no checkpoint ${runId}/${key} to corrupt`);
      }
      records.set(key, text.slice(0, Math.floor(text.length / 2)));
    },

    get size() {
      let total = 0;
      for (const records of runs.values()) total += records.size;
      return total;
    },
  };
}
