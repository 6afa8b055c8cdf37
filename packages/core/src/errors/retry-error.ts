import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.retry');

/** Thrown when every attempt of a retried call failed. `errors` holds each attempt's error, in order. */
export class RetryError extends ReelsmithError {
  private readonly [marker] = true;
  readonly errors: readonly unknown[];

  constructor(errors: readonly unknown[], label = 'call') {
    const last = errors[errors.length - 1];
    const lastMessage = last instanceof Error ? last.message : String(last);
    super(`[reelsmith] ${label} failed after ${errors.length} attempts. Last error: ${lastMessage}`, {
      cause: last,
    });
    this.name = 'RetryError';
    this.errors = errors;
  }

  /** The final attempt's error. */
  get lastError(): unknown {
    return this.errors[this.errors.length - 1];
  }

  static override isInstance(error: unknown): error is RetryError {
    return hasMarker(error, marker);
  }
}
