import PQueue from 'p-queue';
import { ConfigError } from '../errors/config-error.js';

/** Per-provider concurrency and rate limits. */
export interface LimitSettings {
  /** Calls in flight at once; default unlimited. */
  concurrency?: number;
  /** Calls started per `intervalMs`; default unlimited. */
  intervalCap?: number;
  /** Window for `intervalCap`; default 1000 ms. */
  intervalMs?: number;
}

/** Schedules calls under a provider's limits. */
export interface Limiter {
  schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Calls waiting. */
  readonly pending: number;
}

/** One limiter per provider id, created from `limits[providerId]` (providers without limits are not queued). */
export function createLimiterRegistry(
  limits: Record<string, LimitSettings> = {},
  custom?: (provider: string) => Limiter | undefined,
): (provider: string) => Limiter {
  const limiters = new Map<string, Limiter>();
  return (provider) => {
    let limiter = limiters.get(provider);
    if (!limiter) {
      const settings = limits[provider];
      limiter = custom?.(provider) ?? (settings ? createLimiter(settings, `limits.${provider}`) : unlimited);
      limiters.set(provider, limiter);
    }
    return limiter;
  };
}

const unlimited: Limiter = { schedule: (fn) => fn(), pending: 0 };

/** Creates a p-queue backed {@link Limiter}. */
export function createLimiter(settings: LimitSettings, field = 'limits'): Limiter {
  const concurrency = settings.concurrency ?? Number.POSITIVE_INFINITY;
  if (!(concurrency >= 1)) {
    throw new ConfigError('limits', [
      {
        field: `${field}.concurrency`,
        problem: `expected a number ≥ 1, got ${String(settings.concurrency)}`,
        fix: 'set it to 1 or more, or leave it out',
      },
    ]);
  }
  if (settings.intervalCap !== undefined && !(settings.intervalCap >= 1)) {
    throw new ConfigError('limits', [
      {
        field: `${field}.intervalCap`,
        problem: `expected a number ≥ 1, got ${String(settings.intervalCap)}`,
        fix: 'set it to 1 or more, or leave it out',
      },
    ]);
  }
  const queue = new PQueue({
    concurrency,
    ...(settings.intervalCap !== undefined
      ? { intervalCap: settings.intervalCap, interval: settings.intervalMs ?? 1000 }
      : {}),
  });
  return {
    schedule: (fn, signal) => queue.add(fn, { signal }),
    get pending() {
      return queue.pending + queue.size;
    },
  };
}
