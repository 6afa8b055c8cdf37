import { createCallGuard, ProviderError } from '@reelsmith/core';
import { mastodonError } from './mastodon-error.js';
import type { ResolvedMastodonOptions } from './mastodon-options.js';

/** One API request. */
export interface MastodonRequest {
  method: 'GET' | 'POST';
  /** Below the server's origin, e.g. `/api/v1/statuses`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** A form body: `URLSearchParams` (fields such as `media_ids[]`) or `FormData` (an upload). */
  body?: URLSearchParams | FormData;
  headers?: Record<string, string>;
}

/** A successful answer: the parsed JSON, the status (200, 202, 206) and the headers. */
export interface MastodonAnswer<T> {
  data: T;
  status: number;
  headers: Headers;
}

/** Sends requests to one server with the token, the time limit and the error mapping. */
export type MastodonClient = <T>(
  request: MastodonRequest,
  signal: AbortSignal | undefined,
) => Promise<MastodonAnswer<T>>;

/** Creates the API client of a publisher. Each request gets its own `timeoutMs`. */
export function createMastodonClient(options: ResolvedMastodonOptions, provider: string): MastodonClient {
  return async <T>(request: MastodonRequest, signal: AbortSignal | undefined) => {
    signal?.throwIfAborted();
    const operation = `${request.method} ${request.path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    const url = new URL(request.path, options.instanceUrl);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const guard = createCallGuard(signal, options.timeoutMs);
    try {
      const response = await guard.run(
        options.fetch(url, {
          method: request.method,
          headers: {
            authorization: `Bearer ${options.accessToken}`,
            accept: 'application/json',
            ...request.headers,
          },
          ...(request.body ? { body: request.body } : {}),
          signal: guard.signal,
        }),
      );
      const text = await guard.run(response.text());
      if (!response.ok) {
        throw mastodonError(
          { status: response.status, text, headers: response.headers, operation },
          provider,
        );
      }
      let data: T;
      try {
        data = JSON.parse(text) as T;
      } catch (cause) {
        throw new ProviderError({
          kind: 'transient',
          provider,
          status: response.status,
          code: 'malformed_json',
          message: `${operation} → ${response.status} answered JSON that could not be read (cut off by a proxy?)`,
          body: text.slice(0, 2000),
          cause,
        });
      }
      return { data, status: response.status, headers: response.headers };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (ProviderError.isInstance(error)) throw error;
      const timedOut = guard.timedOut();
      throw new ProviderError({
        kind: 'transient',
        provider,
        code: timedOut ? 'timeout' : 'network_error',
        message: timedOut
          ? `${operation}: ${options.host} did not answer within ${options.timeoutMs} ms (raise timeoutMs for large videos)`
          : `${operation}: the connection to ${options.host} failed (${error instanceof Error ? error.message : String(error)})`,
        cause: error,
      });
    } finally {
      guard.dispose();
    }
  };
}
