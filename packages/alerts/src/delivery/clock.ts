import { sleep } from '@reelsmith/core';

/**
 * Time as the alert channels and rules see it. Inject one in tests so rate limits,
 * `Retry-After` waits and backoff are checked without real waiting.
 */
export interface AlertClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Waits `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock: `Date.now` and a timer. */
export const systemClock: AlertClock = {
  now: () => Date.now(),
  sleep: (ms) => sleep(ms),
};
