import { ConfigError, type ProductQuery, ProviderError } from '@reelsmith/core';
import type { Marketplace } from './marketplaces.js';
import { type ParsedProductQuery, parseProductQuery } from './parse-product-query.js';

/**
 * {@link parseProductQuery} for a source: a bad query (short link, non-Amazon URL, malformed
 * ASIN, empty query) becomes a `ProviderError` of kind `invalid_input`, so the engine skips the
 * job instead of retrying it. The message keeps the field and the fix; the `ConfigError` is the cause.
 */
export function resolveQuery(
  provider: string,
  query: ProductQuery,
  marketplace: Marketplace,
): ParsedProductQuery {
  try {
    return parseProductQuery(query ?? {}, { defaultMarketplace: marketplace, source: provider });
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    const issues = error.issues.map((issue) => `\`${issue.field}\`: ${issue.problem}. Fix: ${issue.fix}`);
    throw new ProviderError({
      kind: 'invalid_input',
      provider,
      code: 'invalid_query',
      message: `invalid product query: ${issues.join('; ')}`,
      cause: error,
    });
  }
}
