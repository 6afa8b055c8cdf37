import { HttpResponse, type HttpResponseResolver } from 'msw';

/** Mastodon's error body: `{ "error": "…" }` with the HTTP status. */
export function mastodonError(status: number, message: string): HttpResponseResolver {
  return () => HttpResponse.json({ error: message }, { status });
}

/**
 * Mastodon's throttling answer (Rack::Attack): no `Retry-After`; `X-RateLimit-Reset` is the ISO
 * 8601 time the window ends, `secondsAhead` from the moment of the answer.
 */
export function throttled(secondsAhead: number): HttpResponseResolver {
  return () =>
    HttpResponse.json(
      { error: 'Too many requests' },
      {
        status: 429,
        headers: {
          'x-ratelimit-limit': '300',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': new Date(Date.now() + secondsAhead * 1000).toISOString(),
        },
      },
    );
}

/** The answers the contract test and the publisher test serve, by what they mean. */
export const mastodonFaults = {
  invalidToken: () => mastodonError(401, 'The access token is invalid'),
  missingScope: () => mastodonError(403, 'This action is outside the authorized scopes'),
  loginDisabled: () => mastodonError(403, 'Your login is currently disabled'),
  recordNotFound: () => mastodonError(404, 'Record not found'),
  tooLong: () => mastodonError(422, 'Validation failed: Text character limit of 500 exceeded'),
  stillProcessing: () =>
    mastodonError(422, 'Cannot attach files that have not finished processing. Try again in a moment!'),
  applicationToken: () => mastodonError(422, 'This method requires an authenticated user'),
  processingFailed: () => mastodonError(422, 'Error processing thumbnail for uploaded media'),
  temporaryProblem: () =>
    mastodonError(503, 'There was a temporary problem serving your request, please try again'),
  /** An unhandled exception: Rails' static error page. */
  internalError: (): HttpResponseResolver => () =>
    new HttpResponse(
      "<!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head>" +
        "<body><h1>We're sorry, but something went wrong.</h1></body></html>",
      { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } },
    ),
};
