import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.circuit-open');

/** Thrown instead of calling a provider whose circuit breaker is open. No request is sent. */
export class CircuitOpenError extends ReelsmithError {
  private readonly [marker] = true;
  readonly provider: string;
  /** When the breaker lets a probe call through (epoch milliseconds). */
  readonly retryAt: number;

  constructor(provider: string, retryAt: number, reason: string) {
    super(
      `[reelsmith] circuit breaker for ${provider} is open (${reason}); no call until ${new Date(retryAt).toISOString()}.`,
    );
    this.name = 'CircuitOpenError';
    this.provider = provider;
    this.retryAt = retryAt;
  }

  static override isInstance(error: unknown): error is CircuitOpenError {
    return hasMarker(error, marker);
  }
}
