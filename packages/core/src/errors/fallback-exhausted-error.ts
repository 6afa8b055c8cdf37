import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.fallback-exhausted');

/** One member's failure in a fallback chain. */
export interface FallbackFailure {
  provider: string;
  error: unknown;
}

/** Thrown by a `fallback()` composite when every provider in the chain failed. */
export class FallbackExhaustedError extends ReelsmithError {
  private readonly [marker] = true;
  readonly provider: string;
  readonly failures: readonly FallbackFailure[];

  constructor(provider: string, failures: readonly FallbackFailure[]) {
    const detail = failures
      .map(
        (failure) =>
          `${failure.provider}: ${failure.error instanceof Error ? failure.error.message : String(failure.error)}`,
      )
      .join('; ');
    super(`[reelsmith] every provider of ${provider} failed — ${detail}`, {
      cause: failures[failures.length - 1]?.error,
    });
    this.name = 'FallbackExhaustedError';
    this.provider = provider;
    this.failures = failures;
  }

  static override isInstance(error: unknown): error is FallbackExhaustedError {
    return hasMarker(error, marker);
  }
}
