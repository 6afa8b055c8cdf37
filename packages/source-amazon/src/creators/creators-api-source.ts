import {
  type CallOptions,
  type CallWarning,
  type Cost,
  type Product,
  type ProductQuery,
  type ProductResult,
  type ProductSource,
  ProviderError,
} from '@reelsmith/core';
import { pickBestMatch, type SearchCandidate } from '../best-match.js';
import type { Marketplace } from '../marketplaces.js';
import { isAsin } from '../parse-product-query.js';
import { productCacheKey } from '../product-cache.js';
import { createRateGate } from '../rate-gate.js';
import { resolveQuery } from '../resolve-query.js';
import { readCache, withAffiliateUrl, writeCache } from '../source-support.js';
import { createCreatorsClient } from './creators-api-client.js';
import { type CreatorsApiSourceOptions, resolveCreatorsApiOptions } from './creators-api-options.js';
import { requestCost } from './creators-api-prices.js';
import { createTokenProvider } from './creators-token.js';
import { creatorsCandidate, normalizeCreatorsItem } from './normalize-creators-item.js';
import { missingItemError, readCreatorsItems } from './read-creators-items.js';

/** One ASIN's outcome in {@link CreatorsApiSource.getProducts}: a product or the reason there is none. */
export interface CreatorsItemOutcome {
  asin: string;
  product?: Product;
  error?: ProviderError;
}

/** A Creators API-backed {@link ProductSource}. */
export interface CreatorsApiSource extends ProductSource {
  readonly marketplace: Marketplace;
  /** The cost of a query (the API is free: 0 by default). */
  estimateCost(query: ProductQuery): Cost;
  /**
   * Looks up several ASINs (10 per `getItems` request). One bad ASIN does not fail the others:
   * each outcome carries its product or its error (row S8). Rejects only when a whole request fails.
   */
  getProducts(
    asins: readonly string[],
    options?: CallOptions,
  ): Promise<{ items: CreatorsItemOutcome[]; cost: Cost; warnings: CallWarning[] }>;
}

const batchSize = 10;

/**
 * Creates a {@link ProductSource} on Amazon's Creators API (the successor of PA-API 5.0):
 * OAuth 2.0 client credentials, `getItems` by ASIN and `searchItems` for titles, at most
 * `requestsPerSecond` (default 1) requests a second. Its id is `creators-api:<domain>`.
 * Access needs an Associates account with 10 qualifying sales in the trailing 30 days.
 *
 * @example
 * ```ts
 * const source = createCreatorsApiSource({
 *   credentialId: process.env.CREATORS_CREDENTIAL_ID!,
 *   credentialSecret: process.env.CREATORS_CREDENTIAL_SECRET!,
 *   partnerTag: 'mychannel-20',
 * });
 * const { product } = await source.getProduct({ asin: 'B0C1234567' });
 * ```
 */
export function createCreatorsApiSource(options: CreatorsApiSourceOptions): CreatorsApiSource {
  const settings = resolveCreatorsApiOptions(options);
  const id = `creators-api:${settings.marketplace.domain}`;
  const tokens = createTokenProvider(settings, id);
  const gate = createRateGate({ requestsPerSecond: settings.requestsPerSecond });
  const call = createCreatorsClient(settings, id, tokens, gate);
  const { marketplace, prices } = settings;

  const finish = (product: Product, warnings: CallWarning[]) =>
    withAffiliateUrl(product, settings.partnerTag, warnings);

  async function lookup(asins: string[], signal: AbortSignal | undefined, warnings: CallWarning[]) {
    const outcomes: CreatorsItemOutcome[] = [];
    let requests = 0;
    for (let start = 0; start < asins.length; start += batchSize) {
      const batch = asins.slice(start, start + batchSize);
      const body = await call(
        'getItems',
        { itemIds: batch, itemIdType: 'ASIN' },
        `getItems ${batch.join(',')}`,
        signal,
      );
      requests += 1;
      const { items, errors } = readCreatorsItems(body, 'getItems');
      const readAt = new Date().toISOString();
      for (const asin of batch) {
        const item = items.find((entry) => String(entry.asin ?? '').toUpperCase() === asin);
        const product = item ? normalizeCreatorsItem(item, { marketplace, readAt }) : undefined;
        if (product) outcomes.push({ asin, product: finish(product, warnings) });
        else
          outcomes.push({
            asin,
            error: missingItemError(
              id,
              asin,
              item ? [{ code: 'IncompleteItem', message: `${asin} has no title or image` }] : errors,
            ),
          });
      }
    }
    return { outcomes, requests };
  }

  /** Searches, picks the best match, and normalizes it from the search answer when it is complete. */
  async function search(
    title: string,
    signal: AbortSignal | undefined,
  ): Promise<{ best: SearchCandidate; product: Product | undefined }> {
    const body = await call(
      'searchItems',
      { keywords: title, searchIndex: 'All', itemCount: 10 },
      `searchItems "${title}"`,
      signal,
    );
    const { items } = readCreatorsItems(body, 'searchItems');
    const candidates = items.map(creatorsCandidate).filter((candidate) => candidate !== undefined);
    const best = pickBestMatch(title, candidates, { ...settings.match, provider: id });
    const item = items.find((entry) => String(entry.asin ?? '').toUpperCase() === best.asin);
    return { best, product: normalizeCreatorsItem(item, { marketplace, readAt: new Date().toISOString() }) };
  }

  return {
    specificationVersion: 'v1',
    id,
    capability: 'product-source',
    marketplace,

    async getProduct(query: ProductQuery, callOptions: CallOptions = {}): Promise<ProductResult> {
      const { signal } = callOptions;
      if (signal?.aborted) throw signal.reason;
      const parsed = resolveQuery(id, query, marketplace);
      if (parsed.marketplace.host !== marketplace.host) {
        throw new ProviderError({
          kind: 'invalid_input',
          provider: id,
          code: 'other_marketplace',
          message: `the query is a ${parsed.marketplace.host} product, but this source reads ${marketplace.host}. Fix: create a source with domain '${parsed.marketplace.domain}' (and that store's partnerTag)`,
        });
      }
      const key = productCacheKey('creators-api', parsed);
      const cached = await readCache(settings.cache, key, prices.date);
      if (cached) return cached;
      const warnings: CallWarning[] = [];
      let requests = 0;
      let asin: string;
      let product: Product | undefined;
      if (parsed.kind === 'title') {
        const found = await search(parsed.title, signal);
        requests += 1;
        asin = found.best.asin;
        product = found.product && finish(found.product, warnings);
      } else {
        asin = parsed.asin;
      }
      if (!product) {
        const { outcomes, requests: lookups } = await lookup([asin], signal, warnings);
        requests += lookups;
        const outcome = outcomes[0]!;
        if (!outcome.product) throw outcome.error!;
        product = outcome.product;
      }
      const asinKey = productCacheKey('creators-api', { kind: 'asin', asin, marketplace });
      await writeCache(settings.cache, [key, asinKey], product, warnings);
      return { product, cost: requestCost(prices, requests), warnings };
    },

    async getProducts(asins, callOptions = {}) {
      const { signal } = callOptions;
      if (signal?.aborted) throw signal.reason;
      const wanted = [...new Set(asins.map((asin) => asin.trim().toUpperCase()))];
      const bad = wanted.filter((asin) => !isAsin(asin));
      const warnings: CallWarning[] = [];
      const { outcomes, requests } = await lookup(wanted.filter(isAsin), signal, warnings);
      for (const asin of bad) {
        outcomes.push({
          asin,
          error: new ProviderError({
            kind: 'invalid_input',
            provider: id,
            code: 'invalid_asin',
            message: `"${asin}" is not an ASIN; skipped`,
          }),
        });
      }
      return { items: outcomes, cost: requestCost(prices, requests), warnings };
    },

    estimateCost(query: ProductQuery): Cost {
      let requests = 1;
      try {
        if (resolveQuery(id, query, marketplace).kind === 'title') requests = 2;
      } catch {
        // An invalid query makes no request; estimate the common case.
      }
      return requestCost(prices, requests);
    },
  };
}
