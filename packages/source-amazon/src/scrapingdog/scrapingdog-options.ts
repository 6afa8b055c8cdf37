import { parseConfig, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import type { MatchSettings } from '../best-match.js';
import { type Marketplace, marketplaces } from '../marketplaces.js';
import type { ProductCache } from '../product-cache.js';
import { defaultScrapingDogPrices, type ScrapingDogPriceTable } from './scrapingdog-prices.js';

/** Options of {@link createScrapingDogSource}. Only `apiKey` is required. */
export interface ScrapingDogSourceOptions {
  /** Your ScrapingDog API key (dashboard › API key). Sent as the `api_key` query parameter, never logged. */
  apiKey: string;
  /** Marketplace domain suffix: `com`, `co.uk`, `de`, `fr`, `it`, `es`, `ca`, `in`, `co.jp`, `com.au`, … Default `com`. */
  domain?: string;
  /** Proxy geo (`country`). `us` costs 1 credit, others about 5. Default `us`. */
  country?: string;
  /** Postal code for localized price and availability (`postal_code`). */
  postalCode?: string;
  /** Retry once without `postalCode` when the service answers 400 to it (row S5). Default true. */
  retryWithoutPostalCode?: boolean;
  /** `language` parameter, e.g. `en`. */
  language?: string;
  /** Associates tag for this marketplace; sets `product.affiliateUrl` (see {@link affiliateLink}). */
  associateTag?: string;
  /** A product cache ({@link createProductCache}); a fresh hit makes no request and costs nothing. */
  cache?: ProductCache;
  /** Time limit of each request, in ms. Default 60 000 (scrapes can take a while). */
  timeoutMs?: number;
  /** Requests in flight at once; halved after each 429 and slowly raised again. Default 5. */
  maxConcurrency?: number;
  /** Wait suggested after a 429 without `Retry-After`, in ms. Default 2000. */
  rateLimitRetryAfterMs?: number;
  /** How a title search picks its product. */
  match?: MatchSettings;
  /** A dated price table merged over the default one. */
  prices?: Partial<ScrapingDogPriceTable> & { date: string };
  /** API base URL. Default `https://api.scrapingdog.com`. */
  baseUrl?: string;
  /** The fetch to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
}

/** Options after validation, with defaults. */
export interface ResolvedScrapingDogOptions {
  apiKey: string;
  marketplace: Marketplace;
  country: string;
  postalCode: string | undefined;
  retryWithoutPostalCode: boolean;
  language: string | undefined;
  associateTag: string | undefined;
  cache: ProductCache | undefined;
  timeoutMs: number;
  maxConcurrency: number;
  rateLimitRetryAfterMs: number;
  match: MatchSettings;
  prices: ScrapingDogPriceTable;
  baseUrl: string;
  fetch: typeof fetch | undefined;
}

const cacheSchema = z.custom<ProductCache>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProductCache).get === 'function' &&
    typeof (value as ProductCache).set === 'function',
  'expected a product cache from createProductCache()',
);

const schema = z.strictObject({
  apiKey: z.string().trim().min(1, 'the API key is missing'),
  domain: z.enum(Object.keys(marketplaces) as [string, ...string[]]).default('com'),
  country: z
    .string()
    .regex(/^[a-z]{2}$/i, 'expected a two-letter country code')
    .transform((value) => value.toLowerCase())
    .default('us'),
  postalCode: z.string().trim().min(1).max(20).optional(),
  retryWithoutPostalCode: z.boolean().default(true),
  language: z.string().min(2).max(10).optional(),
  associateTag: z.string().min(1).optional(),
  cache: cacheSchema.optional(),
  timeoutMs: z.number().int().min(1).max(600_000).default(60_000),
  maxConcurrency: z.number().int().min(1).max(1000).default(5),
  rateLimitRetryAfterMs: z.number().int().min(0).max(600_000).default(2_000),
  match: z
    .strictObject({
      minScore: z.number().min(0).max(1).optional(),
      ambiguityMargin: z.number().min(0).max(1).optional(),
    })
    .default({}),
  prices: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-24'),
      usdPerCredit: z.number().nonnegative().finite().optional(),
      creditsByCountry: z.record(z.string(), z.number().nonnegative().finite()).optional(),
      defaultCredits: z.number().nonnegative().finite().optional(),
      postalCodeCredits: z.number().nonnegative().finite().optional(),
    })
    .optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.scrapingdog.com'),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
});

const hints: Record<string, string> = {
  apiKey: 'pass the API key from your ScrapingDog dashboard (e.g. process.env.SCRAPINGDOG_API_KEY)',
  domain: `use one of ${Object.keys(marketplaces).join(', ')}`,
  country: 'pass a two-letter proxy country such as `us` (1 credit) or `de`',
  timeoutMs: 'pass milliseconds from 1 to 600000 (default 60000)',
  'prices.date': 'date the table with the day you read the prices, e.g. `2026-11-24`',
  associateTag: 'pass your Associates tracking ID for this marketplace, e.g. `mychannel-20`',
};

/** Validates the options (a `ConfigError` names each bad field and its fix) and registers the key as a secret. */
export function resolveScrapingDogOptions(options: ScrapingDogSourceOptions): ResolvedScrapingDogOptions {
  const parsed = parseConfig('createScrapingDogSource', schema, options ?? {}, hints);
  registerSecret(parsed.apiKey);
  const prices: ScrapingDogPriceTable = parsed.prices
    ? {
        date: parsed.prices.date,
        usdPerCredit: parsed.prices.usdPerCredit ?? defaultScrapingDogPrices.usdPerCredit,
        creditsByCountry: { ...defaultScrapingDogPrices.creditsByCountry, ...parsed.prices.creditsByCountry },
        defaultCredits: parsed.prices.defaultCredits ?? defaultScrapingDogPrices.defaultCredits,
        postalCodeCredits: parsed.prices.postalCodeCredits ?? defaultScrapingDogPrices.postalCodeCredits,
      }
    : defaultScrapingDogPrices;
  return {
    apiKey: parsed.apiKey,
    marketplace: marketplaces[parsed.domain]!,
    country: parsed.country,
    postalCode: parsed.postalCode,
    retryWithoutPostalCode: parsed.retryWithoutPostalCode,
    language: parsed.language,
    associateTag: parsed.associateTag,
    cache: parsed.cache,
    timeoutMs: parsed.timeoutMs,
    maxConcurrency: parsed.maxConcurrency,
    rateLimitRetryAfterMs: parsed.rateLimitRetryAfterMs,
    match: parsed.match,
    prices,
    baseUrl: parsed.baseUrl.replace(/\/+$/, ''),
    fetch: parsed.fetch,
  };
}
