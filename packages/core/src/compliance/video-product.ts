import type { Product } from '../spec/product.js';
import type { ResolvedCompliance } from './compliance-options.js';

const hourMs = 3_600_000;

/**
 * The product as the video may show it: never a price (a video cannot be refreshed), ratings
 * only when read within `ratingMaxAgeHours` (or supplied without a read time, i.e. your own
 * data), review quotes cut to `reviewQuoteWords` words, and no photo URLs unless photos may
 * appear in the video.
 */
export function productForVideo(product: Product, settings: ResolvedCompliance, now = Date.now()): Product {
  const { price: _price, rating, reviewCount, ...rest } = product;
  const readAt = product.readAt === undefined ? undefined : Date.parse(product.readAt);
  const fresh =
    readAt === undefined || (!Number.isNaN(readAt) && now - readAt <= settings.ratingMaxAgeHours * hourMs);
  const quoteWords = settings.reviewQuoteWords;
  const reviews =
    quoteWords === 0
      ? []
      : product.reviews.map((review) => {
          const words = review.text.trim().split(/\s+/);
          return {
            ...review,
            text: words.length > quoteWords ? `${words.slice(0, quoteWords).join(' ')}…` : review.text,
          };
        });
  return {
    ...rest,
    ...(fresh && rating !== undefined ? { rating } : {}),
    ...(fresh && reviewCount !== undefined ? { reviewCount } : {}),
    reviews,
    imageUrls: settings.productPhotos === 'in-video' ? product.imageUrls : [],
  };
}
