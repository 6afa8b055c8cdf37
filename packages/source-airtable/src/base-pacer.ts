import { sleep } from '@reelsmith/core';

/**
 * Spaces the requests to one Airtable base: each request starts at least `1000 / rps` ms after
 * the one before, so no second holds more than `rps` starts, and every request waits while the
 * base is paused after a 429. One pacer per base per process (see {@link pacerFor}), so several
 * sources and workers sharing a base share its 5 requests per second.
 */
export interface BasePacer {
  /**
   * Resolves when the caller may send its request. Rejects with `signal.reason` when the signal
   * aborts, and with a {@link PausedError} when the base is paused for longer than `maxWaitMs`.
   */
  acquire(options: { signal?: AbortSignal | undefined; maxWaitMs: number }): Promise<void>;
  /** Holds every request to the base for `ms` from now (a 429 `TOO_MANY_REQUESTS` asks for 30 s). */
  pause(ms: number): void;
  /** Milliseconds left of the current pause (0 when not paused). */
  pausedFor(): number;
  /** Lowers the rate to `requestsPerSecond` if that is slower than the current one. */
  slowTo(requestsPerSecond: number): void;
}

/** Thrown by {@link BasePacer.acquire} when the pause would outlast the caller's patience. */
export class PausedError extends Error {
  constructor(readonly remainingMs: number) {
    super(`the base is paused for ${remainingMs} ms after a 429`);
    this.name = 'PausedError';
  }
}

/** Creates a {@link BasePacer} allowing `requestsPerSecond` request starts per second. */
export function createBasePacer(requestsPerSecond: number): BasePacer {
  let spacingMs = 1000 / requestsPerSecond;
  let nextStart = 0;
  let pausedUntil = 0;
  return {
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, Date.now() + ms);
    },
    pausedFor: () => Math.max(0, pausedUntil - Date.now()),
    slowTo(rate) {
      spacingMs = Math.max(spacingMs, 1000 / rate);
    },
    async acquire({ signal, maxWaitMs }) {
      signal?.throwIfAborted();
      const now = Date.now();
      const paused = pausedUntil - now;
      if (paused > maxWaitMs) throw new PausedError(paused);
      const start = Math.max(now, nextStart, pausedUntil);
      nextStart = start + spacingMs;
      if (start > now) await sleep(start - now, signal);
    },
  };
}

const pacers = new Map<string, BasePacer>();

/**
 * The process-wide pacer of one base (keyed by API origin and base id), created on first use.
 * Sources of the same base asking for different rates share one pacer at the slowest rate.
 */
export function pacerFor(endpointUrl: string, baseId: string, requestsPerSecond: number): BasePacer {
  const key = `${endpointUrl}|${baseId}`;
  const existing = pacers.get(key);
  if (existing) {
    existing.slowTo(requestsPerSecond);
    return existing;
  }
  const pacer = createBasePacer(requestsPerSecond);
  pacers.set(key, pacer);
  return pacer;
}
