import { sleep } from '@reelsmith/core';

/** Spaces request starts so no more than `requestsPerSecond` begin in any second. */
export interface RateGate {
  /** Resolves when the next request may start; rejects with the signal's reason if it aborts first. */
  wait(signal?: AbortSignal): Promise<void>;
}

/** Options of {@link createRateGate}. */
export interface RateGateOptions {
  requestsPerSecond: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
  /** Waits `ms`; for tests. Default core's `sleep`. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Creates a {@link RateGate}: each start is booked at least `1000 / requestsPerSecond` ms after
 * the previous one (the Creators API allows 1 request per second to start with).
 */
export function createRateGate(options: RateGateOptions): RateGate {
  const spacingMs = 1000 / options.requestsPerSecond;
  const now = options.now ?? Date.now;
  const wait = options.sleep ?? sleep;
  let nextStart = Number.NEGATIVE_INFINITY;
  return {
    async wait(signal) {
      if (signal?.aborted) throw signal.reason;
      const at = Math.max(now(), nextStart);
      nextStart = at + spacingMs;
      const delay = at - now();
      try {
        if (delay > 0) await wait(delay, signal);
      } catch (error) {
        // Give the unused slot back when this is the last booking.
        if (nextStart === at + spacingMs) nextStart = at;
        throw error;
      }
    },
  };
}
