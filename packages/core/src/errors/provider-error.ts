import { redactText, redactValue } from '../secrets/redact.js';
import { hasMarker, ReelsmithError } from './reelsmith-error.js';

const marker = Symbol.for('reelsmith.error.provider');

/**
 * The one error taxonomy every plugin maps its service's answers into. The core decides
 * retry, fallback and stop from `kind` alone:
 *
 * - `auth`: credential missing, expired or revoked. Never retried; opens the breaker.
 * - `billing`: no funds, billing off, account locked. Never retried; opens the breaker.
 * - `quota`: a daily/monthly allowance is used up. Never retried; wait for the reset.
 * - `rate_limit`: throttled. Retried after `retryAfterMs`.
 * - `content_policy`: blocked by a safety filter. Change the input.
 * - `invalid_input`: the request is malformed. Fix it; never resent unchanged.
 * - `model_unavailable`: the model is retired or unknown. Opens the breaker; the chain moves on.
 * - `transient`: network failure, timeout, 5xx. Retried with backoff.
 * - `unknown`: anything else. Not retried.
 */
export type ProviderErrorKind =
  | 'auth'
  | 'billing'
  | 'quota'
  | 'rate_limit'
  | 'content_policy'
  | 'invalid_input'
  | 'model_unavailable'
  | 'transient'
  | 'unknown';

/** Every {@link ProviderErrorKind}, in a stable order. */
export const providerErrorKinds: readonly ProviderErrorKind[] = [
  'auth',
  'billing',
  'quota',
  'rate_limit',
  'content_policy',
  'invalid_input',
  'model_unavailable',
  'transient',
  'unknown',
];

/** What a plugin passes to build a {@link ProviderError}. */
export interface ProviderErrorOptions {
  kind: ProviderErrorKind;
  /** The provider's id, e.g. `openai:gpt-image-1`. */
  provider: string;
  message: string;
  /** HTTP status, when the failure came from an HTTP answer. */
  status?: number;
  /** Delay the service asked for (from `Retry-After` or a vendor header), in milliseconds. */
  retryAfterMs?: number;
  /** The service's response body (parsed JSON or text). Secrets are stripped on construction. */
  body?: unknown;
  /** The service's own error code (`insufficient_quota`, `model_not_found`, …). */
  code?: string;
  /** The service's request id, for support tickets. */
  requestId?: string;
  /** Overrides the default retryability of `kind` (only `transient` and `rate_limit` are retryable by default). */
  retryable?: boolean;
  cause?: unknown;
}

/**
 * A failure of an external service, classified. Thrown by providers, publishers and sources;
 * read by the core's retry, circuit breaker and fallback chain.
 *
 * @example
 * ```ts
 * throw new ProviderError({ kind: 'rate_limit', provider: 'fal', status: 429, retryAfterMs: 2000,
 *   message: 'fal.ai is throttling requests' });
 * ```
 */
export class ProviderError extends ReelsmithError {
  private readonly [marker] = true;
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;
  readonly body: unknown;
  readonly code: string | undefined;
  readonly requestId: string | undefined;

  constructor(options: ProviderErrorOptions) {
    super(redactText(`[${options.provider}] ${options.message}`), { cause: options.cause });
    this.name = 'ProviderError';
    this.kind = options.kind;
    this.provider = options.provider;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? isRetryableKind(options.kind);
    this.body = redactValue(options.body);
    this.code = options.code;
    this.requestId = options.requestId;
  }

  static override isInstance(error: unknown): error is ProviderError {
    return hasMarker(error, marker);
  }
}

/** True for the kinds the core retries by default: `transient` and `rate_limit`. */
export function isRetryableKind(kind: ProviderErrorKind): boolean {
  return kind === 'transient' || kind === 'rate_limit';
}
