import {
  type CallOptions,
  type CallWarning,
  type Cost,
  type ProductQuery,
  type ProductResult,
  type ProductSource,
  ProviderError,
} from '@reelsmith/core';
import { pickBestMatch } from '../best-match.js';
import { createConcurrencyLimiter } from '../concurrency-limiter.js';
import type { Marketplace } from '../marketplaces.js';
import type { ParsedProductQuery } from '../parse-product-query.js';
import { productCacheKey } from '../product-cache.js';
import { resolveQuery } from '../resolve-query.js';
import { readCache, withAffiliateUrl, writeCache } from '../source-support.js';
import { FailedScrape, normalizeScrapingDogProduct } from './normalize-scrapingdog-product.js';
import { readSearchResults } from './read-search-results.js';
import { createScrapingDogClient } from './scrapingdog-client.js';
import { resolveScrapingDogOptions, type ScrapingDogSourceOptions } from './scrapingdog-options.js';
import { creditCost, requestCredits } from './scrapingdog-prices.js';

/** A ScrapingDog-backed {@link ProductSource}. */
export interface ScrapingDogSource extends ProductSource {
  /** The default marketplace (a product URL can name another). */
  readonly marketplace: Marketplace;
  /** Requests allowed in flight now (lowered after 429s). */
  readonly concurrency: number;
  /** The cost of a query before any cache lookup: one request for an ASIN or URL, two for a title. */
  estimateCost(query: ProductQuery): Cost;
}

/** Scrape attempts per product when the service answers 200 without a product (row S6). */
const scrapeAttempts = 2;

/**
 * Creates a {@link ProductSource} on the ScrapingDog Amazon API (`GET /amazon/product` by ASIN,
 * `GET /amazon/search` for a title, then the best match by ASIN). Its id is `scrapingdog:<domain>`.
 *
 * @example
 * ```ts
 * const source = createScrapingDogSource({ apiKey: process.env.SCRAPINGDOG_API_KEY!, domain: 'co.uk', associateTag: 'mychannel-21' });
 * const { product, cost } = await source.getProduct({ url: 'https://www.amazon.co.uk/dp/B0C1234567' });
 * ```
 */
export function createScrapingDogSource(options: ScrapingDogSourceOptions): ScrapingDogSource {
  const settings = resolveScrapingDogOptions(options);
  const id = `scrapingdog:${settings.marketplace.domain}`;
  const limiter = createConcurrencyLimiter({ maxConcurrency: settings.maxConcurrency });
  const send = createScrapingDogClient(settings, id, limiter);
  const prices = settings.prices;

  async function fetchProduct(
    asin: string,
    marketplace: Marketplace,
    signal: AbortSignal | undefined,
    warnings: CallWarning[],
  ): Promise<{ product: ProductResult['product']; credits: number }> {
    let reason = '';
    for (let attempt = 1; attempt <= scrapeAttempts; attempt += 1) {
      const answer = await send({
        endpoint: 'product',
        marketplace,
        params: { asin },
        subject: `product ${asin}`,
        signal,
      });
      if (answer.droppedPostalCode) warnings.push(postalWarning(settings.postalCode));
      try {
        const product = normalizeScrapingDogProduct(answer.json, {
          asin,
          marketplace,
          readAt: new Date().toISOString(),
        });
        return { product, credits: answer.credits };
      } catch (error) {
        reason = error instanceof FailedScrape ? error.message : 'the answer does not fit the product schema';
        if (attempt < scrapeAttempts) {
          warnings.push({ type: 'other', message: `the scrape of ${asin} failed (${reason}); retried once` });
        }
      }
    }
    throw new ProviderError({
      kind: 'invalid_input',
      provider: id,
      status: 200,
      code: 'failed_scrape',
      message: `ScrapingDog could not scrape product ${asin} (${reason}) in ${scrapeAttempts} attempts; skipped. Fix: check the listing on Amazon, or try again later`,
    });
  }

  async function search(
    query: Extract<ParsedProductQuery, { kind: 'title' }>,
    signal: AbortSignal | undefined,
    warnings: CallWarning[],
  ): Promise<{ asin: string; credits: number }> {
    const answer = await send({
      endpoint: 'search',
      marketplace: query.marketplace,
      params: { query: query.title, page: '1' },
      subject: `search "${query.title}"`,
      signal,
    });
    if (answer.droppedPostalCode) warnings.push(postalWarning(settings.postalCode));
    const candidates = readSearchResults(answer.json);
    if (!candidates) {
      throw new ProviderError({
        kind: 'transient',
        provider: id,
        status: 200,
        code: 'failed_scrape',
        message: `ScrapingDog's search for "${query.title}" came back without a result list; retry later`,
        body: answer.json,
      });
    }
    const best = pickBestMatch(query.title, candidates, { ...settings.match, provider: id });
    return { asin: best.asin, credits: answer.credits };
  }

  return {
    specificationVersion: 'v1',
    id,
    capability: 'product-source',
    marketplace: settings.marketplace,
    get concurrency() {
      return limiter.limit;
    },

    async getProduct(query: ProductQuery, callOptions: CallOptions = {}): Promise<ProductResult> {
      const { signal } = callOptions;
      if (signal?.aborted) throw signal.reason;
      const parsed = resolveQuery(id, query, settings.marketplace);
      const key = productCacheKey('scrapingdog', parsed);
      const cached = await readCache(settings.cache, key, prices.date);
      if (cached) return cached;

      const warnings: CallWarning[] = [];
      let credits = 0;
      let asin: string;
      if (parsed.kind === 'title') {
        const found = await search(parsed, signal, warnings);
        credits += found.credits;
        asin = found.asin;
        const byAsin = await readCache(
          settings.cache,
          productCacheKey('scrapingdog', { kind: 'asin', asin, marketplace: parsed.marketplace }),
          prices.date,
        );
        if (byAsin) {
          await writeCache(settings.cache, [key], byAsin.product, warnings);
          return {
            ...byAsin,
            cost: creditCost(prices, credits),
            warnings: [...warnings, ...byAsin.warnings],
          };
        }
      } else {
        asin = parsed.asin;
      }
      const fetched = await fetchProduct(asin, parsed.marketplace, signal, warnings);
      credits += fetched.credits;
      const product = withAffiliateUrl(fetched.product, settings.associateTag, warnings);
      const asinKey = productCacheKey('scrapingdog', { kind: 'asin', asin, marketplace: parsed.marketplace });
      await writeCache(settings.cache, [key, asinKey], product, warnings);
      return { product, cost: creditCost(prices, credits), warnings };
    },

    estimateCost(query: ProductQuery): Cost {
      const perRequest = requestCredits(prices, settings.country, Boolean(settings.postalCode));
      let requests = 1;
      try {
        if (resolveQuery(id, query, settings.marketplace).kind === 'title') requests = 2;
      } catch {
        // An invalid query makes no request; estimate the common case.
      }
      return creditCost(prices, perRequest * requests);
    },
  };
}

function postalWarning(postalCode: string | undefined): CallWarning {
  return {
    type: 'unsupported-setting',
    setting: 'postalCode',
    message: `ScrapingDog rejected postal_code "${postalCode}" (400); read again without it, so price and availability are not localized`,
  };
}
