import { describe, expect, it } from 'vitest';
import { createRedisLimiters } from './redis-limiter.js';
import { dropPrefix, redisTestUrl, testPrefix } from './testing/redis-test-url.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis limiters (real Redis, two workers)', () => {
  it('keep the calls started per second under the cap across workers', async () => {
    const prefix = testPrefix();
    const limits = { 'airtable:appX': { intervalCap: 5, intervalMs: 1000 } };
    const workers = [
      createRedisLimiters({ connection: redisTestUrl, prefix, limits }),
      createRedisLimiters({ connection: redisTestUrl, prefix, limits }),
    ];
    const starts: number[] = [];
    try {
      await Promise.all(
        Array.from({ length: 16 }, (_, index) =>
          workers[index % 2]!.forProvider('airtable:appX')!.schedule(async () => {
            starts.push(Date.now());
          }),
        ),
      );
      starts.sort((a, b) => a - b);
      // The cap holds in Redis time; allow 50 ms for the hop to the call.
      for (let index = 5; index < starts.length; index++) {
        expect(starts[index]! - starts[index - 5]!).toBeGreaterThanOrEqual(950);
      }
      expect(workers[0]!.forProvider('unlimited-provider')).toBeUndefined();
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await dropPrefix(prefix);
    }
  });

  it('keep the calls in flight under the concurrency across workers', async () => {
    const prefix = testPrefix();
    const limits = { 'fal:flux': { concurrency: 2 } };
    const workers = [
      createRedisLimiters({ connection: redisTestUrl, prefix, limits }),
      createRedisLimiters({ connection: redisTestUrl, prefix, limits }),
    ];
    let inFlight = 0;
    let most = 0;
    try {
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          workers[index % 2]!.forProvider('fal:flux')!.schedule(async () => {
            inFlight += 1;
            most = Math.max(most, inFlight);
            await sleep(40);
            inFlight -= 1;
          }),
        ),
      );
      expect(most).toBe(2);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
      await dropPrefix(prefix);
    }
  });

  it("frees a dead worker's slot when its lease expires", async () => {
    const prefix = testPrefix();
    const limits = { voice: { concurrency: 1 } };
    const dying = createRedisLimiters({ connection: redisTestUrl, prefix, limits, leaseMs: 300 });
    const alive = createRedisLimiters({ connection: redisTestUrl, prefix, limits, leaseMs: 300 });
    try {
      let taken!: () => void;
      const holding = new Promise<void>((resolve) => {
        taken = resolve;
      });
      void dying.forProvider('voice')!.schedule(() => {
        taken();
        return new Promise<never>(() => undefined);
      });
      await holding;
      await dying.close();
      let ran = false;
      await alive.forProvider('voice')!.schedule(async () => {
        ran = true;
      });
      expect(ran).toBe(true);
    } finally {
      await alive.close();
      await dropPrefix(prefix);
    }
  });

  it('stops waiting when the signal aborts, and names bad limits', async () => {
    const prefix = testPrefix();
    const limits = { voice: { concurrency: 1 } };
    const shared = createRedisLimiters({ connection: redisTestUrl, prefix, limits });
    try {
      let release!: () => void;
      const first = shared.forProvider('voice')!.schedule(
        () =>
          new Promise<void>((resolve) => {
            release = resolve;
          }),
      );
      const controller = new AbortController();
      const second = shared.forProvider('voice')!.schedule(async () => 'ran', controller.signal);
      setTimeout(() => controller.abort(new Error('shutting down')), 100);
      await expect(second).rejects.toThrow('shutting down');
      release();
      await first;
    } finally {
      await shared.close();
      await dropPrefix(prefix);
    }
    expect(() =>
      createRedisLimiters({ connection: redisTestUrl, limits: { x: { concurrency: 0 } } }),
    ).toThrow(/limits\.x\.concurrency/);
  });
});
