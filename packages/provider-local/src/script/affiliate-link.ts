import type { Product } from '@reelsmith/core';

/**
 * The link to show viewers: `product.affiliateUrl` when set; else, with an Associates tag and an
 * ASIN, the canonical `https://www.amazon.<tld>/dp/{ASIN}?tag={tag}` (the marketplace taken from
 * `product.url` when it is an Amazon address); else `product.url`. `tagged` says whether the
 * link earns commission.
 */
export function affiliateLink(
  product: Product,
  associateTag: string | undefined,
): { url: string; tagged: boolean } | undefined {
  if (product.affiliateUrl) return { url: product.affiliateUrl, tagged: true };
  const asin = product.asin?.trim().toUpperCase();
  if (associateTag && asin && /^[A-Z0-9]{10}$/.test(asin)) {
    return {
      url: `https://${marketplaceHost(product.url)}/dp/${asin}?tag=${encodeURIComponent(associateTag)}`,
      tagged: true,
    };
  }
  return product.url ? { url: product.url, tagged: false } : undefined;
}

function marketplaceHost(url: string | undefined): string {
  try {
    const host = new URL(url ?? '').hostname.toLowerCase();
    if (/^(?:www\.)?amazon\.[a-z.]{2,10}$/.test(host)) return host.startsWith('www.') ? host : `www.${host}`;
  } catch {
    // Not a URL: use the US marketplace.
  }
  return 'www.amazon.com';
}
