import { CircuitOpenError } from '../errors/circuit-open-error.js';
import { ConfigError } from '../errors/config-error.js';
import type { ProviderErrorKind } from '../errors/provider-error.js';
import { underlyingProviderError } from '../errors/summarize-error.js';

/** Breaker state. `half-open` lets one probe call through. */
export type BreakerState = 'closed' | 'open' | 'half-open';

/** Breaker settings. */
export interface BreakerSettings {
  /** Consecutive failures that open the breaker; default 5. */
  failureThreshold?: number;
  /** How long an open breaker stays open before a probe; default 30 s. */
  cooldownMs?: number;
  /** Cooldown after `billing`, `auth`, `quota` or `model_unavailable`, which open at once; default 15 min. */
  longCooldownMs?: number;
}

/** Options of {@link circuitBreaker}. */
export interface BreakerOptions extends BreakerSettings {
  /** The provider id the breaker guards. */
  provider: string;
  /** Clock, for tests. */
  now?: () => number;
  onOpen?: (info: { provider: string; reason: string; cooldownMs: number }) => void;
  onClose?: (info: { provider: string }) => void;
}

/** A per-provider circuit breaker. */
export interface CircuitBreaker {
  readonly provider: string;
  readonly state: BreakerState;
  /** When an open breaker admits a probe (epoch ms); 0 when closed. */
  readonly retryAt: number;
  /** Throws `CircuitOpenError` when no call may be made now; claims the probe slot when half-open. */
  assertCanCall(): void;
  recordSuccess(): void;
  recordFailure(error: unknown): void;
  /** Runs `fn` through the breaker. */
  execute<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Opens the breaker until `retryAt` (epoch ms) because another worker's breaker opened, without
   * calling `onOpen` (the opening was already reported there). Ignored when already open longer.
   */
  openUntil(retryAt: number, reason: string): void;
}

const openAtOnce: ReadonlySet<ProviderErrorKind> = new Set(['billing', 'auth', 'quota', 'model_unavailable']);
/** Kinds that say nothing about the provider's health (the input was at fault). */
const notCounted: ReadonlySet<ProviderErrorKind> = new Set(['invalid_input', 'content_policy']);

/** Default breaker settings. */
export const defaultBreakerSettings: Required<BreakerSettings> = {
  failureThreshold: 5,
  cooldownMs: 30_000,
  longCooldownMs: 15 * 60_000,
};

/**
 * Creates a circuit breaker for one provider. It opens after `failureThreshold` consecutive
 * failures, or at once with `longCooldownMs` on `billing`, `auth`, `quota` and
 * `model_unavailable`. After the cooldown one probe call goes through (half-open): success
 * closes it, failure opens it again. Invalid input, content-policy blocks and aborts don't count.
 */
export function circuitBreaker(options: BreakerOptions): CircuitBreaker {
  const settings = resolveBreakerSettings(options);
  const now = options.now ?? Date.now;
  let state: BreakerState = 'closed';
  let failures = 0;
  let retryAt = 0;
  let reason = '';
  let probeInFlight = false;

  const open = (why: string, cooldownMs: number) => {
    state = 'open';
    reason = why;
    retryAt = now() + cooldownMs;
    probeInFlight = false;
    options.onOpen?.({ provider: options.provider, reason: why, cooldownMs });
  };

  const breaker: CircuitBreaker = {
    provider: options.provider,
    get state() {
      if (state === 'open' && now() >= retryAt) return 'half-open';
      return state;
    },
    get retryAt() {
      return state === 'closed' ? 0 : retryAt;
    },
    assertCanCall() {
      const current = breaker.state;
      if (current === 'closed') return;
      if (current === 'half-open' && !probeInFlight) {
        probeInFlight = true;
        state = 'half-open';
        return;
      }
      throw new CircuitOpenError(options.provider, Math.max(retryAt, now()), reason || 'probe in flight');
    },
    recordSuccess() {
      const wasOpen = state !== 'closed';
      state = 'closed';
      failures = 0;
      retryAt = 0;
      probeInFlight = false;
      if (wasOpen) options.onClose?.({ provider: options.provider });
    },
    recordFailure(error) {
      const providerError = underlyingProviderError(error);
      if (!providerError) {
        if (isAbort(error)) probeInFlight = false;
        else countFailure(error instanceof Error ? error.name : 'error');
        return;
      }
      if (notCounted.has(providerError.kind)) {
        if (state === 'half-open') breaker.recordSuccess();
        return;
      }
      if (openAtOnce.has(providerError.kind)) {
        failures = settings.failureThreshold;
        open(providerError.kind, settings.longCooldownMs);
        return;
      }
      countFailure(providerError.kind);
    },
    openUntil(until, why) {
      if (until <= now() || (state !== 'closed' && retryAt >= until)) return;
      state = 'open';
      reason = why;
      retryAt = until;
      failures = settings.failureThreshold;
      probeInFlight = false;
    },
    async execute(fn) {
      breaker.assertCanCall();
      try {
        const result = await fn();
        breaker.recordSuccess();
        return result;
      } catch (error) {
        breaker.recordFailure(error);
        throw error;
      }
    },
  };

  function countFailure(why: string) {
    failures += 1;
    if (state === 'half-open' || failures >= settings.failureThreshold) {
      open(`${why} (${failures} consecutive failures)`, settings.cooldownMs);
    }
  }

  return breaker;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Validates breaker settings and fills defaults. */
export function resolveBreakerSettings(settings: BreakerSettings = {}): Required<BreakerSettings> {
  const resolved: Required<BreakerSettings> = {
    failureThreshold: settings.failureThreshold ?? defaultBreakerSettings.failureThreshold,
    cooldownMs: settings.cooldownMs ?? defaultBreakerSettings.cooldownMs,
    longCooldownMs: settings.longCooldownMs ?? defaultBreakerSettings.longCooldownMs,
  };
  if (!Number.isInteger(resolved.failureThreshold) || resolved.failureThreshold < 1) {
    throw new ConfigError('circuitBreaker', [
      {
        field: 'breaker.failureThreshold',
        problem: `expected an integer ≥ 1, got ${resolved.failureThreshold}`,
        fix: 'set it to e.g. 5',
      },
    ]);
  }
  for (const key of ['cooldownMs', 'longCooldownMs'] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) {
      throw new ConfigError('circuitBreaker', [
        {
          field: `breaker.${key}`,
          problem: `expected a non-negative number, got ${resolved[key]}`,
          fix: `set breaker.${key} in milliseconds`,
        },
      ]);
    }
  }
  return resolved;
}
