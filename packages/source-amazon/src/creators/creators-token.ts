import { ProviderError } from '@reelsmith/core';
import { sendRequest } from '../http-request.js';
import { creatorsApiError } from './creators-api-error.js';
import type { ResolvedCreatorsApiOptions } from './creators-api-options.js';

/** Hands out a bearer token, fetched with client credentials and reused until shortly before it expires. */
export interface TokenProvider {
  /** A valid token (fetched when none is cached or the cached one is about to expire). */
  get(signal: AbortSignal | undefined): Promise<string>;
  /** Forgets `token` (after a 401), so the next `get` fetches a new one. */
  invalidate(token: string): void;
}

/** Refresh this long before the token's stated expiry. */
const refreshMarginMs = 60_000;

/** Creates the {@link TokenProvider} of one source; concurrent callers share one token request. */
export function createTokenProvider(
  settings: ResolvedCreatorsApiOptions,
  provider: string,
  now: () => number = Date.now,
): TokenProvider {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (signal: AbortSignal | undefined): Promise<string> => {
    const scope = settings.tokenStyle === 'json' ? 'creatorsapi::default' : 'creatorsapi/default';
    const fields = {
      grant_type: 'client_credentials',
      client_id: settings.credentialId,
      client_secret: settings.credentialSecret,
      scope,
    };
    const answer = await sendRequest({
      provider,
      service: 'the Creators API token endpoint',
      url: settings.tokenUrl,
      init: {
        method: 'POST',
        headers:
          settings.tokenStyle === 'json'
            ? { 'content-type': 'application/json', accept: 'application/json' }
            : { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body:
          settings.tokenStyle === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
      },
      fetch: settings.fetch,
      signal,
      timeoutMs: settings.timeoutMs,
      secrets: [settings.credentialSecret],
    });
    if (answer.status < 200 || answer.status > 299) {
      const error = creatorsApiError(answer, {
        provider,
        subject: 'the token request',
        rateLimitRetryAfterMs: 1000,
      });
      // A refused client credential is an auth problem whatever the status (400 invalid_client included).
      if (answer.status === 400 || answer.status === 401) {
        throw new ProviderError({
          kind: 'auth',
          provider,
          status: answer.status,
          code: error.code,
          message: `the Creators API token endpoint refused the credential (${answer.status}${error.code ? ` ${error.code}` : ''}). Fix: check credentialId, credentialSecret and credentialVersion (${settings.credentialVersion}) in Associates Central`,
        });
      }
      throw error;
    }
    const body = (answer.isJson ? answer.json : {}) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new ProviderError({
        kind: 'transient',
        provider,
        status: answer.status,
        code: 'malformed_token',
        message: 'the Creators API token endpoint answered without an access_token; retry later',
      });
    }
    const lifetimeMs =
      (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    cached = { token: body.access_token, expiresAt: now() + lifetimeMs };
    return body.access_token;
  };

  return {
    async get(signal) {
      if (cached && now() < cached.expiresAt - refreshMarginMs) return cached.token;
      pending ??= fetchToken(signal).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
