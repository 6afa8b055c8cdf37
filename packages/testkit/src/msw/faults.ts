import { delay, HttpResponse, type HttpResponseResolver } from 'msw';

// Ready fault answers for msw handlers. Each function returns a resolver, so a fresh response
// is built for every request: `http.post(url, rateLimited({ retryAfterSeconds: 7 }))`.

/** Builds a response: a string body is sent as `text/plain`, anything else as JSON. */
function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (typeof body === 'string') {
    return new HttpResponse(body, { status, headers: { 'content-type': 'text/plain', ...headers } });
  }
  return HttpResponse.json(body as Record<string, unknown>, { status, headers });
}

function errorBody(code: string, message: string): unknown {
  return { error: { code, message } };
}

/** 401 with a JSON error body (or `body`: a string is sent as text, anything else as JSON). */
export function unauthorized(
  body: unknown = errorBody('unauthorized', 'Invalid API key.'),
): HttpResponseResolver {
  return () => respond(401, body);
}

/** 402 Payment Required: the account has no funds. Services that signal billing otherwise override it. */
export function paymentRequired(
  body: unknown = errorBody('payment_required', 'Your account has no credits left. Add funds to continue.'),
): HttpResponseResolver {
  return () => respond(402, body);
}

/** 403 Forbidden: the credential is valid but not allowed to do this. */
export function forbidden(
  body: unknown = errorBody('forbidden', 'This API key is not allowed to use this resource.'),
): HttpResponseResolver {
  return () => respond(403, body);
}

/** 404 Not Found, shaped like an unknown or retired model. */
export function notFound(
  body: unknown = errorBody('model_not_found', 'The model does not exist or you do not have access to it.'),
): HttpResponseResolver {
  return () => respond(404, body);
}

/** 422 Unprocessable Entity: the request failed the service's validation. */
export function unprocessable(
  body: unknown = {
    error: { code: 'invalid_request', message: 'Invalid value for `prompt`.', param: 'prompt' },
  },
): HttpResponseResolver {
  return () => respond(422, body);
}

/** Options of {@link rateLimited}. Give `retryAfterSeconds` or `retryAfterDate`, or neither for no header. */
export interface RateLimitedOptions {
  /** Sent as `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /** Sent as `Retry-After: <HTTP-date>`. */
  retryAfterDate?: Date;
  body?: unknown;
}

/** 429 Too Many Requests, with a `Retry-After` header in seconds or as an HTTP-date. */
export function rateLimited(options: RateLimitedOptions = {}): HttpResponseResolver {
  const headers: Record<string, string> = {};
  if (options.retryAfterSeconds !== undefined) headers['retry-after'] = String(options.retryAfterSeconds);
  else if (options.retryAfterDate !== undefined)
    headers['retry-after'] = options.retryAfterDate.toUTCString();
  const body = options.body ?? errorBody('rate_limit_exceeded', 'Too many requests. Slow down.');
  return () => respond(429, body, headers);
}

const serverErrorMessages: Record<number, [string, string]> = {
  500: ['server_error', 'The server had an error while processing your request.'],
  502: ['bad_gateway', 'Bad gateway.'],
  503: ['service_unavailable', 'The service is temporarily overloaded. Try again later.'],
  504: ['gateway_timeout', 'Gateway timeout.'],
};

/** A 5xx answer with a JSON error body. */
export function serverError(status: 500 | 502 | 503 | 504 = 500, body?: unknown): HttpResponseResolver {
  const [code, message] = serverErrorMessages[status] ?? ['server_error', 'Server error.'];
  const payload = body ?? errorBody(code, message);
  return () => respond(status, payload);
}

/** A network failure: the connection drops before any answer (`fetch` rejects with a `TypeError`). */
export function dropConnection(): HttpResponseResolver {
  return () => HttpResponse.error();
}

/** Never answers. Use it to check that a client gives up after its own timeout. */
export function neverAnswer(): HttpResponseResolver {
  return async () => {
    await delay('infinite');
    return undefined;
  };
}

/** A 200 that claims to be JSON but is cut off mid-document. */
export function malformedJson(status = 200): HttpResponseResolver {
  return () =>
    new HttpResponse('{"id":"gen_01","data":[{"b64_json":"iVBORw0KGgoAAAANSUhEUgAA', {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

const htmlTitles: Record<number, string> = {
  500: '500 Internal Server Error',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};

/**
 * An error page from a proxy in front of the service, as `text/html`: `nginx` (the default)
 * or `cloudflare`. Clients must not try to parse it as JSON.
 */
export function htmlErrorPage(status = 502, style: 'nginx' | 'cloudflare' = 'nginx'): HttpResponseResolver {
  const title = htmlTitles[status] ?? `${status} Error`;
  const html =
    style === 'nginx'
      ? `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n` +
        '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
      : '<!DOCTYPE html>\n<html lang="en-US"><head><title>api.example.test | ' +
        `${title} | Cloudflare</title></head><body><div id="cf-wrapper"><h1>${title}</h1>` +
        '<p>The web server reported a bad gateway error.</p><span>Cloudflare Ray ID: 8a1b2c3d4e5f6a7b</span>' +
        '</div></body></html>\n';
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  if (style === 'cloudflare') headers.server = 'cloudflare';
  else headers.server = 'nginx';
  return () => new HttpResponse(html, { status, headers });
}
