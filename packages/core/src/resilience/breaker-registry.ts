import type { EventBus } from '../events/event-bus.js';
import { type BreakerSettings, type CircuitBreaker, circuitBreaker } from './circuit-breaker.js';

/** One breaker per provider id, shared by every run of a pipeline. */
export interface BreakerRegistry {
  get(provider: string): CircuitBreaker;
  /** Every breaker created so far. */
  all(): CircuitBreaker[];
}

/** Creates a {@link BreakerRegistry}; breaker transitions are emitted on `events`. */
export function createBreakerRegistry(
  settings: BreakerSettings = {},
  events?: EventBus,
  now: () => number = Date.now,
): BreakerRegistry {
  const breakers = new Map<string, CircuitBreaker>();
  return {
    get(provider) {
      let breaker = breakers.get(provider);
      if (!breaker) {
        breaker = circuitBreaker({
          ...settings,
          provider,
          now,
          onOpen: (info) => events?.emit('breaker:open', { ...info, at: new Date(now()).toISOString() }),
          onClose: (info) => events?.emit('breaker:close', { ...info, at: new Date(now()).toISOString() }),
        });
        breakers.set(provider, breaker);
      }
      return breaker;
    },
    all: () => [...breakers.values()],
  };
}
