import { createCallGuard, ProviderError, redactText } from '@reelsmith/core';

/** An HTTP answer read in full. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
  /** True when the body parsed as JSON. */
  isJson: boolean;
}

/** One request's settings. */
export interface HttpRequest {
  /** The provider id, for errors. */
  provider: string;
  /** Who is answering, for messages, e.g. `ScrapingDog`. */
  service: string;
  url: string;
  init?: RequestInit;
  /** The fetch to use; default the global one, looked up now (so test interceptors apply). */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Values to strip from any message (API keys in URLs, client secrets). */
  secrets?: readonly string[];
}

/**
 * Sends one request under a timeout and the caller's signal, and reads the whole answer.
 * Rejects with the caller's abort reason when it aborts, and with a `transient` `ProviderError`
 * on a timeout or a network failure. The URL in messages has its secrets redacted.
 */
export async function sendRequest(request: HttpRequest): Promise<HttpAnswer> {
  if (request.signal?.aborted) throw request.signal.reason;
  const guard = createCallGuard(request.signal, request.timeoutMs);
  const where = redactText(stripQuery(request.url), [...(request.secrets ?? [])]);
  const doFetch = request.fetch ?? globalThis.fetch;
  try {
    const response = await guard.run(doFetch(request.url, { ...request.init, signal: guard.signal }));
    const text = await guard.run(response.text());
    let json: unknown;
    let isJson = false;
    if (text.trim() !== '' && !/^\s*</.test(text)) {
      try {
        json = JSON.parse(text);
        isJson = true;
      } catch {
        // Not JSON: the caller decides what a non-JSON answer means.
      }
    }
    return { status: response.status, headers: response.headers, text, json, isJson };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (ProviderError.isInstance(error)) throw error;
    const timedOut = guard.timedOut();
    // No `cause`: a network error can carry the request URL, and with it the API key.
    throw new ProviderError({
      kind: 'transient',
      provider: request.provider,
      code: timedOut ? 'timeout' : 'network_error',
      message: timedOut
        ? `${request.service} did not answer ${where} within ${request.timeoutMs} ms; retry later or raise timeoutMs`
        : `${request.service} could not be reached at ${where} (${redactText(errorText(error), [...(request.secrets ?? [])])}); retry later`,
    });
  } finally {
    guard.dispose();
  }
}

function stripQuery(url: string): string {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
