import { randomUUID } from 'node:crypto';
import { ConfigError, type Limiter, type LimitSettings, sleep } from '@reelsmith/core';
import { assertPrefix, connect, type RedisConnection } from './redis-connection.js';

/** Options of {@link createRedisLimiters}. */
export interface RedisLimitersOptions {
  connection: RedisConnection;
  /** Namespace; default `reelsmith`. Every worker of one deployment uses the same. */
  prefix?: string;
  /** Limits by provider id, as in `definePipeline({ limits })`, but enforced across all workers. */
  limits: Record<string, LimitSettings>;
  /** A call's slot is freed after this long even if its worker died without releasing it; renewed while the call runs. Default 60 s. */
  leaseMs?: number;
  /** Longest pause between tries while waiting for a slot. Default 250 ms. */
  maxPollMs?: number;
}

/** Limiters shared through Redis; pass `limiters.forProvider` to `definePipeline({ limiters })`. */
export interface RedisLimiters {
  forProvider: (provider: string) => Limiter | undefined;
  close(): Promise<void>;
}

// Takes a slot when both limits allow it; else answers how long to wait (ms). Times come from
// the Redis server's clock, so workers with skewed clocks agree.
const acquireScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local concurrency = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local interval = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - interval)
local wait = 0
if concurrency > 0 and redis.call('ZCARD', KEYS[1]) >= concurrency then wait = 1 end
if cap > 0 and redis.call('ZCARD', KEYS[2]) >= cap then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  wait = math.max(wait, tonumber(oldest[2]) + interval - now + 1)
end
if wait > 0 then return wait end
redis.call('ZADD', KEYS[1], now + lease, ARGV[5])
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], lease * 2)
redis.call('PEXPIRE', KEYS[2], interval * 2)
return 0`;

const renewScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])`;

/**
 * Per-provider limits enforced across every worker process and machine through Redis: calls in
 * flight (`concurrency`, leases that expire if a worker dies) and calls started per window
 * (`intervalCap` per `intervalMs`, a sliding window). So N workers together never exceed, say,
 * Airtable's 5 requests per second per base or a provider's concurrency.
 *
 * @example
 * ```ts
 * const shared = createRedisLimiters({ connection: 'redis://127.0.0.1:6379', limits: { 'airtable:appX/Jobs': { intervalCap: 5, intervalMs: 1000 } } });
 * const pipeline = createAffiliatePipeline({ ...providers, limiters: shared.forProvider });
 * ```
 */
export function createRedisLimiters(options: RedisLimitersOptions): RedisLimiters {
  const prefix = options.prefix ?? 'reelsmith';
  assertPrefix(prefix, 'createRedisLimiters');
  const leaseMs = options.leaseMs ?? 60_000;
  const maxPollMs = options.maxPollMs ?? 250;
  for (const [provider, settings] of Object.entries(options.limits)) {
    for (const field of ['concurrency', 'intervalCap', 'intervalMs'] as const) {
      const value = settings[field];
      if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
        throw new ConfigError('createRedisLimiters', [
          {
            field: `limits.${provider}.${field}`,
            problem: `expected an integer ≥ 1, got ${String(value)}`,
            fix: 'set it to 1 or more, or leave it out',
          },
        ]);
      }
    }
  }
  const { client, owned } = connect(options.connection, 'createRedisLimiters');
  const limiters = new Map<string, Limiter>();

  const limiterFor = (provider: string, settings: LimitSettings): Limiter => {
    const leases = `${prefix}:limit:${provider}:leases`;
    const starts = `${prefix}:limit:${provider}:starts`;
    let pending = 0;
    return {
      get pending() {
        return pending;
      },
      async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
        const token = randomUUID();
        pending += 1;
        try {
          for (;;) {
            signal?.throwIfAborted();
            const wait = Number(
              await client.eval(
                acquireScript,
                2,
                leases,
                starts,
                settings.concurrency ?? 0,
                settings.intervalCap ?? 0,
                settings.intervalMs ?? 1000,
                leaseMs,
                token,
              ),
            );
            if (wait === 0) break;
            await sleep(Math.min(Math.max(wait, 5), maxPollMs), signal);
          }
        } finally {
          pending -= 1;
        }
        const renew = setInterval(() => {
          void client.eval(renewScript, 1, leases, leaseMs, token).catch(() => undefined);
        }, leaseMs / 2);
        renew.unref();
        try {
          return await fn();
        } finally {
          clearInterval(renew);
          await client.zrem(leases, token).catch(() => undefined);
        }
      },
    };
  };

  return {
    forProvider: (provider) => {
      const settings = options.limits[provider];
      if (!settings) return undefined;
      let limiter = limiters.get(provider);
      if (!limiter) {
        limiter = limiterFor(provider, settings);
        limiters.set(provider, limiter);
      }
      return limiter;
    },
    async close() {
      if (owned) await client.quit();
    },
  };
}
