import { describe, expect, it } from 'vitest';
import { CircuitOpenError } from '../errors/circuit-open-error.js';
import { ProviderError, type ProviderErrorKind } from '../errors/provider-error.js';
import { circuitBreaker } from './circuit-breaker.js';

const fail = (kind: ProviderErrorKind) => new ProviderError({ kind, provider: 'p', message: kind });

function setup(settings: { failureThreshold?: number; cooldownMs?: number; longCooldownMs?: number } = {}) {
  let time = 1_000_000;
  const opened: string[] = [];
  let closed = 0;
  const breaker = circuitBreaker({
    provider: 'p',
    failureThreshold: 3,
    cooldownMs: 1000,
    longCooldownMs: 60_000,
    ...settings,
    now: () => time,
    onOpen: (info) => opened.push(info.reason),
    onClose: () => {
      closed += 1;
    },
  });
  return { breaker, opened, closed: () => closed, advance: (ms: number) => (time += ms) };
}

describe('circuitBreaker', () => {
  it('opens after N consecutive failures and refuses calls without making them', async () => {
    const { breaker, opened } = setup();
    for (let i = 0; i < 2; i++) breaker.recordFailure(fail('transient'));
    expect(breaker.state).toBe('closed');
    breaker.recordFailure(fail('transient'));
    expect(breaker.state).toBe('open');
    expect(opened).toHaveLength(1);
    let called = false;
    const error = await breaker
      .execute(async () => {
        called = true;
      })
      .catch((e: unknown) => e);
    expect(called).toBe(false);
    expect(CircuitOpenError.isInstance(error)).toBe(true);
  });

  it('a success resets the consecutive count', () => {
    const { breaker } = setup();
    breaker.recordFailure(fail('transient'));
    breaker.recordFailure(fail('transient'));
    breaker.recordSuccess();
    breaker.recordFailure(fail('transient'));
    breaker.recordFailure(fail('transient'));
    expect(breaker.state).toBe('closed');
  });

  it.each(['billing', 'auth', 'model_unavailable', 'quota'] as const)(
    'opens at once with the long cooldown on %s',
    (kind) => {
      const { breaker, advance } = setup();
      breaker.recordFailure(fail(kind));
      expect(breaker.state).toBe('open');
      advance(1500); // past the short cooldown
      expect(breaker.state).toBe('open');
      advance(60_000);
      expect(breaker.state).toBe('half-open');
    },
  );

  it.each(['invalid_input', 'content_policy'] as const)(
    'does not count %s (the input was at fault)',
    (kind) => {
      const { breaker } = setup();
      for (let i = 0; i < 10; i++) breaker.recordFailure(fail(kind));
      expect(breaker.state).toBe('closed');
    },
  );

  it('after the cooldown lets exactly one probe through; success closes it', async () => {
    const { breaker, advance, closed } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure(fail('transient'));
    advance(1001);
    expect(breaker.state).toBe('half-open');
    breaker.assertCanCall();
    expect(() => breaker.assertCanCall()).toThrow(CircuitOpenError);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(closed()).toBe(1);
  });

  it('a failed probe opens it again for another cooldown', () => {
    const { breaker, advance, opened } = setup();
    for (let i = 0; i < 3; i++) breaker.recordFailure(fail('transient'));
    advance(1001);
    breaker.assertCanCall();
    breaker.recordFailure(fail('transient'));
    expect(breaker.state).toBe('open');
    expect(opened).toHaveLength(2);
    advance(999);
    expect(breaker.state).toBe('open');
  });

  it('openUntil opens without reporting, keeps a later open, and probes after the time', () => {
    const { breaker, opened, advance } = setup();
    breaker.openUntil(1_000_000 + 5000, 'billing (from another worker)');
    expect(breaker.state).toBe('open');
    expect(opened).toEqual([]);
    expect(() => breaker.assertCanCall()).toThrow(CircuitOpenError);
    breaker.openUntil(1_000_000 + 2000, 'shorter');
    expect(breaker.retryAt).toBe(1_000_000 + 5000);
    advance(5000);
    expect(breaker.state).toBe('half-open');
    breaker.openUntil(1_000_000 - 1, 'in the past');
    expect(breaker.state).toBe('half-open');
  });
});
