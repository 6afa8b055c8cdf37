import { createCallGuard, ProviderError } from '@reelsmith/core';
import { authHeaders, refreshToken, type YouTubeAuthClient } from './auth-headers.js';
import { readGoogleError, youTubeProviderError } from './youtube-error.js';

/** What every request needs. */
export interface HttpContext {
  provider: string;
  auth: YouTubeAuthClient;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  now: () => number;
}

/** One request. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  /** Label for messages, e.g. `videos.insert (upload chunk)`. */
  call: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  signal?: AbortSignal;
}

/** An answer, with its body read. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** A URL without its query (upload ids are capabilities) for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Sends one request with the auth client's headers, under the time limit and the caller's
 * signal. A 401 (other than `youtubeSignupRequired`) refreshes the token once and resends the
 * same request. Resolves with any HTTP answer; rejects with the abort reason, or a `transient`
 * `ProviderError` when no answer came (dropped connection, timeout).
 */
export async function send(context: HttpContext, request: HttpRequest): Promise<HttpAnswer> {
  request.signal?.throwIfAborted();
  const first = await sendOnce(context, request);
  if (first.status !== 401 || readGoogleError(parseJson(first.text)).reason === 'youtubeSignupRequired') {
    return first;
  }
  request.signal?.throwIfAborted();
  await refreshToken(context.auth, context.provider);
  return sendOnce(context, request);
}

async function sendOnce(context: HttpContext, request: HttpRequest): Promise<HttpAnswer> {
  const guard = createCallGuard(request.signal, context.timeoutMs);
  try {
    const headers = await guard.run(authHeaders(context.auth, request.url, context.provider));
    const doFetch = context.fetch ?? globalThis.fetch;
    const response = await guard.run(
      doFetch(request.url, {
        method: request.method,
        headers: { ...headers, ...request.headers },
        body: request.body as RequestInit['body'],
        // 308 is YouTube's "Resume Incomplete", never a redirect to follow.
        redirect: 'manual',
        signal: guard.signal,
      }),
    );
    const text = await guard.run(response.text());
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (ProviderError.isInstance(error)) throw error;
    const where = `${request.method} ${describeUrl(request.url)}`;
    if (guard.timedOut()) {
      throw new ProviderError({
        kind: 'transient',
        provider: context.provider,
        code: 'timeout',
        message: `YouTube ${request.call} got no answer within ${context.timeoutMs} ms (${where}); raise \`timeoutMs\` on slow links`,
        cause: error,
      });
    }
    throw new ProviderError({
      kind: 'transient',
      provider: context.provider,
      code: 'network_error',
      message: `YouTube ${request.call}: the connection failed before an answer (${where}: ${
        error instanceof Error ? error.message : String(error)
      })`,
      cause: error,
    });
  } finally {
    guard.dispose();
  }
}

/** Sends a request and parses its JSON answer; maps a failed answer to a `ProviderError`. */
export async function requestJson<T>(context: HttpContext, request: HttpRequest): Promise<T> {
  const answer = await send(context, request);
  return expectJson<T>(answer, context, request.call);
}

/** The JSON body of a 2xx answer, or the mapped `ProviderError`. */
export function expectJson<T>(answer: HttpAnswer, context: HttpContext, call: string): T {
  const body = parseJson(answer.text);
  if (answer.status < 200 || answer.status >= 300) {
    throw youTubeProviderError(
      { status: answer.status, headers: answer.headers, body: body ?? answer.text },
      { provider: context.provider, call, now: context.now() },
    );
  }
  if (body === undefined || typeof body !== 'object' || body === null) {
    throw new ProviderError({
      kind: 'transient',
      provider: context.provider,
      status: answer.status,
      code: 'malformed_response',
      body: answer.text.slice(0, 500),
      message: `YouTube ${call} answered ${answer.status} with a body that is not JSON; retry later`,
    });
  }
  return body as T;
}

/** Parses JSON; `undefined` when the text is not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
