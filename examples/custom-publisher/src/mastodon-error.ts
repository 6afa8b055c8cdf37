import { ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';

/** An error answer of the Mastodon API, with what the request was doing. */
export interface MastodonFailure {
  status: number;
  /** The body as text (Mastodon answers `{ "error": "…" }`; a proxy may answer HTML). */
  text: string;
  headers: Headers;
  /** `POST /api/v1/statuses`, … (never a URL with a token in it). */
  operation: string;
}

const scopes = 'write:media write:statuses read:accounts read:statuses';

/** The `error` (and `error_description`) of Mastodon's error body, or the HTML page's title. */
export function readErrorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    const parts = [body.error, body.error_description].filter((part) => typeof part === 'string');
    if (parts.length > 0) return parts.join(': ');
  } catch {
    // Not JSON: a proxy's or the server's HTML page.
  }
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1>([^<]*)<\/h1>/i.exec(text)?.[1];
  return (title ?? text.slice(0, 200)).replace(/\s+/g, ' ').trim();
}

/**
 * Milliseconds until `X-RateLimit-Reset` (an ISO 8601 time; Mastodon sends no `Retry-After`),
 * or `Retry-After` when a proxy sent one.
 */
export function rateLimitDelay(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = retryAfterFromHeaders(headers, now);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  return Number.isNaN(reset) ? undefined : Math.max(0, reset - now);
}

/**
 * Maps an error answer to a `ProviderError` whose kind the core acts on and whose message names
 * the cause and the fix.
 */
export function mastodonError(failure: MastodonFailure, provider: string): ProviderError {
  const said = readErrorMessage(failure.text);
  const { kind, advice } = classify(failure.status, said);
  return new ProviderError({
    kind,
    provider,
    status: failure.status,
    retryAfterMs: kind === 'rate_limit' ? rateLimitDelay(failure.headers) : undefined,
    message: `${failure.operation} → ${failure.status}${said ? ` "${said}"` : ''}: ${advice}`,
    body: failure.text.slice(0, 2000),
    requestId: failure.headers.get('x-request-id') ?? undefined,
  });
}

function classify(status: number, said: string): { kind: ProviderErrorKind; advice: string } {
  const text = said.toLowerCase();
  if (status === 401) {
    return {
      kind: 'auth',
      advice: `the access token is invalid, expired or revoked; create a new one with the scopes ${scopes}`,
    };
  }
  if (status === 403) {
    if (text.includes('scopes')) {
      return { kind: 'auth', advice: `the token lacks a scope; create one with ${scopes}` };
    }
    return {
      kind: 'auth',
      advice:
        'the account may not do this (disabled, unconfirmed, pending approval or limited); sign in on the web to see why',
    };
  }
  if (status === 404) {
    return {
      kind: 'model_unavailable',
      advice:
        'the server has no such endpoint or record (Mastodon 3.1.3 or later is needed for /api/v2/media; check accountId)',
    };
  }
  if (status === 413) {
    return {
      kind: 'invalid_input',
      advice: 'the video is larger than the server accepts; lower maxVideoBytes',
    };
  }
  if (status === 422) {
    if (text.includes('not finished processing')) {
      return { kind: 'transient', advice: 'the video is still being processed; try again in a moment' };
    }
    if (text.includes('authenticated user')) {
      return {
        kind: 'auth',
        advice: 'the token belongs to an application, not a user; sign in as the account',
      };
    }
    return { kind: 'invalid_input', advice: 'Mastodon refused the request; fix what it names' };
  }
  if (status === 400) return { kind: 'invalid_input', advice: 'a parameter is missing or wrong' };
  if (status === 402) return { kind: 'billing', advice: 'the hosting provider asks for payment' };
  if (status === 429) {
    return {
      kind: 'rate_limit',
      advice: 'Mastodon is throttling this account; wait until X-RateLimit-Reset',
    };
  }
  if (status >= 500) {
    return { kind: 'transient', advice: 'the server or its proxy failed; try again later' };
  }
  return { kind: 'unknown', advice: 'an answer this publisher does not know' };
}
