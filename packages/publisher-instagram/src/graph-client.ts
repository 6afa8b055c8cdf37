import { createCallGuard, ProviderError, registerSecret } from '@reelsmith/core';
import { providerErrorFromResponse } from './instagram-error.js';
import type { ResolvedInstagramSettings } from './instagram-settings.js';

/** One request to the Graph API or the upload host. */
export interface GraphRequest {
  method: 'GET' | 'POST';
  /** Path under `{graphUrl}/{graphVersion}`, e.g. `/1784…/media`. Ignored when `url` is set. */
  path?: string;
  /** An absolute URL (the rupload upload URI). */
  url?: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as `application/x-www-form-urlencoded`, so captions never travel in a URL. */
  form?: Record<string, string | number | boolean | undefined>;
  /** Makes a raw body (upload bytes), fresh for each attempt; `headers` then say what it is. */
  body?: () => Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** `OAuth <token>` (rupload) instead of `Bearer <token>`. */
  authScheme?: 'Bearer' | 'OAuth';
  /** What the request does, for messages: `create the container`. */
  step: string;
  timeoutMs?: number;
}

/** A successful answer. */
export interface GraphAnswer<T> {
  data: T;
  status: number;
  headers: Headers;
}

/** Requests with one publish's token: resolved once, refreshed once after a code-190 answer. */
export interface GraphSession {
  request<T = Record<string, unknown>>(request: GraphRequest): Promise<GraphAnswer<T>>;
}

/**
 * Opens a session for one `publish` or `findExisting` call. The token travels in the
 * `Authorization` header, never as an `access_token` query parameter, and every token is
 * registered with the core's redaction. A function token is called once per session; when the
 * service answers code 190 (expired/invalid) the function is called again and the request is
 * sent once more only if it returned a different token (a 190 means nothing was done, so this
 * never risks a second post).
 */
export function openGraphSession(
  settings: ResolvedInstagramSettings,
  provider: string,
  signal: AbortSignal | undefined,
): GraphSession {
  let token: string | undefined;
  const resolveToken = async (): Promise<string> => {
    const source = settings.accessToken;
    if (typeof source === 'string') return source;
    const guard = createCallGuard(signal, settings.timeoutMs);
    try {
      const value = await guard.run(Promise.resolve().then(source));
      if (typeof value !== 'string' || value === '')
        throw new TypeError('the accessToken function returned no token');
      registerSecret(value);
      return value;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProviderError({
        kind: 'auth',
        provider,
        code: 'token_unavailable',
        cause: error,
        message:
          `no Instagram access token: the accessToken function failed (${reason}). ` +
          'Run `reelsmith auth refresh instagram`; an expired long-lived token cannot be refreshed: run `reelsmith auth login instagram`.',
      });
    } finally {
      guard.dispose();
    }
  };

  const request = async <T>(graphRequest: GraphRequest): Promise<GraphAnswer<T>> => {
    signal?.throwIfAborted();
    token ??= await resolveToken();
    try {
      return await send<T>(settings, provider, graphRequest, token, signal);
    } catch (error) {
      const expired =
        ProviderError.isInstance(error) && error.kind === 'auth' && /^190\b/.test(error.code ?? '');
      if (!expired || typeof settings.accessToken === 'string') throw error;
      const previous = token;
      token = await resolveToken();
      if (token === previous) throw error;
      return send<T>(settings, provider, graphRequest, token, signal);
    }
  };
  return { request };
}

async function send<T>(
  settings: ResolvedInstagramSettings,
  provider: string,
  request: GraphRequest,
  token: string,
  signal: AbortSignal | undefined,
): Promise<GraphAnswer<T>> {
  signal?.throwIfAborted();
  const url = new URL(request.url ?? `${settings.graphUrl}/${settings.graphVersion}${request.path ?? ''}`);
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const headers: Record<string, string> = {
    authorization: `${request.authScheme ?? 'Bearer'} ${token}`,
    ...request.headers,
  };
  let body: RequestInit['body'] = request.body?.() as RequestInit['body'];
  if (request.form) {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(request.form)) {
      if (value !== undefined) form.set(name, String(value));
    }
    body = form;
  }
  const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
  const guard = createCallGuard(signal, timeoutMs);
  const where = `${request.method} ${safeUrl(url)}`;
  try {
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      body,
      signal: guard.signal,
    };
    if (body instanceof ReadableStream) init.duplex = 'half';
    const response = await guard.run((settings.fetch ?? globalThis.fetch)(url, init));
    const text = await guard.run(response.text());
    const parsed = parseJson(text);
    const context = { provider, step: request.step, rateLimit: settings.rateLimit };
    if (!response.ok) {
      throw providerErrorFromResponse(
        { status: response.status, body: parsed === undefined ? text : parsed, headers: response.headers },
        context,
      );
    }
    if (parsed === undefined || typeof parsed !== 'object' || parsed === null) {
      throw new ProviderError({
        kind: 'transient',
        provider,
        status: response.status,
        code: 'malformed_response',
        body: text.slice(0, 500),
        message: `${request.step}: ${where} answered ${response.status} with a body that is not JSON; retry later.`,
      });
    }
    return { data: parsed as T, status: response.status, headers: response.headers };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (ProviderError.isInstance(error)) throw error;
    if (guard.timedOut()) {
      throw new ProviderError({
        kind: 'transient',
        provider,
        code: 'timeout',
        cause: error,
        message: `${request.step}: ${where} did not answer within ${timeoutMs} ms; retry later.`,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProviderError({
      kind: 'transient',
      provider,
      code: 'network_error',
      cause: error,
      message: `${request.step}: ${where} failed before an answer (${reason}); retry later.`,
    });
  } finally {
    guard.dispose();
  }
}

/** The URL without query parameters that carry secrets (`access_token`, `client_secret`, …). */
export function safeUrl(url: URL | string): string {
  const copy = new URL(String(url));
  for (const name of [...copy.searchParams.keys()]) {
    if (/token|secret|key|signature|password/i.test(name)) copy.searchParams.set(name, '[redacted]');
  }
  return copy.href.replace(/%5Bredacted%5D/g, '[redacted]');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
