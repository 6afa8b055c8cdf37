import { type Product, productSchema } from '@reelsmith/core';
import { readAvailability } from '../availability.js';
import type { SearchCandidate } from '../best-match.js';
import type { Marketplace } from '../marketplaces.js';
import { parseCount, parseRating } from '../parse-price.js';

type Raw = Record<string, any>;

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The ASIN and title of a `searchItems` item, for the best-match step. */
export function creatorsCandidate(item: unknown): SearchCandidate | undefined {
  const raw = item as Raw | null;
  const asin = str(raw?.asin);
  const title = str(raw?.itemInfo?.title?.displayValue);
  if (!asin || !title) return undefined;
  return {
    asin: asin.toUpperCase(),
    title,
    rating: parseRating(raw?.customerReviews?.starRating?.value),
    reviewCount: parseCount(raw?.customerReviews?.count),
  };
}

/**
 * Normalizes a Creators API item (lowerCamelCase: `itemInfo.title.displayValue`,
 * `offersV2.listings[].price.money`, `images.primary.large.url`, …) into a {@link Product}.
 * Returns `undefined` when the item has no title or no image. A listing without a price, or
 * whose availability says it cannot be bought, gives an `unavailable` product with no price.
 */
export function normalizeCreatorsItem(
  item: unknown,
  context: { marketplace: Marketplace; readAt: string },
): Product | undefined {
  const raw = (item ?? {}) as Raw;
  const asin = str(raw.asin)?.toUpperCase();
  const info = (raw.itemInfo ?? {}) as Raw;
  const title = str(info.title?.displayValue);
  const images = [
    str(raw.images?.primary?.large?.url) ?? str(raw.images?.primary?.medium?.url),
    ...(Array.isArray(raw.images?.variants) ? raw.images.variants : []).map((variant: Raw) =>
      str(variant?.large?.url),
    ),
  ].filter((url): url is string => typeof url === 'string' && /^https?:\/\//i.test(url));
  if (!asin || !title || images.length === 0) return undefined;

  const listings: Raw[] = Array.isArray(raw.offersV2?.listings) ? raw.offersV2.listings : [];
  const listing = listings.find((entry) => entry?.isBuyBoxWinner === true) ?? listings[0];
  const money = listing?.price?.money as Raw | undefined;
  const amount = typeof money?.amount === 'number' ? money.amount : undefined;
  const currency = str(money?.currency) ?? context.marketplace.currency;
  let availability = readAvailability(
    str(listing?.availability?.type) ?? str(listing?.availability?.message),
  );
  if (amount === undefined || amount <= 0) availability = 'unavailable';
  else if (availability === 'unknown') availability = 'in_stock';
  const { marketplace, readAt } = context;

  return productSchema.parse({
    asin,
    title,
    brand: str(info.byLineInfo?.brand?.displayValue) ?? str(info.byLineInfo?.manufacturer?.displayValue),
    price:
      availability !== 'unavailable' && amount !== undefined
        ? { amount, currency: currency.toUpperCase(), readAt }
        : undefined,
    rating: parseRating(raw.customerReviews?.starRating?.value),
    reviewCount: parseCount(raw.customerReviews?.count),
    bullets: (Array.isArray(info.features?.displayValues) ? info.features.displayValues : [])
      .map(str)
      .filter(Boolean),
    reviews: [],
    imageUrls: [...new Set(images)],
    category:
      str(info.classifications?.productGroup?.displayValue) ??
      str(raw.browseNodeInfo?.browseNodes?.[0]?.displayName),
    url: `https://${marketplace.host}/dp/${asin}`,
    marketplace: marketplace.host,
    availability,
    readAt,
  });
}
