import type { CallWarning, Product, ProductResult } from '@reelsmith/core';
import { affiliateLink } from './affiliate-link.js';
import type { ProductCache } from './product-cache.js';

// Steps both sources share: the cache around a lookup, and the affiliate link on the product.

/** A cache hit as a result: the stored product, cost 0, and a warning saying it was cached. */
export async function readCache(
  cache: ProductCache | undefined,
  key: string,
  priceDate: string,
): Promise<ProductResult | undefined> {
  const hit = await cache?.get(key);
  if (!hit) return undefined;
  return {
    product: hit.product,
    cost: { usd: 0, unit: 'request', quantity: 0, priceDate },
    warnings: [
      {
        type: 'other',
        message: `cached: served from the product cache (stored ${hit.storedAt}); no request was made`,
      },
    ],
  };
}

/** Stores the product under each key; a failing cache only adds a warning. */
export async function writeCache(
  cache: ProductCache | undefined,
  keys: readonly string[],
  product: Product,
  warnings: CallWarning[],
): Promise<void> {
  if (!cache) return;
  try {
    for (const key of new Set(keys)) await cache.set(key, product);
  } catch (error) {
    warnings.push({
      type: 'other',
      message: `the product cache could not store the product (${error instanceof Error ? error.message : String(error)})`,
    });
  }
}

/** Sets `affiliateUrl` from the associate tag (a suffix that does not fit the store becomes a warning). */
export function withAffiliateUrl(
  product: Product,
  tag: string | undefined,
  warnings: CallWarning[],
): Product {
  if (!tag || !product.asin) return product;
  const affiliateUrl = affiliateLink(product, {
    tag,
    onWarning: (message) => warnings.push({ type: 'other', setting: 'associateTag', message }),
  });
  return { ...product, affiliateUrl };
}
