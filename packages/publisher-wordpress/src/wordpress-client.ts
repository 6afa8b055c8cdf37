import { type CallWarning, createCallGuard, ProviderError } from '@reelsmith/core';
import { type ErrorContext, type WordPressResource, wordpressError } from './wordpress-error.js';
import type { ResolvedWordPressOptions } from './wordpress-options.js';
import { htmlTitle, parseBody } from './wordpress-response.js';

/** One REST request. */
export interface RestRequest {
  method: 'GET' | 'POST';
  /** Route below the REST prefix, e.g. `/wp/v2/media`. */
  route: string;
  resource: WordPressResource;
  query?: Record<string, string | number | undefined>;
  /** A JSON body. */
  json?: unknown;
  /** A raw body (an upload) and its length; built fresh for each attempt. */
  upload?: { body: ReadableStream<Uint8Array>; length: number; headers: Record<string, string> };
}

/** A successful answer. */
export interface RestAnswer<T> {
  data: T;
  status: number;
  headers: Headers;
  warnings: CallWarning[];
}

/** Sends REST requests to one site with its credentials, time limit and error mapping. */
export interface WordPressClient {
  send<T>(request: RestRequest, signal: AbortSignal | undefined): Promise<RestAnswer<T>>;
  /** The URL of a route (for messages and tests). */
  urlOf(route: string, query?: RestRequest['query']): string;
}

/** Creates the REST client of a publisher. */
export function createWordPressClient(options: ResolvedWordPressOptions, provider: string): WordPressClient {
  const urlOf = (route: string, query: RestRequest['query'] = {}): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.toString();
    if (options.restPrefix === '?rest_route=') {
      // Plain permalinks: the route goes in `rest_route`, the query after it.
      return `${options.siteUrl}/?rest_route=${encodeURI(route)}${search ? `&${search}` : ''}`;
    }
    return `${options.siteUrl}${options.restPrefix}${route}${search ? `?${search}` : ''}`;
  };

  const context = (uploadBytes?: number): ErrorContext => ({
    provider,
    siteUrl: options.siteUrl,
    username: options.username,
    restPrefix: options.restPrefix,
    maxUploadBytes: options.maxUploadBytes,
    ...(uploadBytes === undefined ? {} : { uploadBytes }),
  });

  async function send<T>(request: RestRequest, signal: AbortSignal | undefined): Promise<RestAnswer<T>> {
    signal?.throwIfAborted();
    const operation = `${request.method} ${request.resource}`;
    const headers: Record<string, string> = {
      authorization: options.authorization,
      accept: 'application/json',
      ...(request.upload?.headers ?? {}),
    };
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(request.json);
    } else if (request.upload) {
      headers['content-length'] = String(request.upload.length);
      init.body = request.upload.body;
      init.duplex = 'half';
    }
    const guard = createCallGuard(signal, options.timeoutMs);
    init.signal = guard.signal;
    try {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const response = await guard.run(fetchImpl(urlOf(request.route, request.query), init));
      const text = await guard.run(response.text());
      const body = parseBody(text, response.headers.get('content-type'));
      if (!response.ok) {
        throw wordpressError(
          { status: response.status, body, headers: response.headers, operation, resource: request.resource },
          context(request.upload?.length),
        );
      }
      if (body.format !== 'json') {
        throw unreadableSuccess(provider, operation, response.status, body.format, text);
      }
      const warnings: CallWarning[] = [];
      if (body.junk) {
        warnings.push({
          type: 'other',
          message:
            `${operation}: the site printed "${body.junk}" before its JSON (a PHP notice, a BOM or a plugin's output). ` +
            'The answer was read anyway; turn off display_errors/WP_DEBUG_DISPLAY or fix the plugin or theme.',
        });
      }
      return { data: body.json as T, status: response.status, headers: response.headers, warnings };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (ProviderError.isInstance(error)) throw error;
      if (guard.timedOut()) {
        throw new ProviderError({
          kind: 'transient',
          provider,
          code: 'timeout',
          message: `${operation}: ${options.siteUrl} did not answer within ${options.timeoutMs} ms (raise \`timeoutMs\` for large uploads on slow hosts)`,
          cause: error,
        });
      }
      throw new ProviderError({
        kind: 'transient',
        provider,
        code: 'network_error',
        message: `${operation}: the connection to ${options.siteUrl} failed before an answer (${describe(error)})`,
        cause: error,
      });
    } finally {
      guard.dispose();
    }
  }

  return { send, urlOf };
}

function unreadableSuccess(
  provider: string,
  operation: string,
  status: number,
  format: string,
  text: string,
): ProviderError {
  if (format === 'html') {
    const title = htmlTitle(text);
    return new ProviderError({
      kind: 'invalid_input',
      provider,
      status,
      code: 'html_response',
      message:
        `${operation} → ${status} answered an HTML page${title ? ` ("${title}")` : ''} instead of JSON: a security ` +
        'plugin, a maintenance/coming-soon plugin or a cache/firewall in front of the site is replacing REST ' +
        'answers. Allow /wp-json/ for this client; nothing was read from this answer.',
      body: text.slice(0, 2000),
    });
  }
  return new ProviderError({
    kind: 'transient',
    provider,
    status,
    code: 'malformed_json',
    message: `${operation} → ${status} answered JSON that could not be read (cut off or damaged)`,
    body: text.slice(0, 2000),
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
