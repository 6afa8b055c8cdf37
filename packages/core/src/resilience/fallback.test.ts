import { describe, expect, it } from 'vitest';
import { createCostLedger } from '../budget/cost-ledger.js';
import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { ConfigError } from '../errors/config-error.js';
import { FallbackExhaustedError } from '../errors/fallback-exhausted-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { createEventBus } from '../events/event-bus.js';
import type { ReelsmithEvents } from '../events/event-map.js';
import type { VoiceProvider } from '../spec/voice-provider.js';
import { scriptedImageProvider } from '../test-support/script-image-provider.js';
import { fallback } from './fallback.js';
import { createProviderRuntime } from './provider-runtime.js';

const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 2 };

function recordFallbacks() {
  const events = createEventBus();
  const moves: ReelsmithEvents['provider:fallback'][] = [];
  events.on('provider:fallback', (event) => moves.push(event));
  return { events, moves };
}

describe('fallback', () => {
  it('is itself a provider of the same capability', () => {
    const chain = fallback([scriptedImageProvider('a', ['ok']), scriptedImageProvider('b', ['ok'])]);
    expect(chain.capability).toBe('image');
    expect(chain.specificationVersion).toBe('v1');
    expect(chain.id).toBe('fallback(a,b)');
  });

  it('moves on at once after a non-retryable error and says why', async () => {
    const { events, moves } = recordFallbacks();
    const a = scriptedImageProvider('imagen', ['billing']);
    const b = scriptedImageProvider('fal', ['ok']);
    const result = await fallback([a, b], { events, retry: fast }).generateImage({ prompt: 'kettle' });
    expect(result.images).toHaveLength(1);
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(1);
    expect(moves).toEqual([
      expect.objectContaining({ from: 'imagen', to: 'fal', reason: 'billing', capability: 'image' }),
    ]);
  });

  it('retries the current provider first, then moves on when its retries are exhausted', async () => {
    const { events, moves } = recordFallbacks();
    const a = scriptedImageProvider('imagen', ['transient']);
    const b = scriptedImageProvider('fal', ['ok']);
    await fallback([a, b], { events, retry: fast }).generateImage({ prompt: 'kettle' });
    expect(a.calls).toHaveLength(3);
    expect(moves[0]?.reason).toBe('transient (retries exhausted)');
  });

  it('skips a provider whose breaker is open without calling it', async () => {
    const { events, moves } = recordFallbacks();
    const a = scriptedImageProvider('imagen', ['auth']);
    const b = scriptedImageProvider('fal', ['ok']);
    const chain = fallback([a, b], { events, retry: fast });
    await chain.generateImage({ prompt: 'one' });
    await chain.generateImage({ prompt: 'two' });
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(2);
    expect(moves.map((move) => move.reason)).toEqual(['auth', 'breaker-open']);
  });

  it('never moves on invalid_input unless told to', async () => {
    const a = scriptedImageProvider('imagen', ['invalid_input']);
    const b = scriptedImageProvider('fal', ['ok']);
    const error = await fallback([a, b], { retry: fast })
      .generateImage({ prompt: 'x' })
      .catch((e: unknown) => e);
    expect(ProviderError.isInstance(error) && error.kind).toBe('invalid_input');
    expect(b.calls).toHaveLength(0);

    const c = scriptedImageProvider('imagen2', ['invalid_input']);
    const d = scriptedImageProvider('fal2', ['ok']);
    await fallback([c, d], { retry: fast, fallbackOnInvalidInput: true }).generateImage({ prompt: 'x' });
    expect(d.calls).toHaveLength(1);
  });

  it('throws FallbackExhaustedError with every failure when all providers fail', async () => {
    const chain = fallback(
      [scriptedImageProvider('a', ['billing']), scriptedImageProvider('b', ['model_unavailable'])],
      { retry: fast },
    );
    const error = await chain.generateImage({ prompt: 'x' }).catch((e: unknown) => e);
    expect(FallbackExhaustedError.isInstance(error)).toBe(true);
    const failures = (error as FallbackExhaustedError).failures;
    expect(failures.map((failure) => failure.provider)).toEqual(['a', 'b']);
    expect((error as Error).message).toContain('a:');
  });

  it('takes the next provider when the current one would cross the budget', async () => {
    const events = createEventBus();
    const runtime = createProviderRuntime({ events, retry: fast });
    const ledger = createCostLedger({ limitUsd: 0.05 });
    const pricey = scriptedImageProvider('imagen-ultra', ['ok'], { estimateUsd: 0.06 });
    const cheap = scriptedImageProvider('flux', ['ok'], { estimateUsd: 0.01, costUsd: 0.01 });
    const chain = runtime.wrap(fallback([pricey, cheap]), { ledger });
    await chain.generateImage({ prompt: 'x' });
    expect(pricey.calls).toHaveLength(0);
    expect(cheap.calls).toHaveLength(1);
    expect(ledger.totalUsd).toBeCloseTo(0.01);

    const tooPricey = runtime.wrap(fallback([pricey]), { ledger });
    await expect(tooPricey.generateImage({ prompt: 'y' })).rejects.toSatisfy(BudgetExceededError.isInstance);
  });

  it('works for any capability', async () => {
    const voice = (id: string, ok: boolean): VoiceProvider => ({
      specificationVersion: 'v1',
      id,
      capability: 'voice',
      async synthesize() {
        if (!ok) throw new ProviderError({ kind: 'quota', provider: id, message: 'characters used up' });
        return {
          audio: new Uint8Array(4),
          mediaType: 'audio/wav',
          durationMs: 10,
          words: [],
          cost: { usd: 0 },
          warnings: [],
        };
      },
    });
    const result = await fallback([voice('elevenlabs', false), voice('openai-tts', true)]).synthesize({
      text: 'hi',
    });
    expect(result.mediaType).toBe('audio/wav');
  });

  it('rejects an empty chain and mixed capabilities with a ConfigError naming the field', () => {
    expect(() => fallback([])).toThrow(ConfigError);
    const mixed = [
      scriptedImageProvider('a', ['ok']),
      { specificationVersion: 'v1', id: 'v', capability: 'voice' },
    ];
    try {
      fallback(mixed as never);
      expect.unreachable();
    } catch (error) {
      expect(ConfigError.isInstance(error) && error.field).toBe('providers[1].capability');
    }
  });
});
