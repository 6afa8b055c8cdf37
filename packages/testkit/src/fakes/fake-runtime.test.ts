import { ProviderError, sleep } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { FakeRuntime, fakeFailure } from './fake-runtime.js';

describe('FakeRuntime', () => {
  it('follows a failure script by call index, then succeeds', async () => {
    const custom = new ProviderError({ kind: 'billing', provider: 'x', message: 'no funds' });
    const runtime = new FakeRuntime<string>('fake:test', {
      failures: ['transient', null, 'rate_limit', custom],
    });
    const outcomes = [];
    for (const input of ['a', 'b', 'c', 'd', 'e']) {
      outcomes.push(await runtime.run(input, undefined, () => 'ok').catch((error: ProviderError) => error));
    }
    expect(outcomes[0]).toMatchObject({
      kind: 'transient',
      status: 503,
      provider: 'fake:test',
      retryable: true,
    });
    expect(outcomes[1]).toBe('ok');
    expect(outcomes[2]).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 10 });
    expect(outcomes[3]).toBe(custom);
    expect(outcomes[4]).toBe('ok');
    expect(runtime.calls).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('accepts a failure function', async () => {
    const runtime = new FakeRuntime<number>('fake:test', {
      id: 'custom',
      failures: (index) => (index % 2 === 0 ? fakeFailure('custom', 'auth', index) : undefined),
    });
    await expect(runtime.run(0, undefined, () => 'ok')).rejects.toMatchObject({ kind: 'auth', status: 401 });
    await expect(runtime.run(1, undefined, () => 'ok')).resolves.toBe('ok');
    expect(runtime.id).toBe('custom');
  });

  it('waits its latency and rejects with signal.reason as soon as the signal aborts', async () => {
    const runtime = new FakeRuntime<string>('fake:test', { latencyMs: () => 5_000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const error = await runtime.run('slow', controller.signal, () => 'ok').catch((reason: unknown) => reason);
    expect(error).toBe(controller.signal.reason);
    expect(Date.now() - started).toBeLessThan(1_000);
    const timed = new FakeRuntime<string>('fake:test', { latencyMs: 30 });
    const before = Date.now();
    await expect(timed.run('x', undefined, () => 'ok')).resolves.toBe('ok');
    expect(Date.now() - before).toBeGreaterThanOrEqual(25);
  });

  it('rejects a pre-aborted call at once but still records it', async () => {
    const runtime = new FakeRuntime<string>('fake:test');
    const signal = AbortSignal.abort();
    await expect(runtime.run('x', signal, () => 'ok')).rejects.toBe(signal.reason);
    expect(runtime.calls).toEqual(['x']);
    await expect(sleep(0, signal)).rejects.toBe(signal.reason);
  });

  it('reports its cost', () => {
    expect(new FakeRuntime('fake:test', { costUsd: 0.25 }).cost()).toEqual({ usd: 0.25 });
    expect(new FakeRuntime('fake:test').cost()).toEqual({ usd: 0 });
  });
});
