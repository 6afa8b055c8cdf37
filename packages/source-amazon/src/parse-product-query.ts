import { ConfigError, type ProductQuery } from '@reelsmith/core';
import { findMarketplace, type Marketplace, marketplaces } from './marketplaces.js';

/** A resolved product query: an ASIN on a marketplace, or a title to search for. */
export type ParsedProductQuery =
  | { kind: 'asin'; asin: string; marketplace: Marketplace }
  | { kind: 'title'; title: string; marketplace: Marketplace };

/** Options of {@link parseProductQuery}. */
export interface ParseProductQueryOptions {
  /** The marketplace used when the query does not name one (an ASIN or a title). Default `com`. */
  defaultMarketplace?: Marketplace;
  /** Names the caller in errors, e.g. `scrapingdog:com`. Default `source-amazon`. */
  source?: string;
}

const asinPattern = /^(B0[A-Z0-9]{8}|\d{9}[\dX])$/;
/** Path forms that carry an ASIN: /dp/X, /gp/product/X, /gp/aw/d/X, /exec/obidos/ASIN/X, /o/ASIN/X. */
const asinInPath =
  /\/(?:dp|gp\/product|gp\/aw\/d|exec\/obidos\/asin|o\/asin|product-reviews)\/([A-Z0-9]{10})(?=[/?#]|$)/i;
const shortLinkHosts = /^(?:www\.)?(?:amzn\.to|amzn\.eu|amzn\.asia|a\.co|amzn\.com)$/i;

/** True when `value` (trimmed, any case) is an ASIN: `B0` + 8 characters, or an ISBN-10. */
export function isAsin(value: string): boolean {
  return asinPattern.test(value.trim().toUpperCase());
}

/**
 * Resolves a job's product query. An `asin` wins, then a `url`, then a `title`:
 *
 * - an ASIN (`B0C1234567`, or an ISBN-10 such as `0306406152`) in any case;
 * - a product URL on any Amazon marketplace (`amazon.com`, `.co.uk`, `.de`, … `.eg`), in every
 *   form: `/dp/ASIN`, `/gp/product/ASIN`, `/name/dp/ASIN/ref=…`, `?th=1`, `m.` and `smile.`
 *   hosts; the marketplace comes from the host;
 * - a title, searched on the default marketplace. A `title` that is itself an ASIN or an Amazon
 *   URL is read as one.
 *
 * Throws a `ConfigError` naming the field and the fix for a short link (`amzn.to`), a URL that
 * is not an Amazon product page, a malformed ASIN, or an empty query.
 *
 * @example
 * ```ts
 * parseProductQuery({ url: 'https://www.amazon.co.uk/Kettle/dp/B0C1234567/ref=sr_1_1?th=1' });
 * // → { kind: 'asin', asin: 'B0C1234567', marketplace: marketplaces['co.uk'] }
 * ```
 */
export function parseProductQuery(
  query: ProductQuery,
  options: ParseProductQueryOptions = {},
): ParsedProductQuery {
  const source = options.source ?? 'source-amazon';
  const fallback = options.defaultMarketplace ?? marketplaces.com!;
  const asin = query.asin?.trim();
  if (asin) {
    if (!isAsin(asin)) {
      throw new ConfigError(source, [
        {
          field: 'asin',
          problem: `"${asin}" is not an ASIN (10 characters: B0 + 8 letters/digits, or an ISBN-10)`,
          fix: 'pass the ASIN shown under "Product details" on the product page, or pass `url` instead',
        },
      ]);
    }
    return { kind: 'asin', asin: asin.toUpperCase(), marketplace: fallback };
  }
  const url = query.url?.trim();
  if (url) return parseProductUrl(url, 'url', source);
  const title = query.title?.trim();
  if (title) {
    if (isAsin(title)) return { kind: 'asin', asin: title.toUpperCase(), marketplace: fallback };
    if (/^https?:\/\//i.test(title) || /^(?:www\.|m\.)?amzn?\.|^(?:www\.)?amazon\./i.test(title)) {
      return parseProductUrl(title, 'title', source);
    }
    return { kind: 'title', title: title.replace(/\s+/g, ' '), marketplace: fallback };
  }
  throw new ConfigError(source, [
    {
      field: 'query',
      problem: 'the product query has no `asin`, `url` or `title`',
      fix: 'give the job an ASIN, an Amazon product URL or a product title',
    },
  ]);
}

/** Reads the marketplace and ASIN of an Amazon product URL; `field` names it in errors. */
export function parseProductUrl(raw: string, field: string, source = 'source-amazon'): ParsedProductQuery {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalidUrl(source, field, raw, 'is not a URL');
  }
  if (shortLinkHosts.test(url.hostname)) {
    throw new ConfigError(source, [
      {
        field,
        problem: `"${url.origin}${url.pathname}" is a short link; its product is unknown until it is opened`,
        fix: 'open the short link in a browser and pass the full amazon.… URL it expands to, or pass the ASIN',
      },
    ]);
  }
  const marketplace = findMarketplace(url.hostname);
  if (!marketplace) throw invalidUrl(source, field, raw, `is not on an Amazon store (host ${url.hostname})`);
  const match = asinInPath.exec(decodeURIComponent(url.pathname));
  const asin = match?.[1]?.toUpperCase() ?? url.searchParams.get('asin')?.toUpperCase();
  if (!asin || !isAsin(asin)) {
    throw invalidUrl(source, field, raw, 'has no product ASIN (expected /dp/ASIN or /gp/product/ASIN)');
  }
  return { kind: 'asin', asin, marketplace };
}

function invalidUrl(source: string, field: string, raw: string, problem: string): ConfigError {
  return new ConfigError(source, [
    {
      field,
      problem: `"${raw.slice(0, 200)}" ${problem}`,
      fix: 'pass an Amazon product page URL (https://www.amazon.<store>/dp/<ASIN>) or the ASIN itself',
    },
  ]);
}
