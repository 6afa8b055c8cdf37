import { createBreakerRegistry, createEventBus, ProviderError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { shareBreakers } from './share-breakers.js';
import { dropPrefix, redisTestUrl, testPrefix } from './testing/redis-test-url.js';

async function until(condition: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function worker() {
  const events = createEventBus();
  const breakers = createBreakerRegistry({ longCooldownMs: 60_000 }, events);
  return { events, breakers };
}

describe('shareBreakers (real Redis)', () => {
  it("opens every worker's breaker when one worker's opens, and a late worker finds it open", async () => {
    const prefix = testPrefix();
    const a = worker();
    const b = worker();
    const sharedA = shareBreakers({ connection: redisTestUrl, prefix, ...a });
    const sharedB = shareBreakers({ connection: redisTestUrl, prefix, ...b });
    const opened: string[] = [];
    b.events.on('breaker:open', (event) => opened.push(event.provider));
    try {
      await Promise.all([sharedA.ready, sharedB.ready]);
      a.breakers
        .get('elevenlabs')
        .recordFailure(
          new ProviderError({ kind: 'billing', provider: 'elevenlabs', message: 'quota_exceeded' }),
        );
      await until(() => b.breakers.get('elevenlabs').state === 'open');
      expect(b.breakers.get('elevenlabs').retryAt).toBeGreaterThan(Date.now() + 50_000);
      expect(b.breakers.get('openai').state).toBe('closed');
      // B does not report (and re-share) an opening it received.
      expect(opened).toEqual([]);
      const c = worker();
      const sharedC = shareBreakers({ connection: redisTestUrl, prefix, ...c });
      await sharedC.ready;
      expect(c.breakers.get('elevenlabs').state).toBe('open');
      await sharedC.close();
    } finally {
      await Promise.all([sharedA.close(), sharedB.close()]);
      await dropPrefix(prefix);
    }
  });
});
