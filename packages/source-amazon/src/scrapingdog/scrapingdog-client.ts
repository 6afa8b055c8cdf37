import { ProviderError } from '@reelsmith/core';
import type { ConcurrencyLimiter } from '../concurrency-limiter.js';
import { sendRequest } from '../http-request.js';
import type { Marketplace } from '../marketplaces.js';
import { scrapingDogError } from './scrapingdog-error.js';
import type { ResolvedScrapingDogOptions } from './scrapingdog-options.js';
import { requestCredits, type ScrapingDogEndpoint } from './scrapingdog-prices.js';

/** A successful ScrapingDog answer. */
export interface ScrapingDogAnswer {
  /** The parsed JSON body. */
  json: unknown;
  /** Credits the request cost. */
  credits: number;
  /** True when the service refused `postal_code` and the answer came from a retry without it (row S5). */
  droppedPostalCode: boolean;
}

/** One call of a ScrapingDog endpoint. */
export interface ScrapingDogCall {
  endpoint: ScrapingDogEndpoint;
  marketplace: Marketplace;
  /** Endpoint parameters besides the key, domain, country, postal code and language. */
  params: Record<string, string>;
  /** Names the call in errors, e.g. `product B0C1234567`. */
  subject: string;
  signal: AbortSignal | undefined;
}

/** Sends ScrapingDog requests: builds the URL, limits concurrency, maps errors, retries S5. */
export type ScrapingDogClient = (call: ScrapingDogCall) => Promise<ScrapingDogAnswer>;

/** Creates the {@link ScrapingDogClient} of one source. */
export function createScrapingDogClient(
  settings: ResolvedScrapingDogOptions,
  provider: string,
  limiter: ConcurrencyLimiter,
): ScrapingDogClient {
  const send = async (call: ScrapingDogCall, withPostalCode: boolean): Promise<ScrapingDogAnswer> => {
    const url = new URL(`${settings.baseUrl}/amazon/${call.endpoint}`);
    url.searchParams.set('api_key', settings.apiKey);
    url.searchParams.set('domain', call.marketplace.scrapingDogDomain);
    url.searchParams.set('country', settings.country);
    for (const [name, value] of Object.entries(call.params)) url.searchParams.set(name, value);
    if (withPostalCode && settings.postalCode) url.searchParams.set('postal_code', settings.postalCode);
    if (settings.language) url.searchParams.set('language', settings.language);
    const answer = await limiter.run(
      () =>
        sendRequest({
          provider,
          service: 'ScrapingDog',
          url: url.href,
          init: { method: 'GET', headers: { accept: 'application/json' } },
          fetch: settings.fetch,
          signal: call.signal,
          timeoutMs: settings.timeoutMs,
          secrets: [settings.apiKey],
        }),
      call.signal,
    );
    if (answer.status === 429) limiter.throttled();
    if (answer.status === 400 && withPostalCode && settings.retryWithoutPostalCode) {
      const retried = await send(call, false);
      return { ...retried, droppedPostalCode: true };
    }
    if (answer.status < 200 || answer.status > 299) {
      throw scrapingDogError(answer, {
        provider,
        subject: call.subject,
        rateLimitRetryAfterMs: settings.rateLimitRetryAfterMs,
        withPostalCode,
      });
    }
    if (!answer.isJson) {
      throw new ProviderError({
        kind: 'transient',
        provider,
        status: answer.status,
        code: 'malformed_answer',
        message: `ScrapingDog answered ${call.subject} with a body that is not JSON (an error page or a cut-off answer); retry later`,
        body: answer.text.slice(0, 2000),
      });
    }
    limiter.succeeded();
    return {
      json: answer.json,
      credits: requestCredits(
        settings.prices,
        settings.country,
        withPostalCode && Boolean(settings.postalCode),
      ),
      droppedPostalCode: false,
    };
  };
  return (call) => send(call, Boolean(settings.postalCode));
}
