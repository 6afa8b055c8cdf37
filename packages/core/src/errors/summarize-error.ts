import type { ErrorSummary } from '../events/event-map.js';
import { redactText } from '../secrets/redact.js';
import { FallbackExhaustedError } from './fallback-exhausted-error.js';
import { ProviderError } from './provider-error.js';
import { RetryError } from './retry-error.js';

/** The provider error behind `error`, looking through `RetryError` and `FallbackExhaustedError` (last failure). */
export function underlyingProviderError(error: unknown): ProviderError | undefined {
  if (ProviderError.isInstance(error)) return error;
  if (RetryError.isInstance(error)) return underlyingProviderError(error.lastError);
  if (FallbackExhaustedError.isInstance(error)) return underlyingProviderError(error.failures.at(-1)?.error);
  return undefined;
}

/** A redacted, serializable summary of any thrown value, for events and logs. */
export function summarizeError(error: unknown, secrets: readonly string[] = []): ErrorSummary {
  const summary: ErrorSummary =
    error instanceof Error
      ? { name: error.name, message: redactText(error.message, secrets) }
      : { name: 'Error', message: redactText(String(error), secrets) };
  const provider = underlyingProviderError(error);
  if (provider) {
    summary.kind = provider.kind;
    summary.provider = provider.provider;
    if (provider.status !== undefined) summary.status = provider.status;
  }
  return summary;
}
