import type { BreakerRegistry, EventBus, ReelsmithEvents } from '@reelsmith/core';
import { assertPrefix, connect, type RedisConnection } from './redis-connection.js';

/** Options of {@link shareBreakers}. */
export interface ShareBreakersOptions {
  connection: RedisConnection;
  /** Namespace; default `reelsmith`. */
  prefix?: string;
  /** The worker's event bus (`pipeline.events`): its `breaker:open` events are shared. */
  events: EventBus;
  /** The worker's breakers (`pipeline.runtime.breakers`): opened when another worker's open. */
  breakers: BreakerRegistry;
}

/** What {@link shareBreakers} returns. */
export interface SharedBreakers {
  /** Resolves once the breakers already open in Redis are applied and the subscription is live. */
  ready: Promise<void>;
  close(): Promise<void>;
}

interface OpenMessage {
  provider: string;
  until: number;
  reason: string;
}

/**
 * Shares breaker openings between workers: when one worker's breaker for a provider opens (a
 * billing error, an expired token, five timeouts), the open-until time goes to Redis
 * (`<prefix>:breaker:<provider>`, expiring with it) and is published; every other worker opens
 * its own breaker for that provider until the same time, so no worker pays for the same failure
 * again. A worker that starts later reads the open breakers first.
 */
export function shareBreakers(options: ShareBreakersOptions): SharedBreakers {
  const prefix = options.prefix ?? 'reelsmith';
  assertPrefix(prefix, 'shareBreakers');
  const { client, owned } = connect(options.connection, 'shareBreakers');
  const subscriber = client.duplicate();
  const channel = `${prefix}:breakers`;
  const keyOf = (provider: string) => `${prefix}:breaker:${provider}`;
  const apply = (message: OpenMessage) => {
    options.breakers.get(message.provider).openUntil(message.until, `${message.reason} (another worker)`);
  };

  const onOpen = (event: ReelsmithEvents['breaker:open']) => {
    const message: OpenMessage = {
      provider: event.provider,
      until: Date.parse(event.at) + event.cooldownMs,
      reason: event.reason,
    };
    const text = JSON.stringify(message);
    void client
      .multi()
      .set(keyOf(event.provider), text, 'PX', Math.max(1, event.cooldownMs))
      .publish(channel, text)
      .exec()
      .catch(() => undefined);
  };
  options.events.on('breaker:open', onOpen);

  subscriber.on('message', (_channel: string, text: string) => {
    try {
      apply(JSON.parse(text) as OpenMessage);
    } catch {
      // Not ours: ignore.
    }
  });
  const ready = (async () => {
    await subscriber.subscribe(channel);
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:breaker:*`, 'COUNT', 200);
      cursor = next;
      for (const key of keys) {
        const text = await client.get(key);
        if (text) apply(JSON.parse(text) as OpenMessage);
      }
    } while (cursor !== '0');
  })();

  return {
    ready,
    async close() {
      options.events.off('breaker:open', onOpen);
      await subscriber.quit().catch(() => undefined);
      if (owned) await client.quit();
    },
  };
}
