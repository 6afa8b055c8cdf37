import { describeCheckpointStoreContract } from '@reelsmith/testkit';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createRedisCheckpointStore, type RedisCheckpointStore } from './redis-checkpoint-store.js';
import { dropPrefix, redisTestUrl, testPrefix } from './testing/redis-test-url.js';

const prefixes = new WeakMap<RedisCheckpointStore, string>();

describeCheckpointStoreContract({
  name: 'Redis checkpoint store (real Redis)',
  create: () => {
    const prefix = testPrefix();
    const store = createRedisCheckpointStore({ connection: redisTestUrl, prefix });
    prefixes.set(store, prefix);
    return store;
  },
  cleanup: async (store) => {
    await store.close();
    await dropPrefix(prefixes.get(store)!);
  },
  corrupt: async (store, runId, key) => {
    const client = new Redis(redisTestUrl);
    const hash = `${prefixes.get(store)}:run:${runId}`;
    const text = (await client.hget(hash, key))!;
    await client.hset(hash, key, text.replace(/"value":/, '"value": 1, "x":'));
    await client.quit();
  },
});

describe('Redis checkpoint store', () => {
  it('is shared: a record written by one worker is read by another connection', async () => {
    const prefix = testPrefix();
    const a = createRedisCheckpointStore({ connection: redisTestUrl, prefix });
    const b = createRedisCheckpointStore({ connection: { host: '127.0.0.1', port: 6379 }, prefix });
    try {
      await a.set('run-1', 'phase:script', { title: 'Kettle' });
      expect(await b.get('run-1', 'phase:script')).toEqual({ title: 'Kettle' });
      expect(await b.runs()).toEqual(['run-1']);
      await b.delete('run-1', 'phase:script');
      expect(await a.runs()).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await dropPrefix(prefix);
    }
  });

  it('names a bad connection or prefix', () => {
    expect(() => createRedisCheckpointStore({ connection: 'localhost:6379' })).toThrow(
      /`connection`.*redis:\/\//s,
    );
    expect(() => createRedisCheckpointStore({ connection: redisTestUrl, prefix: 'a b' })).toThrow(/`prefix`/);
  });
});
