import { ProviderError, sleep } from '@reelsmith/core';

/** Options of {@link retryStep}. */
export interface RetryStepOptions<T> {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff ceiling, in ms (full jitter, doubling). */
  baseDelayMs: number;
  signal: AbortSignal | undefined;
  /**
   * Runs before every retry of a step that creates something: resolves the object when the
   * failed attempt created it after all (the answer was lost), so it is adopted, not made twice.
   */
  verify?: () => Promise<T | undefined>;
}

/** Longest server-requested wait honoured inside one publish; longer waits go back to the engine. */
const maxInlineWaitMs = 10_000;

/**
 * Runs one step, retrying only `transient` failures (a 5xx, a dropped connection, a timeout)
 * and only `retries` times. A step that creates something must pass `verify`. Any other
 * failure, or the last one, is thrown unchanged (a `ProviderError` the engine classifies).
 */
export async function retryStep<T>(run: () => Promise<T>, options: RetryStepOptions<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const retryable = ProviderError.isInstance(error) && error.kind === 'transient';
      if (!retryable || attempt > options.retries) throw error;
      const asked = error.retryAfterMs;
      if (asked !== undefined && asked > maxInlineWaitMs) throw error;
      const ceiling = options.baseDelayMs * 2 ** (attempt - 1);
      await sleep(asked ?? Math.round(Math.random() * ceiling), options.signal);
      if (options.verify) {
        const existing = await options.verify();
        if (existing !== undefined) return existing;
      }
    }
  }
}
