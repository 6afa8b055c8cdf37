import { ConfigError } from '../errors/config-error.js';
import { summarizeError } from '../errors/summarize-error.js';
import { createEventBus, type EventBus } from '../events/event-bus.js';
import type { CallOptions, CallResult } from '../spec/call-options.js';
import { type CapabilityMethod, capabilityMethods } from '../spec/capabilities.js';
import type { Provider } from '../spec/provider.js';
import { combineSignals } from './abort.js';
import { type BreakerRegistry, createBreakerRegistry } from './breaker-registry.js';
import type { CallScope } from './call-scope.js';
import type { BreakerSettings } from './circuit-breaker.js';
import { readFallback, rebuildFallback } from './fallback.js';
import { createLimiterRegistry, type Limiter, type LimitSettings } from './limiter.js';
import { type RetrySettings, resolveRetrySettings, withRetry } from './with-retry.js';

/** Options of {@link createProviderRuntime}. */
export interface ProviderRuntimeOptions {
  /** Where call, retry, fallback, breaker and cost events go. */
  events?: EventBus;
  /** Retry settings for every wrapped call; `false` disables retrying. */
  retry?: RetrySettings | false;
  /** Breaker settings; `false` disables breakers. */
  breaker?: BreakerSettings | false;
  /** Share breakers with another runtime (breakers are per provider id). */
  breakers?: BreakerRegistry;
  /** Concurrency and rate limits by provider id. */
  limits?: Record<string, LimitSettings>;
  /** Limiters you supply (e.g. Redis-backed, shared by many workers); `undefined` falls back to `limits`. */
  limiters?: (provider: string) => Limiter | undefined;
  /** Jitter source in [0, 1), for deterministic tests. */
  random?: () => number;
}

/**
 * Makes provider calls resilient and observable. `wrap(provider, scope)` returns an object of
 * the same type whose external calls go through: breaker → budget check → limiter → retry,
 * emitting `provider:call`, `provider:retry` and `cost:add`. A `fallback()` composite is
 * rebuilt so each of its members is wrapped (retries per member, then the chain moves on).
 */
export interface ProviderRuntime {
  readonly events: EventBus;
  readonly breakers: BreakerRegistry | undefined;
  wrap<P extends Provider>(provider: P, scope?: CallScope): P;
}

const wrappedOriginal = Symbol.for('reelsmith.runtime.original');
const answeredBy = Symbol.for('reelsmith.runtime.answered-by');

/**
 * The id of the provider that produced a result obtained through a wrapped provider (through
 * `ctx.use()` or a `fallback()` chain): the chain member that answered. Undefined otherwise.
 */
export function resultProvider(result: unknown): string | undefined {
  return typeof result === 'object' && result !== null
    ? ((result as Record<symbol, string | undefined>)[answeredBy] ?? undefined)
    : undefined;
}

/** Creates a {@link ProviderRuntime}. */
export function createProviderRuntime(options: ProviderRuntimeOptions = {}): ProviderRuntime {
  const events = options.events ?? createEventBus();
  const retry = options.retry === false ? false : resolveRetrySettings(options.retry);
  const breakers =
    options.breaker === false
      ? undefined
      : (options.breakers ?? createBreakerRegistry(options.breaker || {}, events));
  const limiterFor = createLimiterRegistry(options.limits, options.limiters);

  const runtime: ProviderRuntime = {
    events,
    breakers,
    wrap(provider, scope = {}) {
      // A fallback composite first: its members get wrapped one by one.
      if (readFallback(provider))
        return rebuildFallback(provider, (member) => runtime.wrap(member, scope), events, scope);
      const original = ((provider as unknown as Record<symbol, Provider>)[wrappedOriginal] ??
        provider) as typeof provider;
      assertProvider(original);
      const methods = new Map(capabilityMethods[original.capability].map((method) => [method.name, method]));
      const cache = new Map<string | symbol, unknown>();
      return new Proxy(original, {
        get(target, property) {
          if (property === wrappedOriginal) return target;
          const value = Reflect.get(target, property, target);
          if (typeof value !== 'function') return value;
          let bound = cache.get(property);
          if (!bound) {
            const method = typeof property === 'string' ? methods.get(property) : undefined;
            bound = method
              ? (...args: unknown[]) =>
                  invoke(target, method, value as (...a: unknown[]) => Promise<unknown>, args, scope)
              : (value as (...a: unknown[]) => unknown).bind(target);
            cache.set(property, bound);
          }
          return bound;
        },
      });
    },
  };

  async function invoke(
    provider: Provider,
    method: CapabilityMethod,
    fn: (...args: unknown[]) => Promise<unknown>,
    args: unknown[],
    scope: CallScope,
  ): Promise<unknown> {
    const site = {
      ...(scope.runId !== undefined ? { runId: scope.runId } : {}),
      ...(scope.phase !== undefined ? { phase: scope.phase } : {}),
      provider: provider.id,
      capability: provider.capability,
      method: method.name,
    };
    const given = (args[method.optionsIndex] ?? {}) as CallOptions;
    const signal = combineSignals(scope.signal, given.signal);
    const callArgs = [...args];
    while (callArgs.length < method.optionsIndex) callArgs.push(undefined);
    callArgs[method.optionsIndex] = {
      ...given,
      signal,
      onProgress: (progress: { fraction?: number; message?: string }) => {
        given.onProgress?.(progress);
        events.emit('progress', { ...site, ...progress });
      },
    };
    signal?.throwIfAborted();
    const breaker = breakers?.get(provider.id);
    if (breaker && breaker.state === 'open') breaker.assertCanCall();
    if (method.paid && scope.ledger) {
      const estimate = (provider as { estimateCost?: (input: unknown) => { usd: number } | undefined })
        .estimateCost;
      scope.ledger.assertCanSpend(provider.id, estimate?.call(provider, args[0])?.usd ?? 0);
    }
    const attempt = (attemptNumber: number) => {
      if (breaker?.state === 'open') breaker.assertCanCall();
      // The breaker is checked again once the call has its slot, and the outcome is recorded
      // before the slot is released: calls queued behind a failing one must not reach a
      // provider whose breaker opened meanwhile.
      return limiterFor(provider.id).schedule(async () => {
        breaker?.assertCanCall();
        events.emit('provider:call', { ...site, attempt: attemptNumber, at: new Date().toISOString() });
        try {
          const value = await fn.apply(provider, callArgs);
          breaker?.recordSuccess();
          return value;
        } catch (error) {
          breaker?.recordFailure(error);
          throw error;
        }
      }, signal);
    };
    const result =
      method.retry && retry !== false
        ? await withRetry(attempt, {
            ...retry,
            signal,
            label: `${provider.id}.${method.name}`,
            ...(options.random ? { random: options.random } : {}),
            onRetry: (info) =>
              events.emit('provider:retry', {
                ...site,
                attempt: info.attempt,
                delayMs: info.delayMs,
                error: summarizeError(info.error),
              }),
          })
        : await attempt(1);
    if (method.paid) recordResult(provider, result as Partial<CallResult> | undefined, scope);
    if (typeof result === 'object' && result !== null && !Object.hasOwn(result, answeredBy)) {
      Object.defineProperty(result, answeredBy, { value: provider.id, enumerable: false });
    }
    return result;
  }

  return runtime;
}

function recordResult(provider: Provider, result: Partial<CallResult> | undefined, scope: CallScope): void {
  if (!result || typeof result !== 'object') return;
  if (result.cost) scope.ledger?.add(provider.id, result.cost, scope.phase);
  for (const warning of result.warnings ?? []) scope.onWarning?.(warning, provider.id);
}

/** Throws a `ConfigError` unless `provider` implements a contract version and capability this core knows. */
export function assertProvider(provider: unknown, field = 'provider'): asserts provider is Provider {
  const candidate = provider as Partial<Provider> | undefined;
  if (!candidate || typeof candidate !== 'object') {
    throw new ConfigError('provider', [
      {
        field,
        problem: 'expected a provider object',
        fix: 'pass the result of a provider factory, e.g. createFal()',
      },
    ]);
  }
  if (candidate.specificationVersion !== 'v1') {
    throw new ConfigError('provider', [
      {
        field: `${field}.specificationVersion`,
        problem: `this core implements plugin contract 'v1', the provider declares ${JSON.stringify(candidate.specificationVersion)}`,
        fix: 'upgrade @reelsmith/core or install a plugin version built for contract v1',
      },
    ]);
  }
  if (typeof candidate.id !== 'string' || candidate.id === '') {
    throw new ConfigError('provider', [
      { field: `${field}.id`, problem: 'missing id', fix: 'give the provider a stable, non-empty id' },
    ]);
  }
  if (!candidate.capability || !(candidate.capability in capabilityMethods)) {
    throw new ConfigError('provider', [
      {
        field: `${field}.capability`,
        problem: `unknown capability ${JSON.stringify(candidate.capability)}`,
        fix: `use one of ${Object.keys(capabilityMethods).join(', ')}`,
      },
    ]);
  }
}
