import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { ProviderError, type ProviderErrorKind } from '../errors/provider-error.js';
import { RetryError } from '../errors/retry-error.js';
import { computeRetryDelay, defaultRetrySettings, withRetry } from './with-retry.js';

const fail = (kind: ProviderErrorKind, extra: { retryAfterMs?: number } = {}) =>
  new ProviderError({ kind, provider: 'p', message: kind, ...extra });

const fast = { baseDelayMs: 1, maxDelayMs: 2 };

describe('withRetry', () => {
  it('retries transient failures and returns the first success', async () => {
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw fail('transient');
        return 'ok';
      },
      { ...fast, retries: 3 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
  });

  it.each([
    'auth',
    'billing',
    'quota',
    'invalid_input',
    'content_policy',
    'model_unavailable',
    'unknown',
  ] as const)('never retries %s and rethrows the original error', async (kind) => {
    let calls = 0;
    const error = fail(kind);
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw error;
        },
        { ...fast, retries: 5 },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it('waits for the Retry-After the server asked for, not the backoff', async () => {
    const delays: number[] = [];
    let calls = 0;
    const started = Date.now();
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw fail('rate_limit', { retryAfterMs: 120 });
        return 'ok';
      },
      { retries: 2, baseDelayMs: 1, maxDelayMs: 1, onRetry: (info) => delays.push(info.delayMs) },
    );
    expect(delays).toEqual([120]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('caps a long Retry-After at maxRetryAfterMs', () => {
    const settings = { ...defaultRetrySettings, maxRetryAfterMs: 5000 };
    expect(computeRetryDelay(fail('rate_limit', { retryAfterMs: 3_600_000 }), 1, settings)).toBe(5000);
  });

  it('uses exponential backoff with full jitter under the cap', () => {
    const settings = { ...defaultRetrySettings, baseDelayMs: 1000, maxDelayMs: 30_000 };
    expect(computeRetryDelay(fail('transient'), 1, settings, () => 0.999)).toBe(999);
    expect(computeRetryDelay(fail('transient'), 3, settings, () => 0.5)).toBe(2000);
    expect(computeRetryDelay(fail('transient'), 20, settings, () => 0.5)).toBe(15_000);
    expect(computeRetryDelay(fail('transient'), 3, settings, () => 0)).toBe(0);
  });

  it('throws RetryError with every attempt error when retries run out', async () => {
    const errors = [fail('transient'), fail('rate_limit'), fail('transient')];
    let calls = 0;
    const failure = await withRetry(
      async () => {
        throw errors[calls++];
      },
      { ...fast, retries: 2 },
    ).catch((error: unknown) => error);
    expect(RetryError.isInstance(failure)).toBe(true);
    expect((failure as RetryError).errors).toEqual(errors);
    expect((failure as RetryError).lastError).toBe(errors[2]);
  });

  it('stops waiting as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = withRetry(
      async () => {
        throw fail('rate_limit', { retryAfterMs: 10_000 });
      },
      { retries: 3, signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('stop')), 30);
    await expect(pending).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects invalid settings with a ConfigError naming the field', async () => {
    await expect(withRetry(async () => 1, { retries: -1 })).rejects.toSatisfy(
      (error: unknown) => ConfigError.isInstance(error) && error.field === 'retry.retries',
    );
  });
});
