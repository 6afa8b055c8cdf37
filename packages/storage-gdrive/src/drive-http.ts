import { createCallGuard, ProviderError, registerSecret } from '@reelsmith/core';
import {
  type DriveErrorContext,
  driveErrorFromResponse,
  driveNetworkError,
  driveTokenError,
} from './drive-error.js';
import type { DriveAuthClient } from './drive-settings.js';

/** One request to Drive. */
export interface DriveRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** An absolute URL (a session URI) or a path under the API root (`drive/v3/files`). */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** Statuses that are answers rather than failures here (308 while uploading, 404 of a lookup). */
  accept?: readonly number[];
  context: DriveErrorContext;
  signal?: AbortSignal | undefined;
}

/** Drive's answer, read in full. */
export interface DriveResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  /** The body parsed as JSON; a `ProviderError` (`transient`) when it is not JSON. */
  json<T>(): T;
}

/** Sends signed requests to Drive under the time limit and the caller's signal. */
export interface DriveHttp {
  send(request: DriveRequest): Promise<DriveResponse>;
}

/** What {@link createDriveHttp} needs. */
export interface DriveHttpOptions {
  auth: DriveAuthClient;
  rootUrl: string;
  timeoutMs: number;
  fetch: typeof fetch | undefined;
}

/**
 * Creates the transport: every request gets fresh auth headers from the client (which refreshes
 * tokens itself), the bearer token is registered for redaction, a 401 forces one token refresh
 * and one resend, and every failure becomes a classified `ProviderError`. An aborted caller
 * signal rejects with its reason, before any request when it is already aborted.
 */
export function createDriveHttp(options: DriveHttpOptions): DriveHttp {
  const resolveUrl = (request: DriveRequest): string => {
    const url = new URL(request.url, options.rootUrl);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  };

  async function sendOnce(request: DriveRequest, url: string): Promise<DriveResponse> {
    request.signal?.throwIfAborted();
    const guard = createCallGuard(request.signal, options.timeoutMs);
    try {
      let authHeaders: Headers;
      try {
        authHeaders = toHeaders(await guard.run(options.auth.getRequestHeaders(url)));
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        if (guard.timedOut()) throw driveNetworkError(error, request.context, options.timeoutMs);
        throw driveTokenError(error, request.context);
      }
      registerBearer(authHeaders);
      const headers = new Headers(authHeaders);
      for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value);
      let response: Response;
      let bytes: Uint8Array;
      try {
        const doFetch = options.fetch ?? globalThis.fetch;
        response = await guard.run(
          doFetch(url, {
            method: request.method,
            headers,
            ...(request.body !== undefined ? { body: request.body as RequestInit['body'] } : {}),
            redirect: 'manual',
            signal: guard.signal,
          }),
        );
        bytes = new Uint8Array(await guard.run(response.arrayBuffer()));
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        throw driveNetworkError(error, request.context, guard.timedOut() ? options.timeoutMs : undefined);
      }
      return answer(response.status, response.headers, bytes, request.context);
    } finally {
      guard.dispose();
    }
  }

  return {
    async send(request) {
      const url = resolveUrl(request);
      let response = await sendOnce(request, url);
      if (response.status === 401 && typeof options.auth.refreshAccessToken === 'function') {
        try {
          await options.auth.refreshAccessToken();
        } catch (error) {
          throw driveTokenError(error, request.context);
        }
        response = await sendOnce(request, url);
      }
      const ok =
        (response.status >= 200 && response.status < 300) || request.accept?.includes(response.status);
      if (ok) return response;
      throw driveErrorFromResponse(
        { status: response.status, headers: response.headers, body: parseBody(response) },
        request.context,
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------

function answer(
  status: number,
  headers: Headers,
  bytes: Uint8Array,
  context: DriveErrorContext,
): DriveResponse {
  return {
    status,
    headers,
    bytes,
    json<T>(): T {
      try {
        return JSON.parse(new TextDecoder().decode(bytes)) as T;
      } catch (error) {
        throw malformed(status, context, error);
      }
    },
  };
}

function malformed(status: number, context: DriveErrorContext, cause: unknown): Error {
  return new ProviderError({
    kind: 'transient',
    provider: context.provider,
    status,
    code: 'malformed_response',
    message: `${context.operation}: Drive answered ${status} with a body that is not the expected JSON; retry`,
    cause,
  });
}

function parseBody(response: DriveResponse): unknown {
  const text = new TextDecoder().decode(response.bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toHeaders(value: Headers | Record<string, string | string[] | undefined>): Headers {
  if (value instanceof Headers) return value;
  const headers = new Headers();
  for (const [name, inner] of Object.entries(value)) {
    if (typeof inner === 'string') headers.set(name, inner);
    else if (Array.isArray(inner)) headers.set(name, inner.join(', '));
  }
  return headers;
}

function registerBearer(headers: Headers): void {
  const match = /^Bearer\s+(\S+)/i.exec(headers.get('authorization') ?? '');
  if (match) registerSecret(match[1]);
}
