import { explainInvalidGrant, ProviderError, registerSecret } from '@reelsmith/core';

/**
 * The Google auth client the publisher needs, structurally: a `google-auth-library`
 * `OAuth2Client` (what `@reelsmith/auth` hands out, refresh included) fits, and so does any object
 * with `getRequestHeaders()`.
 */
export interface YouTubeAuthClient {
  /** Headers that authorize a request, e.g. `{ authorization: 'Bearer …' }`; refreshes an expiring token. */
  getRequestHeaders(url?: string): Promise<Headers | Record<string, string>>;
  /** Forces a refresh of the access token; called once after a 401. Optional. */
  refreshAccessToken?(): Promise<unknown>;
}

/** Reads the authorization headers as a plain object and registers the token as a secret. */
export async function authHeaders(
  auth: YouTubeAuthClient,
  url: string,
  provider: string,
): Promise<Record<string, string>> {
  let raw: Headers | Record<string, string>;
  try {
    raw = await auth.getRequestHeaders(url);
  } catch (error) {
    throw tokenError(error, provider);
  }
  const headers: Record<string, string> = {};
  const entries = raw instanceof Headers ? [...raw.entries()] : Object.entries(raw ?? {});
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue;
    headers[name.toLowerCase()] = value;
    if (name.toLowerCase() === 'authorization') registerSecret(value, value.replace(/^\w+\s+/, ''));
  }
  if (!headers.authorization) {
    throw new ProviderError({
      kind: 'auth',
      provider,
      code: 'no_credentials',
      message:
        'the auth client gave no Authorization header (it holds no token). Fix: run `reelsmith auth login youtube`, ' +
        'or set credentials with a refresh token on the OAuth2Client',
    });
  }
  return headers;
}

/** Forces a token refresh after a 401 (when the client can), mapping refusal to `auth`. */
export async function refreshToken(auth: YouTubeAuthClient, provider: string): Promise<void> {
  if (typeof auth.refreshAccessToken !== 'function') return;
  try {
    await auth.refreshAccessToken();
  } catch (error) {
    throw tokenError(error, provider);
  }
}

/** Explains a refused refresh token (shown to users verbatim). */
export function invalidGrantMessage(detail: string | undefined): string {
  return `Google ${explainInvalidGrant('youtube', detail)}`;
}

/** Maps a failure of the auth client (a GaxiosError, a ProviderError from @reelsmith/auth, a network error). */
function tokenError(error: unknown, provider: string): ProviderError {
  if (ProviderError.isInstance(error)) {
    return new ProviderError({
      kind: error.kind,
      provider,
      status: error.status,
      code: error.code,
      retryAfterMs: error.retryAfterMs,
      message: `getting a Google access token failed: ${error.message}`,
      cause: error,
    });
  }
  const response = (error as { response?: { status?: number; data?: unknown } } | undefined)?.response;
  const data = response?.data as { error?: unknown; error_description?: unknown } | undefined;
  const code = typeof data?.error === 'string' ? data.error : undefined;
  const detail = typeof data?.error_description === 'string' ? data.error_description : undefined;
  if (code === 'invalid_grant') {
    return new ProviderError({
      kind: 'auth',
      provider,
      status: response?.status,
      code,
      body: data,
      message: invalidGrantMessage(detail),
      cause: error,
    });
  }
  if (response?.status !== undefined && response.status >= 500) {
    return new ProviderError({
      kind: 'transient',
      provider,
      status: response.status,
      message: `Google's token endpoint answered ${response.status}; try again`,
      cause: error,
    });
  }
  if (response?.status !== undefined || code !== undefined) {
    return new ProviderError({
      kind: 'auth',
      provider,
      status: response?.status,
      code,
      body: data,
      message:
        `Google refused the token request (${code ?? response?.status}${detail ? `: ${detail}` : ''}). ` +
        'Fix: check the OAuth client id and secret, then run `reelsmith auth login youtube`',
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (/refresh token|no access|credentials/i.test(reason)) {
    return new ProviderError({
      kind: 'auth',
      provider,
      code: 'no_credentials',
      message: `the auth client has no usable credentials (${reason}). Fix: run \`reelsmith auth login youtube\``,
      cause: error,
    });
  }
  return new ProviderError({
    kind: 'transient',
    provider,
    code: 'token_network_error',
    message: `the request for a Google access token failed before an answer (${reason})`,
    cause: error,
  });
}
