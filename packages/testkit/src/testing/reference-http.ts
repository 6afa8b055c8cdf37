import { type CallOptions, ProviderError, type ProviderErrorKind } from '@reelsmith/core';

/**
 * The HTTP core of the reference providers the testkit's own tests run the contract suites
 * against: timeouts, abort, and status → kind classification done right.
 *
 * @internal
 */
export async function referenceRequest(
  provider: string,
  url: string,
  init: RequestInit,
  settings: { timeoutMs: number },
  options: CallOptions = {},
): Promise<unknown> {
  options.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    const message = timeout.aborted ? `no answer within ${settings.timeoutMs} ms` : 'network error';
    throw new ProviderError({ kind: 'transient', provider, message, cause: error });
  }
  const body = parseJson(text);
  if (!response.ok) {
    const kind = kindOf(response.status);
    throw new ProviderError({
      kind,
      provider,
      status: response.status,
      message: `${url.split('?')[0]} answered ${response.status}`,
      retryAfterMs: kind === 'rate_limit' ? retryAfterMs(response.headers.get('retry-after')) : undefined,
      body: body ?? text.slice(0, 500),
    });
  }
  if (body === undefined) {
    throw new ProviderError({
      kind: 'transient',
      provider,
      status: response.status,
      message: 'malformed JSON answer',
    });
  }
  return body;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function kindOf(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'billing';
  if (status === 404) return 'model_unavailable';
  if (status === 400 || status === 422) return 'invalid_input';
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'transient';
  return 'unknown';
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
