/** Options of {@link createConcurrencyLimiter}. */
export interface ConcurrencyLimiterOptions {
  /** Requests in flight at once, at most. */
  maxConcurrency: number;
  /** The floor the limit backs off to after 429s. Default 1. */
  minConcurrency?: number;
}

/**
 * Caps requests in flight, and lowers the cap when the service says there are too many
 * (AIMD: halve on a 429, add one back after as many successes in a row as the current cap).
 */
export interface ConcurrencyLimiter {
  /** Runs `task` when a slot is free; rejects with the signal's reason if it aborts while waiting. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Reports a 429: halves the cap (not below the floor). */
  throttled(): void;
  /** Reports a success: after `limit` successes in a row, the cap grows by one (up to the maximum). */
  succeeded(): void;
  /** The current cap. */
  readonly limit: number;
  /** Requests in flight. */
  readonly active: number;
}

interface Waiter {
  start: () => void;
}

/** Creates a {@link ConcurrencyLimiter}. */
export function createConcurrencyLimiter(options: ConcurrencyLimiterOptions): ConcurrencyLimiter {
  const max = Math.max(1, Math.floor(options.maxConcurrency));
  const min = Math.min(max, Math.max(1, Math.floor(options.minConcurrency ?? 1)));
  let limit = max;
  let active = 0;
  let streak = 0;
  const waiting: Waiter[] = [];

  const pump = () => {
    while (active < limit && waiting.length > 0) waiting.shift()!.start();
  };

  return {
    get limit() {
      return limit;
    },
    get active() {
      return active;
    },
    throttled() {
      limit = Math.max(min, Math.floor(limit / 2));
      streak = 0;
    },
    succeeded() {
      streak += 1;
      if (streak >= limit && limit < max) {
        limit += 1;
        streak = 0;
        pump();
      }
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => {
          const index = waiting.indexOf(waiter);
          if (index !== -1) waiting.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            active += 1;
            task()
              .then(resolve, reject)
              .finally(() => {
                active -= 1;
                pump();
              });
          },
        };
        if (active < limit) {
          waiter.start();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(waiter);
      });
    },
  };
}
