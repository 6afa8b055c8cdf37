// Public API of @reelsmith/source-amazon: the two sources, the cache, photos, affiliate links and query parsing.
export { type AffiliateLinkOptions, affiliateLink } from './affiliate-link.js';
export type { MatchSettings, SearchCandidate } from './best-match.js';
export { type CreatorsApiSource, createCreatorsApiSource } from './creators/creators-api-source.js';
export type { CreatorsApiSourceOptions } from './creators/creators-api-options.js';
export { type CreatorsApiPriceTable, defaultCreatorsApiPrices } from './creators/creators-api-prices.js';
export { type CreatorsRegion, findMarketplace, type Marketplace, marketplaces } from './marketplaces.js';
export {
  isAsin,
  type ParsedProductQuery,
  type ParseProductQueryOptions,
  parseProductQuery,
} from './parse-product-query.js';
export { type ParsedPrice, parseCount, parsePrice, parseRating } from './parse-price.js';
export { createPhotoDownloader, type PhotoDownloaderOptions } from './photos/photo-downloader.js';
export {
  type CachedProduct,
  createProductCache,
  type ProductCache,
  type ProductCacheOptions,
  productCacheKey,
  productCacheRunId,
} from './product-cache.js';
export type { ScrapingDogSourceOptions } from './scrapingdog/scrapingdog-options.js';
export { defaultScrapingDogPrices, type ScrapingDogPriceTable } from './scrapingdog/scrapingdog-prices.js';
export { createScrapingDogSource, type ScrapingDogSource } from './scrapingdog/scrapingdog-source.js';
