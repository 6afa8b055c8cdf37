import { ConfigError } from '@reelsmith/core';
import { Redis, type RedisOptions } from 'ioredis';

/** How the queue and workers reach Redis: a URL or ioredis options. */
export type QueueConnection = string | RedisOptions;

/**
 * A new ioredis client for BullMQ. Workers need `maxRetriesPerRequest: null` (commands wait
 * through a Redis restart instead of failing) — set here whatever the caller passed.
 */
export function redisClient(connection: QueueConnection, source: string): Redis {
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//.test(connection)) {
      throw new ConfigError(source, [
        {
          field: 'connection',
          problem: `"${connection}" is not a redis:// or rediss:// URL`,
          fix: 'pass e.g. redis://127.0.0.1:6379',
        },
      ]);
    }
    return quiet(new Redis(connection, { maxRetriesPerRequest: null, enableReadyCheck: true }));
  }
  if (typeof connection !== 'object' || connection === null) {
    throw new ConfigError(source, [
      {
        field: 'connection',
        problem: 'missing',
        fix: "pass a URL ('redis://127.0.0.1:6379') or ioredis options",
      },
    ]);
  }
  return quiet(new Redis({ ...connection, maxRetriesPerRequest: null }));
}

/**
 * ioredis reconnects by itself and queues commands meanwhile; without a listener it also prints
 * every refused reconnect ("Unhandled error event"). Connection trouble reaches users through
 * BullMQ's own `error` events and through calls that time out.
 */
function quiet(client: Redis): Redis {
  client.on('error', () => undefined);
  return client;
}
