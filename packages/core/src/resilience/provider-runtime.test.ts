import { describe, expect, it } from 'vitest';
import { createCostLedger } from '../budget/cost-ledger.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { ConfigError } from '../errors/config-error.js';
import { createEventBus } from '../events/event-bus.js';
import type { ReelsmithEventName } from '../events/event-map.js';
import { scriptedImageProvider } from '../test-support/script-image-provider.js';
import { createProviderRuntime } from './provider-runtime.js';

function recorder() {
  const events = createEventBus();
  const seen: Array<[ReelsmithEventName, unknown]> = [];
  events.onAny((name, payload) => seen.push([name, payload]));
  return { events, seen, names: () => seen.map(([name]) => name) };
}

describe('createProviderRuntime', () => {
  it('emits call, retry and cost events and records cost in the ledger', async () => {
    const { events, names } = recorder();
    const runtime = createProviderRuntime({ events, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const ledger = createCostLedger({ runId: 'r1', events });
    const provider = scriptedImageProvider('fal', ['transient', 'ok'], { costUsd: 0.03 });
    const wrapped = runtime.wrap(provider, { runId: 'r1', phase: 'images', ledger });
    await wrapped.generateImage({ prompt: 'x' });
    expect(names()).toEqual(['provider:call', 'provider:retry', 'provider:call', 'cost:add']);
    expect(ledger.totalUsd).toBeCloseTo(0.03);
    expect(ledger.entries[0]).toMatchObject({ provider: 'fal', phase: 'images' });
  });

  it('refuses a paid call that would cross the budget before making it', async () => {
    const runtime = createProviderRuntime();
    const ledger = createCostLedger({ limitUsd: 0.1 });
    ledger.restore(0.08);
    const provider = scriptedImageProvider('imagen', ['ok'], { estimateUsd: 0.04 });
    const error = await runtime
      .wrap(provider, { ledger })
      .generateImage({ prompt: 'x' })
      .catch((e: unknown) => e);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(provider.calls).toHaveLength(0);
    expect((error as BudgetExceededError).message).toContain('budget.perRunUsd');
  });

  it('limits concurrency per provider id', async () => {
    const runtime = createProviderRuntime({ limits: { slow: { concurrency: 2 } } });
    let inFlight = 0;
    let peak = 0;
    const provider = scriptedImageProvider('slow', ['ok']);
    const original = provider.generateImage.bind(provider);
    provider.generateImage = async (input, options) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight -= 1;
      return original(input, options);
    };
    const wrapped = runtime.wrap(provider);
    await Promise.all(Array.from({ length: 6 }, () => wrapped.generateImage({ prompt: 'x' })));
    expect(peak).toBe(2);
  });

  it('re-checks the breaker when a queued call gets its slot', async () => {
    const runtime = createProviderRuntime({ limits: { imagen: { concurrency: 1 } }, retry: false });
    const provider = scriptedImageProvider('imagen', ['billing'], { delayMs: 10 });
    const wrapped = runtime.wrap(provider);
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => wrapped.generateImage({ prompt: 'x' })));
    expect(provider.calls).toHaveLength(1);
    expect(
      outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as Error).name : 'ok')),
    ).toEqual(['ProviderError', 'CircuitOpenError', 'CircuitOpenError']);
  });

  it('keeps private class fields working through the wrapper', async () => {
    class Keyed {
      readonly specificationVersion = 'v1' as const;
      readonly id = 'keyed';
      readonly capability = 'image' as const;
      readonly #key = 'secret-key-123';
      describe() {
        return this.#key.length;
      }
      async generateImage() {
        return {
          images: [{ data: new Uint8Array([this.#key.length]), mediaType: 'image/png' }],
          cost: { usd: 0 },
          warnings: [],
        };
      }
    }
    const wrapped = createProviderRuntime().wrap(new Keyed());
    expect(wrapped.describe()).toBe(14);
    expect((await wrapped.generateImage()).images[0]?.data[0]).toBe(14);
  });

  it('rejects providers of an unknown contract version', () => {
    const future = { ...scriptedImageProvider('x', ['ok']), specificationVersion: 'v2' };
    expect(() => createProviderRuntime().wrap(future as never)).toThrow(ConfigError);
    expect(() => createProviderRuntime().wrap(future as never)).toThrow(/specificationVersion/);
  });
});
