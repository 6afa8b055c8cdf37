import { ConfigError, type EventBus, ProviderError } from '@reelsmith/core';
import type { OAuth2Client } from 'google-auth-library';
import { type AccountStatus, accountStatus } from './account-status.js';
import { authDefaults } from './auth-defaults.js';
import {
  completeGoogleLogin,
  type GoogleAppCredentials,
  type GoogleContext,
  googleClient,
  googleConsentUrl,
  refreshGoogle,
} from './google-tokens.js';
import {
  completeInstagramLogin,
  type InstagramAppCredentials,
  type InstagramContext,
  type InstagramUrls,
  instagramConsentUrl,
  refreshInstagram,
} from './instagram-tokens.js';
import type { TokenRecord } from './token-record.js';
import type { TokenStore } from './token-store.js';

/** What an account is for: a Google scope preset (`youtube`, `gdrive`) or `instagram`. */
export type AccountKind = 'youtube' | 'gdrive' | 'instagram';

/** Options of {@link createTokenManager}. */
export interface TokenManagerOptions {
  store: TokenStore;
  /** Receives `token:expiring`, `token:refreshed` and `token:invalid`. */
  events?: EventBus;
  google?: GoogleAppCredentials;
  instagram?: InstagramAppCredentials;
  /** Warn this many days ahead of an expiry. Default 7. */
  warnDays?: number;
  /** Refresh Instagram long-lived tokens older than this. Default 30 days. */
  instagramRefreshAfterDays?: number;
  /** Google scopes per kind; default `authDefaults.google.scopes`. */
  googleScopes?: Partial<Record<'youtube' | 'gdrive', readonly string[]>>;
  /** Endpoint overrides (tests). */
  instagramUrls?: Partial<InstagramUrls>;
  now?: () => number;
  fetch?: typeof fetch;
}

/** Logins, refreshes and expiry checks for every account. */
export interface TokenManager {
  /** The URL to open to log `account` in (no browser needed here: print it). */
  loginUrl(account: string, kind: AccountKind): string;
  /** Finishes a login with the code, or the whole URL the browser was redirected to. */
  completeLogin(account: string, kind: AccountKind, codeOrUrl: string): Promise<TokenRecord>;
  /** A self-refreshing Google client for YouTube or Drive publishers. */
  googleClient(account: string): Promise<OAuth2Client>;
  /** A token function for `createInstagramPublisher({ accessToken })`: refreshes when due. */
  instagramToken(account: string): () => Promise<string>;
  /** Refreshes now (Google: a new access token; Instagram: a new long-lived token). */
  refresh(account: string): Promise<TokenRecord>;
  /** Every account with its expiry and whether it needs a login. */
  status(): Promise<AccountStatus[]>;
  /** Like `status`, and emits `token:expiring` for each account within `warnDays`. */
  checkExpiry(): Promise<AccountStatus[]>;
}

/**
 * Creates the token manager. Tokens live in `store` (use `createFileTokenStore`, mode 0600).
 *
 * @example
 * ```ts
 * const tokens = createTokenManager({
 *   store: createFileTokenStore('.reelsmith/tokens.json'),
 *   google: { clientId: process.env.GOOGLE_CLIENT_ID!, clientSecret: process.env.GOOGLE_CLIENT_SECRET! },
 * });
 * const youtube = createYouTubePublisher({ auth: await tokens.googleClient('youtube'), ... });
 * ```
 */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const now = options.now ?? Date.now;
  const warnDays = options.warnDays ?? authDefaults.warnDays;
  const refreshAfterMs =
    (options.instagramRefreshAfterDays ?? authDefaults.instagram.refreshAfterDays) * 86_400_000;
  const google = (): GoogleContext => {
    if (!options.google)
      throw missing(
        'google',
        'pass google: { clientId, clientSecret } (GOOGLE_CLIENT_ID / GOOGLE_CLIENT_SECRET)',
      );
    return { app: options.google, store: options.store, events: options.events, now };
  };
  const instagram = (): InstagramContext => {
    if (!options.instagram) {
      throw missing(
        'instagram',
        'pass instagram: { appId, appSecret, redirectUri } (INSTAGRAM_APP_ID / INSTAGRAM_APP_SECRET)',
      );
    }
    return {
      app: options.instagram,
      store: options.store,
      events: options.events,
      now,
      fetch: options.fetch ?? fetch,
      urls: {
        authorize: authDefaults.instagram.authorizeUrl,
        codeExchange: authDefaults.instagram.codeExchangeUrl,
        instagramGraph: authDefaults.instagram.graphUrl,
        facebookDialog: authDefaults.facebook.dialogUrl,
        facebookGraph: authDefaults.facebook.graphUrl,
        ...options.instagramUrls,
      },
    };
  };
  const load = async (account: string): Promise<TokenRecord> => {
    const record = await options.store.get(account);
    if (!record) {
      throw new ProviderError({
        kind: 'auth',
        provider: `auth:${account}`,
        message: `no tokens for account "${account}"; run \`reelsmith auth login ${account}\``,
      });
    }
    if (record.needsLogin) {
      throw new ProviderError({
        kind: 'auth',
        provider: `auth:${account}`,
        message: record.needsLogin.reason,
      });
    }
    return record;
  };
  const inFlight = new Map<string, Promise<TokenRecord>>();
  const refreshOnce = (account: string, task: () => Promise<TokenRecord>) => {
    const running = inFlight.get(account);
    if (running) return running;
    const promise = task().finally(() => inFlight.delete(account));
    inFlight.set(account, promise);
    return promise;
  };
  const scopesFor = (kind: 'youtube' | 'gdrive') =>
    options.googleScopes?.[kind] ?? authDefaults.google.scopes[kind] ?? [];
  const testingDays = options.google?.testingMode ? authDefaults.google.testingRefreshTokenDays : undefined;

  const manager: TokenManager = {
    loginUrl: (account, kind) =>
      kind === 'instagram'
        ? instagramConsentUrl(instagram(), account)
        : googleConsentUrl(google().app, account, scopesFor(kind)),
    completeLogin: (account, kind, codeOrUrl) =>
      kind === 'instagram'
        ? completeInstagramLogin(instagram(), account, codeOrUrl)
        : completeGoogleLogin(google(), account, codeOrUrl),
    googleClient: async (account) => googleClient(google(), await load(account)),
    instagramToken: (account) => async () => {
      let record = await load(account);
      if (now() - Date.parse(record.obtainedAt) >= refreshAfterMs) {
        record = await refreshOnce(account, () => refreshInstagram(instagram(), record));
      }
      if (!record.accessToken)
        throw new ProviderError({
          kind: 'auth',
          provider: `instagram:${account}`,
          message: 'no access token stored',
        });
      return record.accessToken;
    },
    refresh: async (account) => {
      const record = await load(account);
      return refreshOnce(account, () =>
        record.provider === 'google'
          ? refreshGoogle(google(), record)
          : refreshInstagram(instagram(), record),
      );
    },
    status: async () =>
      (await options.store.list()).map((record) => accountStatus(record, now(), warnDays, testingDays)),
    checkExpiry: async () => {
      const statuses = await manager.status();
      for (const status of statuses) {
        if (status.state === 'expiring' && status.expiresAt && status.daysLeft !== undefined) {
          options.events?.emit('token:expiring', {
            account: status.account,
            provider: status.provider,
            expiresAt: status.expiresAt,
            daysLeft: status.daysLeft,
            at: new Date(now()).toISOString(),
          });
        }
      }
      return statuses;
    },
  };
  return manager;
}

function missing(field: string, fix: string): ConfigError {
  return new ConfigError('createTokenManager', [{ field, problem: `no ${field} app credentials`, fix }]);
}
