import { type EventBus, ProviderError, registerSecret } from '@reelsmith/core';
import { type Credentials, OAuth2Client } from 'google-auth-library';
import { authDefaults } from './auth-defaults.js';
import { explainInvalidGrant, readAuthorizationCode } from './explain.js';
import type { TokenRecord } from './token-record.js';
import type { TokenStore } from './token-store.js';

/** The OAuth client of your Google Cloud project (Desktop or Web type). */
export interface GoogleAppCredentials {
  clientId: string;
  clientSecret: string;
  /** Default `http://127.0.0.1:53682/` (register it in the OAuth client). */
  redirectUri?: string;
  /** The consent screen is in "Testing": refresh tokens then expire after 7 days, and the manager warns ahead. */
  testingMode?: boolean;
}

/** What the Google helpers share with the manager. */
export interface GoogleContext {
  app: GoogleAppCredentials;
  store: TokenStore;
  events: EventBus | undefined;
  now: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function newClient(app: GoogleAppCredentials): OAuth2Client {
  registerSecret(app.clientSecret);
  return new OAuth2Client({
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri: app.redirectUri ?? authDefaults.google.redirectUri,
  });
}

/** The consent URL for `scopes` (offline access, consent forced so a refresh token is issued). */
export function googleConsentUrl(
  app: GoogleAppCredentials,
  account: string,
  scopes: readonly string[],
): string {
  return newClient(app).generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: [...scopes],
    state: account,
    include_granted_scopes: true,
  });
}

/** Exchanges the code from the consent redirect and stores the account's tokens. */
export async function completeGoogleLogin(
  context: GoogleContext,
  account: string,
  codeOrUrl: string,
): Promise<TokenRecord> {
  const client = newClient(context.app);
  let tokens: Credentials;
  try {
    ({ tokens } = await client.getToken(readAuthorizationCode(codeOrUrl)));
  } catch (cause) {
    throw googleError(account, cause);
  }
  if (!tokens.refresh_token) {
    throw new ProviderError({
      kind: 'auth',
      provider: `google:${account}`,
      message:
        'Google issued no refresh token: the consent was given before without `prompt=consent`. ' +
        `Remove the app's access in the Google Account (Security › Third-party access) and run \`reelsmith auth login ${account}\` again.`,
    });
  }
  registerSecret(tokens.access_token ?? undefined, tokens.refresh_token);
  const record: TokenRecord = {
    provider: 'google',
    account,
    refreshToken: tokens.refresh_token,
    ...(tokens.access_token ? { accessToken: tokens.access_token } : {}),
    ...(tokens.expiry_date ? { expiresAt: iso(tokens.expiry_date) } : {}),
    obtainedAt: iso(context.now()),
    ...(tokens.scope ? { scopes: tokens.scope.split(' ') } : {}),
  };
  await context.store.set(record);
  return record;
}

/**
 * An `OAuth2Client` for the account, ready for YouTube or Drive: it refreshes its access token
 * by itself and every refreshed token is stored. A refused refresh (`invalid_grant`) marks the
 * account as needing a login, emits `token:invalid` and rejects with an `auth` `ProviderError`
 * explaining the cause.
 */
export async function googleClient(context: GoogleContext, record: TokenRecord): Promise<OAuth2Client> {
  const client = newClient(context.app);
  client.setCredentials({
    refresh_token: record.refreshToken ?? null,
    access_token: record.accessToken ?? null,
    expiry_date: record.expiresAt ? Date.parse(record.expiresAt) : null,
  });
  client.on('tokens', (tokens) => {
    registerSecret(tokens.access_token ?? undefined, tokens.refresh_token ?? undefined);
    const updated: TokenRecord = {
      ...record,
      ...(tokens.access_token ? { accessToken: tokens.access_token } : {}),
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
      ...(tokens.expiry_date ? { expiresAt: iso(tokens.expiry_date) } : {}),
    };
    void context.store.set(updated).then(() =>
      context.events?.emit('token:refreshed', {
        account: record.account,
        provider: 'google',
        ...(updated.expiresAt ? { expiresAt: updated.expiresAt } : {}),
        at: iso(context.now()),
      }),
    );
  });
  // Every refresh (getRequestHeaders, request, getAccessToken) goes through refreshTokenNoCache:
  // map its failures there, so invalid_grant always comes out as re-login advice.
  const internals = client as unknown as { refreshTokenNoCache: (token?: string | null) => Promise<unknown> };
  const original = internals.refreshTokenNoCache.bind(client);
  internals.refreshTokenNoCache = async (token) => {
    try {
      return await original(token);
    } catch (cause) {
      throw await markIfInvalid(context, record, cause);
    }
  };
  return client;
}

/** Forces a refresh now and stores the new access token. */
export async function refreshGoogle(context: GoogleContext, record: TokenRecord): Promise<TokenRecord> {
  const client = await googleClient(context, { ...record, accessToken: undefined, expiresAt: undefined });
  await client.getRequestHeaders();
  return (await context.store.get(record.account)) ?? record;
}

async function markIfInvalid(context: GoogleContext, record: TokenRecord, cause: unknown): Promise<unknown> {
  const error = googleError(record.account, cause);
  if (error.code === 'invalid_grant') {
    const reason = error.message;
    await context.store.set({ ...record, needsLogin: { reason, at: iso(context.now()) } });
    context.events?.emit('token:invalid', {
      account: record.account,
      provider: 'google',
      reason,
      at: iso(context.now()),
    });
  }
  return error;
}

/** Maps a google-auth-library / gaxios failure to a `ProviderError`. */
export function googleError(account: string, cause: unknown): ProviderError {
  const response = (cause as { response?: { status?: number; data?: unknown } }).response;
  const data = (response?.data ?? {}) as { error?: unknown; error_description?: unknown };
  const code = typeof data.error === 'string' ? data.error : undefined;
  const detail = typeof data.error_description === 'string' ? data.error_description : undefined;
  const provider = `google:${account}`;
  if (code === 'invalid_grant') {
    return new ProviderError({
      kind: 'auth',
      provider,
      status: 400,
      code,
      message: explainInvalidGrant(account, detail),
      cause,
    });
  }
  if (code === 'invalid_client' || code === 'unauthorized_client' || code === 'redirect_uri_mismatch') {
    return new ProviderError({
      kind: 'auth',
      provider,
      ...(response?.status ? { status: response.status } : {}),
      code,
      message: `Google refused the OAuth client (${code}${detail ? `: ${detail}` : ''}); check GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET and that the redirect URI is registered for the client`,
      cause,
    });
  }
  const status = response?.status;
  const transient = status === undefined || status >= 500 || status === 429;
  return new ProviderError({
    kind: status === 429 ? 'rate_limit' : transient ? 'transient' : 'auth',
    provider,
    ...(status ? { status } : {}),
    ...(code ? { code } : {}),
    message: `the Google token request failed${status ? ` with ${status}` : ''}${code ? ` (${code})` : ''}`,
    cause,
  });
}
