import { type EventBus, ProviderError, redactText, registerSecret } from '@reelsmith/core';
import { authDefaults } from './auth-defaults.js';
import { explainInstagramExpired, readAuthorizationCode } from './explain.js';
import type { TokenRecord } from './token-record.js';
import type { TokenStore } from './token-store.js';

/** Your Meta app. `host: 'instagram'` is Instagram Login (graph.instagram.com); `facebook` is Facebook Login. */
export interface InstagramAppCredentials {
  appId: string;
  appSecret: string;
  redirectUri: string;
  host?: 'instagram' | 'facebook';
  /** Facebook Login only; default from `authDefaults.facebook.graphVersion`. */
  graphVersion?: string;
}

/** Endpoints (tests point them at msw). */
export interface InstagramUrls {
  authorize: string;
  codeExchange: string;
  instagramGraph: string;
  facebookDialog: string;
  facebookGraph: string;
}

/** What the Instagram helpers share with the manager. */
export interface InstagramContext {
  app: InstagramAppCredentials;
  store: TokenStore;
  events: EventBus | undefined;
  now: () => number;
  fetch: typeof fetch;
  urls: InstagramUrls;
}

const iso = (ms: number) => new Date(ms).toISOString();
const hostOf = (app: InstagramAppCredentials) => app.host ?? 'instagram';

/** The login URL for the account. */
export function instagramConsentUrl(
  context: Pick<InstagramContext, 'app' | 'urls'>,
  account: string,
): string {
  const { app, urls } = context;
  const facebook = hostOf(app) === 'facebook';
  const url = new URL(
    facebook
      ? `${urls.facebookDialog}/${app.graphVersion ?? authDefaults.facebook.graphVersion}/dialog/oauth`
      : urls.authorize,
  );
  url.searchParams.set('client_id', app.appId);
  url.searchParams.set('redirect_uri', app.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', account);
  url.searchParams.set(
    'scope',
    (facebook ? authDefaults.facebook.scopes : authDefaults.instagram.scopes).join(','),
  );
  return url.href;
}

async function call(
  context: InstagramContext,
  account: string,
  url: URL,
  init?: RequestInit,
): Promise<Record<string, unknown>> {
  const provider = `instagram:${account}`;
  let response: Response;
  try {
    response = await context.fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new ProviderError({ kind: 'transient', provider, message: `no answer from ${url.host}`, cause });
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: handled below by status.
  }
  if (!response.ok || body.error) {
    const error = (typeof body.error === 'object' && body.error ? body.error : body) as Record<
      string,
      unknown
    >;
    const message = String(
      error.message ?? error.error_message ?? body.error_description ?? `HTTP ${response.status}`,
    );
    const code = typeof error.code === 'number' ? error.code : undefined;
    const invalid = code === 190 || response.status === 400 || response.status === 401;
    throw new ProviderError({
      kind:
        response.status >= 500
          ? 'transient'
          : response.status === 429
            ? 'rate_limit'
            : invalid
              ? 'auth'
              : 'unknown',
      provider,
      status: response.status,
      ...(code !== undefined ? { code: String(code) } : {}),
      message: redactText(message),
    });
  }
  return body;
}

/** Exchanges the login code for a long-lived token (about 60 days) and stores it. */
export async function completeInstagramLogin(
  context: InstagramContext,
  account: string,
  codeOrUrl: string,
): Promise<TokenRecord> {
  const { app, urls } = context;
  registerSecret(app.appSecret);
  const code = readAuthorizationCode(codeOrUrl);
  let longLived: Record<string, unknown>;
  if (hostOf(app) === 'instagram') {
    const form = new URLSearchParams({
      client_id: app.appId,
      client_secret: app.appSecret,
      grant_type: 'authorization_code',
      redirect_uri: app.redirectUri,
      code,
    });
    const short = await call(context, account, new URL(urls.codeExchange), { method: 'POST', body: form });
    registerSecret(String(short.access_token ?? ''));
    const exchange = new URL(`${urls.instagramGraph}/access_token`);
    exchange.search = new URLSearchParams({
      grant_type: 'ig_exchange_token',
      client_secret: app.appSecret,
      access_token: String(short.access_token),
    }).toString();
    longLived = await call(context, account, exchange);
  } else {
    const version = app.graphVersion ?? authDefaults.facebook.graphVersion;
    const exchange = new URL(`${urls.facebookGraph}/${version}/oauth/access_token`);
    exchange.search = new URLSearchParams({
      client_id: app.appId,
      client_secret: app.appSecret,
      redirect_uri: app.redirectUri,
      code,
    }).toString();
    const short = await call(context, account, exchange);
    registerSecret(String(short.access_token ?? ''));
    const extend = new URL(`${urls.facebookGraph}/${version}/oauth/access_token`);
    extend.search = new URLSearchParams({
      grant_type: 'fb_exchange_token',
      client_id: app.appId,
      client_secret: app.appSecret,
      fb_exchange_token: String(short.access_token),
    }).toString();
    longLived = await call(context, account, extend);
  }
  return storeLongLived(context, account, longLived, hostOf(app) === 'facebook' ? 'facebook' : 'instagram');
}

async function storeLongLived(
  context: InstagramContext,
  account: string,
  body: Record<string, unknown>,
  provider: 'instagram' | 'facebook',
): Promise<TokenRecord> {
  const accessToken = String(body.access_token ?? '');
  registerSecret(accessToken);
  const now = context.now();
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
  const record: TokenRecord = {
    provider,
    account,
    accessToken,
    obtainedAt: iso(now),
    ...(expiresIn ? { expiresAt: iso(now + expiresIn * 1000) } : {}),
  };
  await context.store.set(record);
  return record;
}

/**
 * Refreshes an Instagram Login long-lived token (`ig_refresh_token`). A token under 24 h old is
 * returned as is (it cannot be refreshed yet and does not need it); an expired or invalidated
 * one marks the account as needing a login, emits `token:invalid` and rejects with `auth`.
 * Facebook Login user tokens have no refresh: they are reported, not refreshed.
 */
export async function refreshInstagram(context: InstagramContext, record: TokenRecord): Promise<TokenRecord> {
  const now = context.now();
  const expired = record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now;
  const fail = async (detail?: string): Promise<never> => {
    const reason = explainInstagramExpired(record.account, detail);
    await context.store.set({ ...record, needsLogin: { reason, at: iso(now) } });
    context.events?.emit('token:invalid', {
      account: record.account,
      provider: record.provider,
      reason,
      at: iso(now),
    });
    throw new ProviderError({ kind: 'auth', provider: `instagram:${record.account}`, message: reason });
  };
  if (expired || !record.accessToken)
    return fail(expired ? `expired ${record.expiresAt}` : 'no token stored');
  if (record.provider === 'facebook') return record;
  const ageHours = (now - Date.parse(record.obtainedAt)) / 3_600_000;
  if (ageHours < authDefaults.instagram.minRefreshAgeHours) return record;
  const url = new URL(`${context.urls.instagramGraph}/refresh_access_token`);
  url.search = new URLSearchParams({
    grant_type: 'ig_refresh_token',
    access_token: record.accessToken,
  }).toString();
  let body: Record<string, unknown>;
  try {
    body = await call(context, record.account, url);
  } catch (error) {
    if (ProviderError.isInstance(error) && error.kind === 'auth') return fail(error.message);
    throw error;
  }
  const updated = await storeLongLived(context, record.account, body, 'instagram');
  context.events?.emit('token:refreshed', {
    account: record.account,
    provider: 'instagram',
    ...(updated.expiresAt ? { expiresAt: updated.expiresAt } : {}),
    at: iso(now),
  });
  return updated;
}
