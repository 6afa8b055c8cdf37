import { type Product, productSchema, type Review } from '@reelsmith/core';
import { readAvailability } from '../availability.js';
import type { Marketplace } from '../marketplaces.js';
import { parseCount, parsePrice, parseRating, saysUnavailable } from '../parse-price.js';

/** Why a 200 answer is not a usable product (row S6): the caller retries once, then skips. */
export class FailedScrape extends Error {
  override readonly name = 'FailedScrape';
}

type Raw = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/**
 * Normalizes a ScrapingDog `/amazon/product` answer into a {@link Product}, validated by
 * `productSchema`. Scraper output drifts, so each field is read from every name seen in the
 * wild (`feature_bullets` or `about_this_item`, `average_rating` or `rating`, …). A product with
 * no price, or a price saying "Currently unavailable", is `unavailable` and carries no price
 * (row S7). Throws {@link FailedScrape} for `{"success":false}` or an answer without a title or
 * images (row S6).
 */
export function normalizeScrapingDogProduct(
  body: unknown,
  context: { asin: string; marketplace: Marketplace; readAt: string },
): Product {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new FailedScrape('the answer is not a product object');
  }
  const raw = body as Raw;
  if (raw.success === false) throw new FailedScrape(text(raw.message) ?? 'success: false');
  const title = text(raw.title) ?? text(raw.name);
  const imageUrls = readImages(raw);
  if (!title) throw new FailedScrape('the answer has no title');
  if (imageUrls.length === 0) throw new FailedScrape('the answer has no images');

  const { marketplace, readAt } = context;
  const priceText = raw.price ?? raw.sale_price ?? raw.current_price;
  const parsed = parsePrice(priceText, marketplace.currency);
  const statusText = text(raw.availability_status) ?? text(raw.availability);
  let availability = readAvailability(statusText);
  const priceSaysUnavailable = typeof priceText === 'string' && saysUnavailable(priceText);
  if (!parsed || parsed.amount === 0 || priceSaysUnavailable) availability = 'unavailable';
  else if (availability === 'unknown') availability = 'in_stock';
  const asin = (
    text(raw.asin) ??
    text((raw.product_information as Raw | undefined)?.ASIN) ??
    context.asin
  ).toUpperCase();

  return productSchema.parse({
    asin,
    title,
    brand: readBrand(raw.brand),
    price:
      availability !== 'unavailable' && parsed
        ? { amount: parsed.amount, currency: parsed.currency, readAt }
        : undefined,
    rating: parseRating(raw.average_rating ?? raw.rating ?? raw.stars),
    reviewCount: parseCount(raw.total_reviews ?? raw.total_ratings ?? raw.ratings_total),
    bullets: readBullets(raw.feature_bullets ?? raw.about_this_item ?? raw.bullets),
    reviews: readReviews(raw.customer_reviews ?? raw.reviews),
    imageUrls,
    category: readCategory(raw.product_category ?? raw.category ?? raw.categories),
    url: `https://${marketplace.host}/dp/${asin}`,
    marketplace: marketplace.host,
    availability,
    readAt,
  });
}

function readImages(raw: Raw): string[] {
  const list = Array.isArray(raw.images) ? raw.images : [raw.main_image ?? raw.image].filter(Boolean);
  const urls = list
    .map((item) =>
      typeof item === 'string' ? item : text((item as Raw | null)?.url ?? (item as Raw | null)?.link),
    )
    .filter((url): url is string => typeof url === 'string' && /^https?:\/\//i.test(url.trim()))
    .map((url) => url.trim());
  return [...new Set(urls)];
}

function readBrand(value: unknown): string | undefined {
  const brand = text(value);
  if (!brand) return undefined;
  return (
    brand
      .replace(/^Visit the (.+) Store$/i, '$1')
      .replace(/^Brand:\s*/i, '')
      .replace(/^Marke:\s*/i, '')
      .trim() || undefined
  );
}

function readBullets(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\n+/) : [];
  return items.map(text).filter((item): item is string => item !== undefined);
}

function readReviews(value: unknown): Review[] {
  if (!Array.isArray(value)) return [];
  const reviews: Review[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const review = item as Raw;
    const body = text(review.review) ?? text(review.body) ?? text(review.text) ?? text(review.review_snippet);
    if (!body) continue;
    reviews.push({
      text: body,
      title: text(review.review_title) ?? text(review.title),
      rating: parseRating(review.rating ?? review.stars),
      author: text(review.user) ?? text(review.author) ?? text(review.name),
    });
  }
  return reviews;
}

function readCategory(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const names = value
      .map((item) => (typeof item === 'string' ? item : text((item as Raw | null)?.name)))
      .filter((name): name is string => Boolean(name));
    return names.length > 0 ? names.join(' › ') : undefined;
  }
  return text(value);
}
