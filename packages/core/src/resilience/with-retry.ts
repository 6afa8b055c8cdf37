import pRetry from 'p-retry';
import { ConfigError } from '../errors/config-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { RetryError } from '../errors/retry-error.js';
import { sleep } from './sleep.js';

/** Retry settings. Defaults follow the cross-cutting client rules: base 1 s, ×2, cap 30 s, full jitter. */
export interface RetrySettings {
  /** Retries after the first attempt; default 3 (so 4 attempts). 0 disables retrying. */
  retries?: number;
  /** First backoff ceiling; default 1000 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling; default 30 000 ms. */
  maxDelayMs?: number;
  /** Longest server-requested wait honoured (`Retry-After`); longer requests wait this long. Default 60 000 ms. */
  maxRetryAfterMs?: number;
}

/** Information about a retry that is about to wait. */
export interface RetryInfo {
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  error: unknown;
}

/** Options of {@link withRetry}. */
export interface RetryOptions extends RetrySettings {
  signal?: AbortSignal;
  /** Called before each wait. */
  onRetry?: (info: RetryInfo) => void;
  /** Which errors to retry; default {@link isRetryableError} (only `transient` and `rate_limit`). */
  shouldRetry?: (error: unknown) => boolean;
  /** Names the call in `RetryError` messages. */
  label?: string;
  /** Random source in [0, 1) for jitter; for deterministic tests. */
  random?: () => number;
}

/** Default retry settings. */
export const defaultRetrySettings: Required<RetrySettings> = {
  retries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
};

/** True for errors the core retries: a `ProviderError` whose `retryable` is set (`transient`, `rate_limit`). */
export function isRetryableError(error: unknown): boolean {
  return ProviderError.isInstance(error) && error.retryable;
}

/**
 * The delay before the next attempt: the server's `retryAfterMs` when given (capped at
 * `maxRetryAfterMs`), otherwise exponential backoff with full jitter.
 */
export function computeRetryDelay(
  error: unknown,
  attempt: number,
  settings: Required<RetrySettings>,
  random: () => number = Math.random,
): number {
  if (ProviderError.isInstance(error) && error.retryAfterMs !== undefined) {
    return Math.min(Math.max(0, error.retryAfterMs), settings.maxRetryAfterMs);
  }
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * Runs `fn`, retrying retryable failures with exponential backoff and jitter, honouring
 * the server's `Retry-After`. Built on p-retry.
 *
 * Rejects with the original error when the first attempt fails with a non-retryable error,
 * and with a {@link RetryError} holding every attempt's error when more than one attempt failed.
 *
 * @example
 * ```ts
 * const image = await withRetry(() => provider.generateImage(input), { retries: 3, signal });
 * ```
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const settings = resolveRetrySettings(options);
  const shouldRetry = options.shouldRetry ?? isRetryableError;
  const errors: unknown[] = [];
  try {
    return await pRetry(
      async (attempt) => {
        try {
          return await fn(attempt);
        } catch (error) {
          errors.push(error);
          // p-retry only handles Error instances; wrap anything else so it is not lost.
          throw error instanceof Error ? error : new Error(String(error));
        }
      },
      {
        retries: settings.retries,
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        signal: options.signal,
        shouldRetry: async ({ error, attemptNumber }) => {
          const original = errors[errors.length - 1] ?? error;
          if (options.signal?.aborted || !shouldRetry(original)) return false;
          const delayMs = computeRetryDelay(original, attemptNumber, settings, options.random);
          options.onRetry?.({ attempt: attemptNumber, delayMs, error: original });
          await sleep(delayMs, options.signal);
          return true;
        },
      },
    );
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason ?? error;
    if (errors.length <= 1) throw errors[0] ?? error;
    throw new RetryError(errors, options.label);
  }
}

/** Validates retry settings and fills defaults; a bad value is a `ConfigError` naming it. */
export function resolveRetrySettings(settings: RetrySettings = {}): Required<RetrySettings> {
  const resolved = { ...defaultRetrySettings, ...stripUndefined(settings) };
  for (const key of Object.keys(defaultRetrySettings) as (keyof RetrySettings)[]) {
    const value = resolved[key];
    if (!Number.isFinite(value) || value < 0) {
      throw new ConfigError('withRetry', [
        {
          field: `retry.${key}`,
          problem: `expected a non-negative number, got ${String(value)}`,
          fix: `set retry.${key} to a number ≥ 0`,
        },
      ]);
    }
  }
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
