import {
  assertCheckpointAddress,
  assertCheckpointRunId,
  type CheckpointStore,
  decodeCheckpointRecord,
  encodeCheckpointRecord,
} from '@reelsmith/core';
import { assertPrefix, connect, type RedisConnection } from './redis-connection.js';

/** Options of {@link createRedisCheckpointStore}. */
export interface RedisCheckpointStoreOptions {
  connection: RedisConnection;
  /** Namespace of every key; default `reelsmith`. Use one per deployment (or per test). */
  prefix?: string;
  /** Provider id; default `redis-checkpoints`. */
  id?: string;
}

/** A Redis checkpoint store; `close()` quits the connection it opened. */
export interface RedisCheckpointStore extends CheckpointStore {
  close(): Promise<void>;
}

// Deletes one record and, atomically, the run from the run set when it was its last record.
const deleteScript = `
redis.call('HDEL', KEYS[1], ARGV[1])
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
return 1`;

/**
 * A {@link CheckpointStore} in Redis, shared by every worker: each run is a hash
 * (`<prefix>:run:<runId>`, one field per key) holding the same checksummed records as the file
 * store, and `<prefix>:runs` is the set of run ids. Writes are single commands or `MULTI`
 * transactions, so a reader never sees a torn record; a damaged record is reported as
 * `CheckpointCorruptError`. Configure Redis with `maxmemory-policy noeviction` and persistence
 * (AOF): evicted checkpoints would make runs pay again.
 *
 * @example
 * ```ts
 * const checkpoints = createRedisCheckpointStore({ connection: 'redis://127.0.0.1:6379' });
 * ```
 */
export function createRedisCheckpointStore(options: RedisCheckpointStoreOptions): RedisCheckpointStore {
  const id = options.id ?? 'redis-checkpoints';
  const prefix = options.prefix ?? 'reelsmith';
  assertPrefix(prefix, 'createRedisCheckpointStore');
  const { client, owned } = connect(options.connection, 'createRedisCheckpointStore');
  const runKey = (runId: string) => `${prefix}:run:${runId}`;
  const runsKey = `${prefix}:runs`;

  return {
    specificationVersion: 'v1',
    id,
    capability: 'checkpoint-store',
    async get(runId, key) {
      assertCheckpointAddress(runId, key, id);
      const text = await client.hget(runKey(runId), key);
      return text === null ? undefined : decodeCheckpointRecord(runId, key, text);
    },
    async set(runId, key, value) {
      const text = encodeCheckpointRecord(runId, key, value, id);
      await client.multi().hset(runKey(runId), key, text).sadd(runsKey, runId).exec();
    },
    async delete(runId, key) {
      assertCheckpointAddress(runId, key, id);
      await client.eval(deleteScript, 2, runKey(runId), runsKey, key, runId);
    },
    async keys(runId) {
      assertCheckpointRunId(runId, id);
      return (await client.hkeys(runKey(runId))).sort();
    },
    async runs() {
      return (await client.smembers(runsKey)).sort();
    },
    async clear(runId) {
      assertCheckpointRunId(runId, id);
      await client.multi().del(runKey(runId)).srem(runsKey, runId).exec();
    },
    async close() {
      if (owned) await client.quit();
    },
  };
}
