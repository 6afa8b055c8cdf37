import type { ErrorSummary } from '@reelsmith/core';

const resume = (runId: string | undefined) =>
  runId ? ` Then resume with \`reelsmith resume ${runId}\` (finished phases are not paid again).` : '';

/**
 * The fix for a failure, when one is known: by `ProviderError` kind first, then by error name.
 * Returns undefined for causes with no general advice.
 */
export function fixForError(error: ErrorSummary, runId?: string): string | undefined {
  const who = error.provider ?? 'the provider';
  switch (error.kind) {
    case 'auth':
      return `${who} refused the credentials: check its API key (wrong, expired or revoked), or log in again for OAuth accounts (\`reelsmith auth login <account>\`).${resume(runId)}`;
    case 'billing':
      return `Add funds or turn billing back on for ${who}.${resume(runId)}`;
    case 'quota':
      return `The ${who} allowance is used up: wait for its reset (YouTube: midnight Pacific) or raise the quota.${resume(runId)}`;
    case 'rate_limit':
      return `${who} kept throttling after the retries: lower the concurrency for it or run fewer jobs at once.${resume(runId)}`;
    case 'content_policy':
      return `${who}'s safety filter blocked the input: change the product text or prompt, or skip this job.`;
    case 'invalid_input':
      return `${who} refused the request as invalid: fix the input or option the message names.${resume(runId)}`;
    case 'model_unavailable':
      return `The model of ${who} is retired or unknown: choose another model in the configuration.${resume(runId)}`;
    case 'transient':
      return `${who} kept failing (network, timeout or 5xx) after the retries; it is usually temporary.${resume(runId)}`;
    default:
      break;
  }
  switch (error.name) {
    case 'BudgetExceededError':
      return `The run reached its budget: raise \`budget.perRunUsd\` or choose cheaper providers.${resume(runId)}`;
    case 'ConfigError':
      return 'Fix the configuration field the message names (each issue says how).';
    case 'ComplianceError':
      return 'The video would break an affiliate or platform rule: fix the job input the message names, or change the compliance options.';
    case 'CircuitOpenError':
      return `${who} was skipped because its circuit breaker is open; the breaker alert names the cause.${resume(runId)}`;
    case 'FallbackExhaustedError':
      return `Every provider of the fallback chain failed; the message lists each cause.${resume(runId)}`;
    default:
      return undefined;
  }
}

/** The fix for a breaker opened for `reason` (a `ProviderError` kind, or consecutive failures). */
export function fixForBreaker(provider: string, reason: string): string {
  const kind = /^[a-z_]+$/.test(reason) ? reason : 'transient';
  return (
    fixForError({ name: 'ProviderError', message: reason, kind, provider }) ??
    `Check ${provider}'s status page; calls resume after the cooldown.`
  );
}

/** A stable cause label for keys and titles: `provider kind`, else the error name. */
export function causeOf(error: ErrorSummary): string {
  if (error.kind) return error.provider ? `${error.provider} ${error.kind}` : error.kind;
  return error.name;
}
