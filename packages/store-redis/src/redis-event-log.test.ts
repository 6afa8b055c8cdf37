import { createEventBus, recordEvents } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createRedisEventLog } from './redis-event-log.js';
import { dropPrefix, redisTestUrl, testPrefix } from './testing/redis-test-url.js';

describe('Redis event log (real Redis)', () => {
  it('orders events from several workers with one sequence and follows with afterSeq', async () => {
    const prefix = testPrefix();
    const workerA = createRedisEventLog({ connection: redisTestUrl, prefix });
    const workerB = createRedisEventLog({ connection: redisTestUrl, prefix });
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          (index % 2 ? workerA : workerB).append(
            'run:start',
            { runId: `r${index}` },
            `2026-11-24T09:00:${String(index).padStart(2, '0')}.000Z`,
          ),
        ),
      );
      const dashboard = createRedisEventLog({ connection: redisTestUrl, prefix });
      const all = await dashboard.read();
      expect(all.map((record) => record.seq)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
      expect(new Set(all.map((record) => (record.payload as { runId: string }).runId)).size).toBe(20);
      expect((await dashboard.read({ afterSeq: 18 })).map((record) => record.seq)).toEqual([19, 20]);
      expect(await dashboard.read({ limit: 3 })).toHaveLength(3);
      expect((await dashboard.read({ since: '2026-11-24T09:00:15.000Z' })).length).toBe(5);
      await dashboard.close();
    } finally {
      await Promise.all([workerA.close(), workerB.close()]);
      await dropPrefix(prefix);
    }
  });

  it('records a bus through recordEvents', async () => {
    const prefix = testPrefix();
    const log = createRedisEventLog({ connection: redisTestUrl, prefix });
    try {
      const events = createEventBus();
      const recorder = recordEvents(events, log);
      events.emit('breaker:open', {
        provider: 'fal',
        reason: 'billing',
        cooldownMs: 60_000,
        at: '2026-11-24T09:00:00.000Z',
      });
      await recorder.flushed();
      const [record] = await log.read();
      expect(record).toMatchObject({
        seq: 1,
        name: 'breaker:open',
        payload: { provider: 'fal', reason: 'billing' },
      });
    } finally {
      await log.close();
      await dropPrefix(prefix);
    }
  });
});
