// msw handlers that answer like Google's and Instagram's token endpoints (contracts sheet 5.1, 7.4).
import { HttpResponse, http } from 'msw';

/** Google's token endpoint state: which refresh tokens are valid, and what was asked. */
export interface GoogleTokenState {
  validRefreshTokens: Set<string>;
  /** The code the consent redirect carries, and whether its exchange issues a refresh token. */
  code: string;
  issueRefreshToken: boolean;
  refreshes: number;
}

export function googleTokenEndpoint(state: GoogleTokenState) {
  return http.post('https://oauth2.googleapis.com/token', async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    if (form.get('grant_type') === 'authorization_code') {
      if (form.get('code') !== state.code) {
        return HttpResponse.json(
          { error: 'invalid_grant', error_description: 'Malformed auth code.' },
          { status: 400 },
        );
      }
      const refresh = 'test-refresh-token-from-exchange';
      if (state.issueRefreshToken) state.validRefreshTokens.add(refresh);
      return HttpResponse.json({
        access_token: 'test-access-token-first',
        expires_in: 3599,
        scope: 'https://www.googleapis.com/auth/youtube.upload',
        token_type: 'Bearer',
        ...(state.issueRefreshToken ? { refresh_token: refresh } : {}),
      });
    }
    if (form.get('grant_type') === 'refresh_token') {
      state.refreshes += 1;
      if (!state.validRefreshTokens.has(form.get('refresh_token') ?? '')) {
        return HttpResponse.json(
          { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
          { status: 400 },
        );
      }
      return HttpResponse.json({
        access_token: `test-access-token-refreshed-${state.refreshes}`,
        expires_in: 3599,
        token_type: 'Bearer',
      });
    }
    return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
  });
}

/** Instagram Login's endpoints: code exchange, long-lived exchange and refresh. */
export interface InstagramTokenState {
  code: string;
  /** Long-lived tokens Meta still accepts. */
  valid: Set<string>;
  refreshes: number;
}

export function instagramTokenEndpoints(state: InstagramTokenState) {
  const invalid = () =>
    HttpResponse.json(
      {
        error: {
          message: 'Error validating access token: Session has expired on Monday, 20-Jan-26.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
        },
      },
      { status: 400 },
    );
  return [
    http.post('https://api.instagram.com/oauth/access_token', async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      if (form.get('code') !== state.code) {
        return HttpResponse.json(
          { error_type: 'OAuthException', code: 400, error_message: 'Invalid authorization code' },
          { status: 400 },
        );
      }
      return HttpResponse.json({ access_token: 'test-ig-short-lived-token', user_id: 17841400000000000 });
    }),
    http.get('https://graph.instagram.com/access_token', ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get('access_token') !== 'test-ig-short-lived-token') return invalid();
      state.valid.add('test-ig-long-lived-token-1');
      return HttpResponse.json({
        access_token: 'test-ig-long-lived-token-1',
        token_type: 'bearer',
        expires_in: 5183944,
      });
    }),
    http.get('https://graph.instagram.com/refresh_access_token', ({ request }) => {
      const token = new URL(request.url).searchParams.get('access_token') ?? '';
      if (!state.valid.has(token)) return invalid();
      state.refreshes += 1;
      const next = `test-ig-long-lived-token-${state.refreshes + 1}`;
      state.valid.add(next);
      return HttpResponse.json({ access_token: next, token_type: 'bearer', expires_in: 5184000 });
    }),
  ];
}
