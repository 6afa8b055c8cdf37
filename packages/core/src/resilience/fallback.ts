import { BudgetExceededError } from '../errors/budget-exceeded-error.js';
import { CircuitOpenError } from '../errors/circuit-open-error.js';
import { ConfigError } from '../errors/config-error.js';
import { FallbackExhaustedError, type FallbackFailure } from '../errors/fallback-exhausted-error.js';
import { RetryError } from '../errors/retry-error.js';
import { summarizeError, underlyingProviderError } from '../errors/summarize-error.js';
import type { EventBus } from '../events/event-bus.js';
import type { CallOptions } from '../spec/call-options.js';
import { capabilityMethods } from '../spec/capabilities.js';
import type { Provider } from '../spec/provider.js';
import { isAbortError } from './abort.js';
import type { CallScope } from './call-scope.js';
import { createProviderRuntime, type ProviderRuntimeOptions } from './provider-runtime.js';

/** Options of {@link fallback}. */
export interface FallbackOptions extends ProviderRuntimeOptions {
  /** The composite's id; default `fallback(a,b,c)`. */
  id?: string;
  /** Move on after `invalid_input` too. Off by default: the next provider would fail the same way. */
  fallbackOnInvalidInput?: boolean;
}

interface FallbackInfo {
  members: readonly Provider[];
  options: FallbackOptions;
}

const fallbackInfo = Symbol.for('reelsmith.fallback');

/**
 * Combines providers of one capability into a provider of that capability that tries them in
 * order. It moves to the next provider when the current one's error is not retryable, its
 * retries are exhausted, its breaker is open, or the call would cross the budget; it never
 * moves on `invalid_input` unless `fallbackOnInvalidInput` is set. Each move emits
 * `provider:fallback` with the reason. When every provider failed it throws
 * `FallbackExhaustedError` with each failure.
 *
 * Used alone, members are called with the retry and breaker settings in `options`; inside a
 * pipeline, the pipeline's runtime wraps each member instead (shared breakers, run budget, events).
 *
 * @example
 * ```ts
 * const images = fallback([imagen, fal, dalle], { events });
 * const { images: [first] } = await images.generateImage({ prompt: 'a kettle on a kitchen table' });
 * ```
 */
export function fallback<P extends Provider>(providers: readonly P[], options: FallbackOptions = {}): P {
  if (providers.length === 0) {
    throw new ConfigError('fallback', [
      {
        field: 'providers',
        problem: 'the chain is empty',
        fix: 'pass at least one provider, e.g. fallback([imagen, fal])',
      },
    ]);
  }
  const capability = providers[0]!.capability;
  providers.forEach((provider, index) => {
    if (provider?.capability !== capability) {
      throw new ConfigError('fallback', [
        {
          field: `providers[${index}].capability`,
          problem: `expected '${capability}' like providers[0], got '${String(provider?.capability)}'`,
          fix: 'a chain holds providers of one capability; build one chain per capability',
        },
      ]);
    }
  });
  const runtime = createProviderRuntime(options);
  const composite = buildComposite(providers, options, (member) => runtime.wrap(member), runtime.events, {});
  return composite;
}

/** @internal The members and options of a `fallback()` composite, or undefined. */
export function readFallback(provider: Provider): FallbackInfo | undefined {
  return (provider as unknown as Record<symbol, FallbackInfo | undefined>)[fallbackInfo];
}

/** @internal Rebuilds a composite with members wrapped by another runtime (a pipeline's). */
export function rebuildFallback<P extends Provider>(
  composite: P,
  wrapMember: (member: Provider) => Provider,
  events: EventBus,
  scope: CallScope,
): P {
  const info = readFallback(composite)!;
  return buildComposite(info.members as P[], info.options, wrapMember, events, scope);
}

function buildComposite<P extends Provider>(
  members: readonly P[],
  options: FallbackOptions,
  wrapMember: (member: Provider) => Provider,
  events: EventBus,
  scope: CallScope,
): P {
  const id = options.id ?? `fallback(${members.map((member) => member.id).join(',')})`;
  const wrapped = members.map((member) => wrapMember(member) as P);
  const first = wrapped[0]!;
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const method of capabilityMethods[first.capability]) {
    methods.set(method.name, async (...args: unknown[]) => {
      const signal = (args[method.optionsIndex] as CallOptions | undefined)?.signal ?? scope.signal;
      const failures: FallbackFailure[] = [];
      for (const [index, member] of wrapped.entries()) {
        try {
          const call = (member as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
            method.name
          ]!;
          return await call.apply(member, args);
        } catch (error) {
          if (signal?.aborted || isAbortError(error)) throw error;
          const reason = fallbackReason(error, options);
          if (reason === undefined) throw error;
          failures.push({ provider: member.id, error });
          const next = wrapped[index + 1];
          if (next) {
            events.emit('provider:fallback', {
              ...(scope.runId !== undefined ? { runId: scope.runId } : {}),
              ...(scope.phase !== undefined ? { phase: scope.phase } : {}),
              provider: id,
              capability: first.capability,
              method: method.name,
              from: member.id,
              to: next.id,
              reason,
              error: summarizeError(error),
            });
          }
        }
      }
      if (failures.every((failure) => BudgetExceededError.isInstance(failure.error)))
        throw failures.at(-1)!.error;
      throw new FallbackExhaustedError(id, failures);
    });
  }
  const info: FallbackInfo = { members, options };
  return new Proxy(first, {
    get(target, property) {
      if (property === fallbackInfo) return info;
      if (property === 'id') return id;
      if (typeof property === 'string' && methods.has(property)) return methods.get(property);
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Why the chain moves on after `error`, or undefined when it must stop and rethrow. */
function fallbackReason(error: unknown, options: FallbackOptions): string | undefined {
  if (CircuitOpenError.isInstance(error)) return 'breaker-open';
  if (BudgetExceededError.isInstance(error)) return 'budget';
  const providerError = underlyingProviderError(error);
  if (!providerError) return 'error';
  if (providerError.kind === 'invalid_input' && !options.fallbackOnInvalidInput) return undefined;
  return RetryError.isInstance(error) ? `${providerError.kind} (retries exhausted)` : providerError.kind;
}
