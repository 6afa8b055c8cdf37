import { parseConfig, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import type { MatchSettings } from '../best-match.js';
import { type Marketplace, marketplaces } from '../marketplaces.js';
import type { ProductCache } from '../product-cache.js';
import { type CreatorsApiPriceTable, defaultCreatorsApiPrices } from './creators-api-prices.js';

/** Options of {@link createCreatorsApiSource}. */
export interface CreatorsApiSourceOptions {
  /** Credential ID from Associates Central › Tools › Creators API (an `amzn1.application-oa2-client…` id). */
  credentialId: string;
  /** The matching Credential Secret (shown once when the credential is created). Never logged. */
  credentialSecret: string;
  /**
   * The credential's version, shown next to it: `3.1` (NA), `3.2` (EU, India), `3.3` (FE) for Login
   * with Amazon credentials; `2.1`/`2.2`/`2.3` for older Cognito ones. Default: `3.x` of the marketplace's region.
   */
  credentialVersion?: string;
  /** Your Associates tag for this marketplace (`partnerTag`), e.g. `mychannel-20`; also sets `product.affiliateUrl`. */
  partnerTag: string;
  /** Marketplace domain suffix: `com`, `co.uk`, `de`, … Default `com`. */
  domain?: string;
  /** A product cache ({@link createProductCache}). */
  cache?: ProductCache;
  /** Time limit of each request (token and API), in ms. Default 30 000. */
  timeoutMs?: number;
  /** Requests started per second, at most. Default 1 (the starting Creators API rate). */
  requestsPerSecond?: number;
  /** Wait suggested after a 429 without `Retry-After`, in ms. Default 1000. */
  rateLimitRetryAfterMs?: number;
  /** How a title search picks its product. */
  match?: MatchSettings;
  /** Resources requested from `getItems`/`searchItems`. Default: title, brand, features, classifications, images, offersV2 price/availability. */
  resources?: string[];
  /** A dated price table (the API is free; override if that changes). */
  prices?: CreatorsApiPriceTable;
  /** API base URL. Default `https://creatorsapi.amazon`. */
  baseUrl?: string;
  /** Token endpoint. Default: from `credentialVersion`. */
  tokenUrl?: string;
  /** The fetch to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
}

/** Options after validation. */
export interface ResolvedCreatorsApiOptions {
  credentialId: string;
  credentialSecret: string;
  credentialVersion: string;
  partnerTag: string;
  marketplace: Marketplace;
  cache: ProductCache | undefined;
  timeoutMs: number;
  requestsPerSecond: number;
  rateLimitRetryAfterMs: number;
  match: MatchSettings;
  resources: string[];
  prices: CreatorsApiPriceTable;
  baseUrl: string;
  tokenUrl: string;
  /** `json` for Login with Amazon (3.x) token endpoints, `form` for Cognito (2.x). */
  tokenStyle: 'json' | 'form';
  fetch: typeof fetch | undefined;
}

/** Token endpoints by credential version. */
export const creatorsTokenUrls: Readonly<Record<string, string>> = Object.freeze({
  '3.1': 'https://api.amazon.com/auth/o2/token',
  '3.2': 'https://api.amazon.co.uk/auth/o2/token',
  '3.3': 'https://api.amazon.co.jp/auth/o2/token',
  '2.1': 'https://creatorsapi.auth.us-east-1.amazoncognito.com/oauth2/token',
  '2.2': 'https://creatorsapi.auth.eu-south-2.amazoncognito.com/oauth2/token',
  '2.3': 'https://creatorsapi.auth.us-west-2.amazoncognito.com/oauth2/token',
});
const versionByRegion = { na: '3.1', eu: '3.2', fe: '3.3' } as const;

/** Default resources: everything the normalized product uses. */
export const defaultCreatorsResources: readonly string[] = [
  'itemInfo.title',
  'itemInfo.byLineInfo',
  'itemInfo.features',
  'itemInfo.classifications',
  'images.primary.large',
  'images.variants.large',
  'offersV2.listings.price',
  'offersV2.listings.availability',
];

/** Hosts of the retired Product Advertising API 5.0. */
export const paApiHost = /^webservices\.amazon\.[a-z.]+$/i;

const schema = z.strictObject({
  credentialId: z.string().trim().min(1, 'the Credential ID is missing'),
  credentialSecret: z.string().trim().min(1, 'the Credential Secret is missing'),
  credentialVersion: z.enum(Object.keys(creatorsTokenUrls) as [string, ...string[]]).optional(),
  partnerTag: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,62}-\d{2}$/i, 'expected an Associates tag like mychannel-20'),
  domain: z.enum(Object.keys(marketplaces) as [string, ...string[]]).default('com'),
  cache: z
    .custom<ProductCache>(
      (value) =>
        typeof value === 'object' && value !== null && typeof (value as ProductCache).get === 'function',
      'expected a product cache from createProductCache()',
    )
    .optional(),
  timeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  requestsPerSecond: z.number().positive().max(100).default(1),
  rateLimitRetryAfterMs: z.number().int().min(0).max(600_000).default(1_000),
  match: z
    .strictObject({
      minScore: z.number().min(0).max(1).optional(),
      ambiguityMargin: z.number().min(0).max(1).optional(),
    })
    .default({}),
  resources: z.array(z.string().min(1)).min(1).optional(),
  prices: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-24'),
      usdPerRequest: z.number().nonnegative().finite(),
    })
    .optional(),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((value) => !paApiHost.test(new URL(value).hostname), {
      message: 'this is the host of PA-API 5.0, which Amazon retired in 2026',
    })
    .default('https://creatorsapi.amazon'),
  tokenUrl: z.url({ protocol: /^https?$/ }).optional(),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
});

const hints: Record<string, string> = {
  credentialId: 'create a credential in Associates Central › Tools › Creators API and pass its Credential ID',
  credentialSecret:
    'pass the Credential Secret shown when the credential was created (create a new one if lost)',
  credentialVersion: 'pass the version shown next to the credential, e.g. `3.1` (NA), `3.2` (EU), `3.3` (FE)',
  partnerTag: 'pass your tracking ID for this marketplace from Associates Central, e.g. `mychannel-20`',
  domain: `use one of ${Object.keys(marketplaces).join(', ')}`,
  baseUrl:
    'migrate to the Creators API: leave baseUrl out (https://creatorsapi.amazon) and use a Creators API credential, not PA-API access keys',
};

/** Validates the options (a `ConfigError` names each bad field and its fix) and registers the secret. */
export function resolveCreatorsApiOptions(options: CreatorsApiSourceOptions): ResolvedCreatorsApiOptions {
  const parsed = parseConfig('createCreatorsApiSource', schema, options ?? {}, hints);
  registerSecret(parsed.credentialSecret);
  const marketplace = marketplaces[parsed.domain]!;
  const credentialVersion = parsed.credentialVersion ?? versionByRegion[marketplace.creatorsRegion];
  return {
    credentialId: parsed.credentialId,
    credentialSecret: parsed.credentialSecret,
    credentialVersion,
    partnerTag: parsed.partnerTag,
    marketplace,
    cache: parsed.cache,
    timeoutMs: parsed.timeoutMs,
    requestsPerSecond: parsed.requestsPerSecond,
    rateLimitRetryAfterMs: parsed.rateLimitRetryAfterMs,
    match: parsed.match,
    resources: parsed.resources ?? [...defaultCreatorsResources],
    prices: parsed.prices ?? defaultCreatorsApiPrices,
    baseUrl: parsed.baseUrl.replace(/\/+$/, ''),
    tokenUrl: parsed.tokenUrl ?? creatorsTokenUrls[credentialVersion]!,
    tokenStyle: credentialVersion.startsWith('2.') ? 'form' : 'json',
    fetch: parsed.fetch,
  };
}
