import { ProviderError, type ProviderErrorKind, retryAfterFromHeaders } from '@reelsmith/core';
import type { HttpAnswer } from '../http-request.js';

/** What an error answer was for, for messages. */
export interface ScrapingDogErrorContext {
  provider: string;
  /** `product B0C1234567` or `search "insulated bottle"`. */
  subject: string;
  /** Wait suggested after a 429 without `Retry-After`. */
  rateLimitRetryAfterMs: number;
  /** True when the request carried `postal_code`. */
  withPostalCode: boolean;
}

/** The service's own words from an error body: `{ message }`, `{ error }`, `{ success:false, message }` or text. */
export function scrapingDogMessage(answer: Pick<HttpAnswer, 'json' | 'text' | 'isJson'>): string | undefined {
  if (answer.isJson && typeof answer.json === 'object' && answer.json !== null) {
    const body = answer.json as Record<string, unknown>;
    for (const key of ['message', 'error', 'msg', 'detail']) {
      const value = body[key];
      if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 300);
    }
    return undefined;
  }
  const text = answer.text.trim();
  return text !== '' && !text.startsWith('<') ? text.slice(0, 300) : undefined;
}

/**
 * Maps a ScrapingDog error answer to a `ProviderError` (API-CONTRACTS §10.1): 400 →
 * `invalid_input`, 401 → `auth`, 402/403 → `billing` (credits or plan; never retried), 404 →
 * `invalid_input` "not found; skipped", 410 and 5xx → `transient`, 429 → `rate_limit`.
 */
export function scrapingDogError(answer: HttpAnswer, context: ScrapingDogErrorContext): ProviderError {
  const said = scrapingDogMessage(answer);
  const detail = said ? `: ${said}` : '';
  const { kind, message, code } = classify(answer.status, detail, context);
  return new ProviderError({
    kind,
    provider: context.provider,
    status: answer.status,
    code,
    message,
    retryAfterMs:
      kind === 'rate_limit'
        ? (retryAfterFromHeaders(answer.headers) ?? context.rateLimitRetryAfterMs)
        : undefined,
    body: answer.isJson ? answer.json : answer.text.slice(0, 2000),
  });
}

function classify(
  status: number,
  detail: string,
  context: ScrapingDogErrorContext,
): { kind: ProviderErrorKind; message: string; code: string } {
  const { subject } = context;
  if (status === 400) {
    const postal = context.withPostalCode
      ? ' The request carried postal_code: check it belongs to the domain,'
      : '';
    return {
      kind: 'invalid_input',
      code: 'bad_request',
      message: `ScrapingDog rejected the parameters of ${subject} (400)${detail}.${postal} Fix: check domain, country and the ASIN or query`,
    };
  }
  if (status === 401) {
    return {
      kind: 'auth',
      code: 'invalid_api_key',
      message: `ScrapingDog rejected the API key (401)${detail}. Fix: set a valid key from the ScrapingDog dashboard in createScrapingDogSource({ apiKey })`,
    };
  }
  if (status === 402 || status === 403) {
    return {
      kind: 'billing',
      code: 'credits_or_plan',
      message:
        `ScrapingDog refused ${subject} (${status})${detail}: the credits are used up, or the plan does not include ` +
        'this endpoint or this many concurrent requests. Not retried. Fix: top up or upgrade the plan in the ScrapingDog dashboard',
    };
  }
  if (status === 404) {
    return {
      kind: 'invalid_input',
      code: 'not_found',
      message: `${subject}: product not found (404)${detail}; skipped. Fix: check the ASIN and the marketplace domain`,
    };
  }
  if (status === 410) {
    return {
      kind: 'transient',
      code: 'scrape_timeout',
      message: `ScrapingDog timed out scraping ${subject} (410)${detail}; retry later`,
    };
  }
  if (status === 429) {
    return {
      kind: 'rate_limit',
      code: 'too_many_requests',
      message:
        `ScrapingDog: more requests in flight than the plan allows (429)${detail}. The source halves its ` +
        'concurrency; lower maxConcurrency to stop it happening',
    };
  }
  if (status === 408 || status >= 500) {
    return {
      kind: 'transient',
      code: 'server_error',
      message: `ScrapingDog failed on ${subject} (${status})${detail}; retry later`,
    };
  }
  return {
    kind: 'unknown',
    code: 'unexpected_status',
    message: `ScrapingDog answered ${status} to ${subject}${detail}`,
  };
}
