/** The Creators API region a marketplace belongs to (it picks the token endpoint). */
export type CreatorsRegion = 'na' | 'eu' | 'fe';

/** One Amazon marketplace: how each backend and the affiliate program name it. */
export interface Marketplace {
  /** The domain suffix after `amazon.`, e.g. `co.uk`. It is also ScrapingDog's `domain` parameter. */
  domain: string;
  /** The storefront host, e.g. `www.amazon.co.uk`. Product.marketplace carries it. */
  host: string;
  /** ScrapingDog's `domain` parameter. */
  scrapingDogDomain: string;
  /** ScrapingDog's `country` (proxy geo) that matches the store; the cheapest is `us`. */
  country: string;
  /** ISO 4217 currency the store prices in. */
  currency: string;
  /** The usual associate tag suffix of the store, e.g. `-21` (tags end `-NN`). */
  tagSuffix: string;
  /** The Creators API `x-marketplace` / `marketplace` value (the storefront host). */
  creatorsMarketplace: string;
  /** The Creators API region (NA, EU, FE), which decides the token endpoint. */
  creatorsRegion: CreatorsRegion;
}

const entry = (
  domain: string,
  country: string,
  currency: string,
  tagSuffix: string,
  creatorsRegion: CreatorsRegion,
): Marketplace => ({
  domain,
  host: `www.amazon.${domain}`,
  scrapingDogDomain: domain,
  country,
  currency,
  tagSuffix,
  creatorsMarketplace: `www.amazon.${domain}`,
  creatorsRegion,
});

/**
 * Every Amazon marketplace this package knows, keyed by domain suffix. Tag suffixes are the ones
 * Associates Central issues by default (`-20` US, `-21` most of Europe, `-22` Japan, …); stores
 * whose suffix is not published are marked `-21` and only produce a warning when they differ.
 */
export const marketplaces: Readonly<Record<string, Marketplace>> = Object.freeze({
  com: entry('com', 'us', 'USD', '-20', 'na'),
  ca: entry('ca', 'ca', 'CAD', '-20', 'na'),
  'com.mx': entry('com.mx', 'mx', 'MXN', '-20', 'na'),
  'com.br': entry('com.br', 'br', 'BRL', '-20', 'na'),
  'co.uk': entry('co.uk', 'uk', 'GBP', '-21', 'eu'),
  de: entry('de', 'de', 'EUR', '-21', 'eu'),
  fr: entry('fr', 'fr', 'EUR', '-21', 'eu'),
  it: entry('it', 'it', 'EUR', '-21', 'eu'),
  es: entry('es', 'es', 'EUR', '-21', 'eu'),
  nl: entry('nl', 'nl', 'EUR', '-21', 'eu'),
  'com.be': entry('com.be', 'be', 'EUR', '-21', 'eu'),
  se: entry('se', 'se', 'SEK', '-21', 'eu'),
  pl: entry('pl', 'pl', 'PLN', '-21', 'eu'),
  'com.tr': entry('com.tr', 'tr', 'TRY', '-21', 'eu'),
  ae: entry('ae', 'ae', 'AED', '-21', 'eu'),
  sa: entry('sa', 'sa', 'SAR', '-21', 'eu'),
  eg: entry('eg', 'eg', 'EGP', '-21', 'eu'),
  in: entry('in', 'in', 'INR', '-21', 'eu'),
  'co.jp': entry('co.jp', 'jp', 'JPY', '-22', 'fe'),
  'com.au': entry('com.au', 'au', 'AUD', '-22', 'fe'),
  sg: entry('sg', 'sg', 'SGD', '-22', 'fe'),
});

/** The marketplace domains, longest first (so `com.au` is tried before `com`). */
export const marketplaceDomains: readonly string[] = Object.keys(marketplaces).sort(
  (a, b) => b.length - a.length,
);

/**
 * Looks a marketplace up by domain suffix (`co.uk`), host (`www.amazon.co.uk`, `amazon.co.uk`,
 * `m.amazon.co.uk`, `smile.amazon.com`) or a `.`-prefixed suffix. Returns `undefined` for
 * anything else.
 */
export function findMarketplace(value: string): Marketplace | undefined {
  const lower = value.trim().toLowerCase().replace(/\.$/, '');
  const direct = marketplaces[lower.replace(/^\./, '')];
  if (direct) return direct;
  const match = /^(?:[a-z0-9-]+\.)*amazon\.([a-z.]+)$/.exec(lower);
  return match ? marketplaces[match[1]!] : undefined;
}
