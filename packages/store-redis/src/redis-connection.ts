import { ConfigError } from '@reelsmith/core';
import { Redis, type RedisOptions } from 'ioredis';

/** How a Redis-backed store connects: a URL, ioredis options, or a client you own. */
export type RedisConnection = string | RedisOptions | Redis;

/** A client for `connection`, and whether the store owns it (and must quit it on close). */
export function connect(connection: RedisConnection, source: string): { client: Redis; owned: boolean } {
  if (connection instanceof Redis) return { client: connection, owned: false };
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
    return { client: new Redis(connection, { lazyConnect: false }), owned: true };
  }
  if (typeof connection !== 'object' || connection === null) {
    throw new ConfigError(source, [
      {
        field: 'connection',
        problem: 'missing',
        fix: "pass a URL ('redis://127.0.0.1:6379'), ioredis options or an ioredis client",
      },
    ]);
  }
  return { client: new Redis(connection), owned: true };
}

/** Checks a key prefix: it namespaces every key the store writes. */
export function assertPrefix(prefix: unknown, source: string): asserts prefix is string {
  if (typeof prefix !== 'string' || prefix.length === 0 || /\s/.test(prefix)) {
    throw new ConfigError(source, [
      {
        field: 'prefix',
        problem: 'expected a non-empty prefix without spaces',
        fix: "pass e.g. prefix: 'reelsmith'",
      },
    ]);
  }
}
