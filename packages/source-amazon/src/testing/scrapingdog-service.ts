import { delay, type HttpHandler, HttpResponse, type HttpResponseResolver, http } from 'msw';
import { titleTokens } from '../best-match.js';
import {
  type ScrapingDogProductBody,
  type ScrapingDogSearchResult,
  scrapingDogProducts,
  scrapingDogSearchIndex,
} from './scrapingdog-fixtures.js';

/** The product endpoint on the default base URL. */
export const scrapingDogProductUrl = 'https://api.scrapingdog.com/amazon/product';
/** The search endpoint on the default base URL. */
export const scrapingDogSearchUrl = 'https://api.scrapingdog.com/amazon/search';

/** A fake API key the fake service accepts. Obviously not real. */
export const scrapingDogTestKey = 'sd-test-key-not-real';

/** One request the fake service received (its query, with `api_key` as sent). */
export interface ScrapingDogReceived {
  endpoint: 'product' | 'search';
  params: Record<string, string>;
}

/** How the fake ScrapingDog answers. */
export interface ScrapingDogServiceOptions {
  /** Accepted key; any other gets 401. Default {@link scrapingDogTestKey}. */
  apiKey?: string;
  /** ASIN → product answer. Default {@link scrapingDogProducts}. */
  products?: Record<string, ScrapingDogProductBody>;
  /** The search index. Default {@link scrapingDogSearchIndex}. */
  searchIndex?: ScrapingDogSearchResult[];
  /** Postal codes it accepts; any other `postal_code` gets 400. Default: every code. */
  postalCodes?: string[];
  /** Receives every request. */
  received?: ScrapingDogReceived[];
  /** Holds each answer this long. */
  delayMs?: number;
}

/** A ScrapingDog error answer: `{ "success": false, "message": … }` with `status`. */
export function scrapingDogFailure(
  status: number,
  message: string,
  headers: Record<string, string> = {},
): HttpResponseResolver {
  return () => HttpResponse.json({ success: false, message }, { status, headers });
}

/**
 * Resolvers that answer `GET /amazon/product` and `GET /amazon/search` like ScrapingDog: 401 for a
 * wrong key, 400 for a missing parameter or a refused `postal_code`, 404 for an unknown ASIN, the
 * product JSON for a known one, and `{ results: [...] }` (sponsored results included) for a search.
 */
export function scrapingDogResolvers(options: ScrapingDogServiceOptions = {}) {
  const products = options.products ?? scrapingDogProducts;
  const index = options.searchIndex ?? scrapingDogSearchIndex;
  const check = async (request: Request, endpoint: 'product' | 'search') => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    options.received?.push({ endpoint, params });
    if (options.delayMs) await delay(options.delayMs);
    if (params.api_key !== (options.apiKey ?? scrapingDogTestKey)) {
      return {
        params,
        failure: HttpResponse.json({ success: false, message: 'Invalid API key' }, { status: 401 }),
      };
    }
    if (!params.domain) {
      return {
        params,
        failure: HttpResponse.json({ success: false, message: 'domain is required' }, { status: 400 }),
      };
    }
    if (
      params.postal_code !== undefined &&
      options.postalCodes &&
      !options.postalCodes.includes(params.postal_code)
    ) {
      return {
        params,
        failure: HttpResponse.json(
          { success: false, message: 'Invalid postal_code for this domain' },
          { status: 400 },
        ),
      };
    }
    return { params, failure: undefined };
  };
  const product: HttpResponseResolver = async ({ request }) => {
    const { params, failure } = await check(request, 'product');
    if (failure) return failure;
    const body = params.asin ? products[params.asin.toUpperCase()] : undefined;
    if (!params.asin)
      return HttpResponse.json({ success: false, message: 'asin is required' }, { status: 400 });
    if (!body) return HttpResponse.json({ success: false, message: 'Product not found' }, { status: 404 });
    return HttpResponse.json(body);
  };
  const search: HttpResponseResolver = async ({ request }) => {
    const { params, failure } = await check(request, 'search');
    if (failure) return failure;
    if (!params.query)
      return HttpResponse.json({ success: false, message: 'query is required' }, { status: 400 });
    const wanted = titleTokens(params.query);
    const results = index.filter((result) => {
      const have = new Set(titleTokens(String(result.title ?? '')));
      return wanted.some((token) => have.has(token));
    });
    return HttpResponse.json({ results });
  };
  return { product, search };
}

/** The success handlers: both endpoints answered by {@link scrapingDogResolvers}. */
export function scrapingDogSuccess(options: ScrapingDogServiceOptions = {}): HttpHandler[] {
  const resolvers = scrapingDogResolvers(options);
  return [
    http.get(scrapingDogProductUrl, resolvers.product),
    http.get(scrapingDogSearchUrl, resolvers.search),
  ];
}

/** Mounts `resolver` on the product endpoint (the contract suites' `route` for an ASIN query). */
export function scrapingDogProductRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return [http.get(scrapingDogProductUrl, resolver)];
}

/** Mounts `resolver` on the search endpoint (the contract suites' `route` for a title query). */
export function scrapingDogSearchRoute(resolver: HttpResponseResolver): HttpHandler[] {
  return [http.get(scrapingDogSearchUrl, resolver)];
}
