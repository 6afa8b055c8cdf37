/**
 * Vendor facts the token manager relies on. They change: these were read on `asOf`; every
 * value can be overridden in `createTokenManager` options.
 */
export const authDefaults = {
  asOf: '2026-11-24',
  google: {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    /** A loopback redirect: Google retired the copy-paste (OOB) flow; the code is read from the redirected URL. */
    redirectUri: 'http://127.0.0.1:53682/',
    scopes: {
      youtube: [
        'https://www.googleapis.com/auth/youtube.upload',
        'https://www.googleapis.com/auth/youtube.force-ssl',
      ],
      gdrive: ['https://www.googleapis.com/auth/drive.file'],
    } as Record<string, readonly string[]>,
    /** Refresh tokens of External apps in "Testing" publishing status expire after this many days. */
    testingRefreshTokenDays: 7,
  },
  instagram: {
    authorizeUrl: 'https://www.instagram.com/oauth/authorize',
    codeExchangeUrl: 'https://api.instagram.com/oauth/access_token',
    graphUrl: 'https://graph.instagram.com',
    scopes: ['instagram_business_basic', 'instagram_business_content_publish'],
    /** Long-lived tokens can be refreshed only once they are this old… */
    minRefreshAgeHours: 24,
    /** …and are refreshed by the manager when older than this. */
    refreshAfterDays: 30,
  },
  facebook: {
    graphVersion: 'v23.0',
    dialogUrl: 'https://www.facebook.com',
    graphUrl: 'https://graph.facebook.com',
    scopes: ['instagram_basic', 'instagram_content_publish', 'pages_read_engagement', 'pages_show_list'],
  },
  /** Warn (`token:expiring`) this many days before a token or refresh token expires. */
  warnDays: 7,
} as const;
