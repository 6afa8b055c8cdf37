import { createEventBus, ProviderError, type ReelsmithEvents, redactText } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type GoogleTokenState,
  googleTokenEndpoint,
  type InstagramTokenState,
  instagramTokenEndpoints,
} from './testing/token-endpoints.js';
import { createTokenManager } from './token-manager.js';
import { createMemoryTokenStore } from './token-store.js';

const server = installTestServer();
const day = 86_400_000;
const google = {
  clientId: 'test-client.apps.googleusercontent.com',
  clientSecret: 'test-client-secret-not-real',
};
const instagram = {
  appId: '1234567890',
  appSecret: 'test-ig-app-secret-not-real',
  redirectUri: 'https://example.test/callback',
};

let googleState: GoogleTokenState;
let igState: InstagramTokenState;
beforeEach(() => {
  googleState = {
    validRefreshTokens: new Set(),
    code: 'test-code-4/0Adeu5B',
    issueRefreshToken: true,
    refreshes: 0,
  };
  igState = { code: 'test-ig-code', valid: new Set(), refreshes: 0 };
  server.use(googleTokenEndpoint(googleState), ...instagramTokenEndpoints(igState));
});

function setup(now = { value: Date.parse('2026-11-24T09:00:00Z') }) {
  const events = createEventBus();
  const seen: Array<{ name: string; payload: unknown }> = [];
  for (const name of ['token:expiring', 'token:refreshed', 'token:invalid'] as const) {
    events.on(name, (payload: ReelsmithEvents[typeof name]) => seen.push({ name, payload }));
  }
  const store = createMemoryTokenStore();
  const manager = createTokenManager({ store, events, google, instagram, now: () => now.value });
  return { manager, store, seen, now };
}

describe('Google accounts', () => {
  it('builds a consent URL that asks for offline access, forced consent and the preset scopes', () => {
    const url = new URL(setup().manager.loginUrl('youtube', 'youtube'));
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/youtube.upload');
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:53682/');
  });

  it('logs in from the pasted redirect URL, then refreshes and stores new access tokens', async () => {
    const { manager, store, seen } = setup();
    await manager.completeLogin(
      'youtube',
      'youtube',
      `http://127.0.0.1:53682/?state=youtube&code=${googleState.code}&scope=x`,
    );
    expect((await store.get('youtube'))?.refreshToken).toBe('test-refresh-token-from-exchange');
    await manager.refresh('youtube');
    expect(googleState.refreshes).toBe(1);
    const client = await manager.googleClient('youtube');
    const headers = await client.getRequestHeaders();
    expect(headers.get('authorization')).toBe('Bearer test-access-token-refreshed-1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await store.get('youtube'))?.accessToken).toBe('test-access-token-refreshed-1');
    expect(seen.some((event) => event.name === 'token:refreshed')).toBe(true);
  });

  it('explains a missing refresh token (consent given before without prompt=consent)', async () => {
    googleState.issueRefreshToken = false;
    const error = await setup()
      .manager.completeLogin('youtube', 'youtube', googleState.code)
      .catch((e: unknown) => e);
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
    expect((error as Error).message).toContain('no refresh token');
  });

  it('Y1: invalid_grant → auth with the Testing-status advice, account marked for a new login, token:invalid', async () => {
    const { manager, store, seen } = setup();
    await store.set({
      provider: 'google',
      account: 'youtube',
      refreshToken: 'test-refresh-token-revoked',
      obtainedAt: '2026-11-01T00:00:00Z',
    });
    const client = await manager.googleClient('youtube');
    const error = await client.getRequestHeaders().catch((e: unknown) => e);
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
    expect(ProviderError.isInstance(error) && error.retryable).toBe(false);
    expect((error as Error).message).toMatch(/"Testing" publishing status.*7 days/);
    expect((error as Error).message).toContain('reelsmith auth login youtube');
    expect((await store.get('youtube'))?.needsLogin?.reason).toContain('invalid_grant');
    expect(seen.find((event) => event.name === 'token:invalid')).toBeDefined();
    // Later calls fail at once with the same advice instead of asking Google again.
    const again = await manager.googleClient('youtube').catch((e: unknown) => e);
    expect((again as Error).message).toContain('7 days');
    expect(googleState.refreshes).toBe(1);
  });

  it('warns ahead of the 7-day refresh-token expiry of apps in Testing status', async () => {
    const now = { value: Date.parse('2026-11-24T09:00:00Z') };
    const events = createEventBus();
    const expiring: ReelsmithEvents['token:expiring'][] = [];
    events.on('token:expiring', (event) => expiring.push(event));
    const store = createMemoryTokenStore([
      {
        provider: 'google',
        account: 'youtube',
        refreshToken: 'test-refresh-token-a',
        obtainedAt: new Date(now.value - 2 * day).toISOString(),
      },
    ]);
    const manager = createTokenManager({
      store,
      events,
      google: { ...google, testingMode: true },
      now: () => now.value,
    });
    const [status] = await manager.checkExpiry();
    expect(status).toMatchObject({ account: 'youtube', state: 'expiring', daysLeft: 5 });
    expect(expiring).toEqual([expect.objectContaining({ account: 'youtube', daysLeft: 5 })]);
  });
});

describe('Instagram accounts', () => {
  it('exchanges the code for a long-lived token of about 60 days', async () => {
    const { manager, store } = setup();
    const url = new URL(manager.loginUrl('instagram', 'instagram'));
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_content_publish');
    const record = await manager.completeLogin('instagram', 'instagram', igState.code);
    expect(record.accessToken).toBe('test-ig-long-lived-token-1');
    const days = (Date.parse(record.expiresAt!) - Date.parse(record.obtainedAt)) / day;
    expect(Math.round(days)).toBe(60);
    expect(await store.get('instagram')).toEqual(record);
  });

  it('refreshes a token older than 30 days when the publisher asks for it, once for concurrent callers', async () => {
    const { manager, now } = setup();
    await manager.completeLogin('instagram', 'instagram', igState.code);
    const token = manager.instagramToken('instagram');
    expect(await token()).toBe('test-ig-long-lived-token-1');
    now.value += 31 * day;
    const [a, b] = await Promise.all([token(), token()]);
    expect(a).toBe('test-ig-long-lived-token-2');
    expect(b).toBe(a);
    expect(igState.refreshes).toBe(1);
  });

  it('G14: a token under 24 h old is not refreshed; an expired one asks for a new login', async () => {
    const { manager, store, now, seen } = setup();
    await manager.completeLogin('instagram', 'instagram', igState.code);
    await manager.refresh('instagram');
    expect(igState.refreshes).toBe(0);
    now.value += 61 * day;
    const error = await manager.refresh('instagram').catch((e: unknown) => e);
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
    expect((error as Error).message).toContain('cannot be refreshed');
    expect((await store.get('instagram'))?.needsLogin).toBeDefined();
    expect(seen.some((event) => event.name === 'token:invalid')).toBe(true);
  });

  it('G9: a token Meta invalidated (190/463) is reported as needing a login', async () => {
    const { manager, store, now } = setup();
    await manager.completeLogin('instagram', 'instagram', igState.code);
    igState.valid.clear();
    now.value += 31 * day;
    const error = await manager
      .instagramToken('instagram')()
      .catch((e: unknown) => e);
    expect(ProviderError.isInstance(error) && error.kind).toBe('auth');
    expect((await store.get('instagram'))?.needsLogin?.reason).toContain('Session has expired');
  });

  it('warns 7 days ahead of expiry and never shows a token in a status or an error', async () => {
    const { manager, now } = setup();
    await manager.completeLogin('instagram', 'instagram', igState.code);
    now.value += 55 * day;
    const [status] = await manager.checkExpiry();
    expect(status?.state).toBe('expiring');
    expect(JSON.stringify(status)).not.toContain('test-ig-long-lived-token');
    expect(redactText('token test-ig-long-lived-token-1 leaked')).not.toContain('test-ig-long-lived-token-1');
  });
});

describe('configuration', () => {
  it('names the missing app credentials and the fix', () => {
    const manager = createTokenManager({ store: createMemoryTokenStore() });
    expect(() => manager.loginUrl('youtube', 'youtube')).toThrow(/`google`.*GOOGLE_CLIENT_ID/s);
    expect(() => manager.loginUrl('instagram', 'instagram')).toThrow(/`instagram`.*INSTAGRAM_APP_ID/s);
  });

  it('asks for a login for an unknown account', async () => {
    const error = await setup()
      .manager.googleClient('nobody')
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('reelsmith auth login nobody');
  });
});
