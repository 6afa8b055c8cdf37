import type { FalClient, RequestMiddleware } from '@fal-ai/client';
import type { ResolvedFalSettings } from './fal-settings.js';

type FalSdk = typeof import('@fal-ai/client');

let sdk: Promise<FalSdk> | undefined;

/** Loads `@fal-ai/client` on first use: importing this package loads nothing and reads no env. */
export function loadFalSdk(): Promise<FalSdk> {
  sdk ??= import('@fal-ai/client');
  return sdk;
}

/** The queue URLs fal returned at submit. Status, result and cancel requests go to these. */
export interface QueueUrls {
  requestId: string;
  statusUrl: string;
  responseUrl: string;
  cancelUrl: string;
}

/** Options of {@link createFalClient}. */
export interface FalClientOptions {
  apiKey: string | undefined;
  settings: ResolvedFalSettings;
  /** The classifying fetch from `createFalFetch`. */
  fetch: typeof fetch;
  /** The URLs of the request in flight, once submitted. */
  queueUrls: () => QueueUrls | undefined;
}

/**
 * Builds an SDK client for one call: our fetch, the key, the proxy (applied in Node too),
 * the user's headers, and a middleware that sends status/result/cancel requests to the
 * URLs fal returned at submit. The SDK builds those from the model id's `owner/app`, which
 * works today but is not the documented contract; the returned URLs are.
 */
export async function createFalClient(options: FalClientOptions): Promise<FalClient> {
  const { createFalClient: create } = await loadFalSdk();
  const { settings } = options;
  return create({
    credentials: options.apiKey,
    suppressLocalCredentialsWarning: true,
    fetch: options.fetch,
    // Config-level retries off. The queue methods override this with their own retry counts,
    // which is why createFalFetch throws errors the SDK does not retry.
    retry: { maxRetries: 0 },
    requestMiddleware: queueUrlMiddleware(options.queueUrls, settings.headers ?? {}),
    ...(settings.proxyUrl ? { proxyUrl: { url: settings.proxyUrl, when: 'always' as const } } : {}),
  });
}

/** Adds the user's headers and points queue requests at the URLs returned at submit. */
export function queueUrlMiddleware(
  queueUrls: () => QueueUrls | undefined,
  headers: Record<string, string>,
): RequestMiddleware {
  return async (request) => {
    const urls = queueUrls();
    return {
      ...request,
      url: urls ? rewriteQueueUrl(request.url, urls) : request.url,
      headers: { ...headers, ...request.headers },
    };
  };
}

/**
 * Maps an SDK-built `…/requests/{id}[/status|/cancel]` URL to the matching returned URL,
 * keeping the SDK's query (`?logs=1`). Other URLs pass unchanged.
 */
export function rewriteQueueUrl(url: string, urls: QueueUrls): string {
  const parsed = new URL(url);
  const marker = `/requests/${urls.requestId}`;
  const at = parsed.pathname.indexOf(marker);
  if (at < 0) return url;
  const tail = parsed.pathname.slice(at + marker.length);
  const target =
    tail === '/status'
      ? urls.statusUrl
      : tail === '/cancel'
        ? urls.cancelUrl
        : tail === ''
          ? urls.responseUrl
          : undefined;
  if (target === undefined) return url;
  const out = new URL(target);
  for (const [key, value] of parsed.searchParams)
    if (!out.searchParams.has(key)) out.searchParams.set(key, value);
  return out.toString();
}
