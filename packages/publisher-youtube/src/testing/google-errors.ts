import { HttpResponse, type HttpResponseResolver } from 'msw';

/** A Google API error envelope, as YouTube sends it. */
export function googleErrorBody(status: number, reason: string, message: string, domain = 'youtube.api') {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain, reason }],
      ...(status === 401 ? { status: 'UNAUTHENTICATED' } : {}),
      ...(status === 403 ? { status: 'PERMISSION_DENIED' } : {}),
    },
  };
}

/** An msw resolver answering a Google API error (JSON envelope, optional headers). */
export function googleError(
  status: number,
  reason: string,
  message: string,
  options: { domain?: string; headers?: Record<string, string> } = {},
): HttpResponseResolver {
  return () =>
    HttpResponse.json(googleErrorBody(status, reason, message, options.domain), {
      status,
      headers: { 'content-type': 'application/json; charset=UTF-8', ...options.headers },
    });
}

/** Google front-end HTML error page (what a wrong path or a 502 from the edge looks like). */
export function googleHtmlError(status: number, title: string): HttpResponseResolver {
  return () =>
    new HttpResponse(
      `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error ${status} (${title})!!1</title>` +
        `<p><b>${status}.</b> <ins>That’s an error.</ins><p>The server encountered an error. <ins>That’s all we know.</ins>`,
      { status, headers: { 'content-type': 'text/html; charset=UTF-8' } },
    );
}

/** Canned answers of the YouTube Data API, by reason. */
export const youTubeErrors = {
  authError: () => googleError(401, 'authError', 'Invalid Credentials', { domain: 'global' }),
  youtubeSignupRequired: () =>
    googleError(401, 'youtubeSignupRequired', 'Unauthorized', { domain: 'youtube.header' }),
  insufficientPermissions: () =>
    googleError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.', {
      domain: 'global',
    }),
  quotaExceeded: () =>
    googleError(
      403,
      'quotaExceeded',
      'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      { domain: 'youtube.quota' },
    ),
  uploadLimitExceeded: () =>
    googleError(400, 'uploadLimitExceeded', 'The user has exceeded the number of videos they may upload.', {
      domain: 'youtube.video',
    }),
  invalidTitle: () =>
    googleError(400, 'invalidTitle', 'The request metadata specifies an invalid or empty video title.', {
      domain: 'youtube.video',
    }),
  rateLimitExceeded: (headers?: Record<string, string>) =>
    googleError(
      429,
      'rateLimitExceeded',
      'The request cannot be completed because you have exceeded your rate limit.',
      {
        domain: 'youtube.quota',
        ...(headers ? { headers } : {}),
      },
    ),
  userRateLimitExceeded: () =>
    googleError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded', { domain: 'usageLimits' }),
  forbidden: () =>
    googleError(403, 'forbidden', 'The request is not properly authorized.', { domain: 'youtube.video' }),
  thumbnailForbidden: () =>
    googleError(
      403,
      'forbidden',
      "The authenticated user doesn't have permissions to upload and set custom video thumbnails.",
      { domain: 'youtube.thumbnail' },
    ),
  backendError: (status: 500 | 503 = 503) =>
    googleError(status, 'backendError', 'Backend Error', { domain: 'global' }),
  accountSuspended: () =>
    googleError(
      403,
      'authenticatedUserAccountSuspended',
      'The YouTube account used to authorize the API request has been suspended.',
      {
        domain: 'youtube.header',
      },
    ),
};
