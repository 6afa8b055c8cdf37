import { ConfigError, type Product } from '@reelsmith/core';
import { findMarketplace, type Marketplace } from './marketplaces.js';
import { isAsin } from './parse-product-query.js';

/** Options of {@link affiliateLink}. */
export interface AffiliateLinkOptions {
  /** Your Associates tracking tag for this marketplace, e.g. `mychannel-20`. Each store has its own. */
  tag: string;
  /**
   * The store: a domain suffix (`co.uk`), a host (`www.amazon.co.uk`) or a marketplace entry.
   * Default: the product's `marketplace`, else `com`.
   */
  marketplace?: string | Marketplace;
  /**
   * What to do when the tag's `-NN` suffix is not the store's usual one (`-20` US, `-21` UK/EU,
   * `-22` JP): `'warn'` (default) calls `onWarning`, `'error'` throws a `ConfigError`.
   */
  suffixMismatch?: 'warn' | 'error';
  /** Receives the suffix warning. Default: none (the link is still built). */
  onWarning?: (message: string) => void;
}

const tagPattern = /^[a-z0-9][a-z0-9_.-]{0,62}-\d{2}$/i;
const shortenerHosts =
  /^(?:www\.)?(?:bit\.ly|tinyurl\.com|t\.co|goo\.gl|ow\.ly|is\.gd|buff\.ly|rebrand\.ly|cutt\.ly|shorturl\.at|rb\.gy|tiny\.cc|linktr\.ee)$/i;

/**
 * Builds the canonical affiliate link `https://www.amazon.<store>/dp/<ASIN>?tag=<tag>` for a
 * product (its `asin` or `url`), an ASIN, or an Amazon product URL. Validates the tag (`name-20`
 * style) and checks its suffix against the store's usual one. Rejects third-party shortener
 * links (they hide the Amazon destination, which the Associates program does not allow).
 *
 * @example
 * ```ts
 * affiliateLink('B0C1234567', { tag: 'mychannel-21', marketplace: 'co.uk' });
 * // → 'https://www.amazon.co.uk/dp/B0C1234567?tag=mychannel-21'
 * ```
 */
export function affiliateLink(productOrAsin: Product | string, options: AffiliateLinkOptions): string {
  const { asin, marketplace } = resolveTarget(productOrAsin, options.marketplace);
  const tag = options.tag?.trim() ?? '';
  if (!tagPattern.test(tag)) {
    throw new ConfigError('affiliateLink', [
      {
        field: 'tag',
        problem: `"${tag}" is not an Associates tag (expected a name followed by -NN, e.g. mychannel-20)`,
        fix: 'copy the tracking ID from Associates Central (Account Settings › Manage Tracking IDs)',
      },
    ]);
  }
  const suffix = tag.slice(tag.lastIndexOf('-'));
  if (suffix !== marketplace.tagSuffix) {
    const problem =
      `tag "${tag}" ends ${suffix}, but ${marketplace.host} tags usually end ${marketplace.tagSuffix}; ` +
      'each store has its own tag';
    const fix = `use the tracking ID Associates Central gives you for ${marketplace.host}`;
    if (options.suffixMismatch === 'error')
      throw new ConfigError('affiliateLink', [{ field: 'tag', problem, fix }]);
    options.onWarning?.(`${problem}. Fix: ${fix}`);
  }
  return `https://${marketplace.host}/dp/${asin}?tag=${encodeURIComponent(tag)}`;
}

function resolveTarget(
  target: Product | string,
  marketplaceOption: string | Marketplace | undefined,
): { asin: string; marketplace: Marketplace } {
  let asin: string | undefined;
  let fromTarget: string | undefined;
  if (typeof target === 'string') {
    const value = target.trim();
    if (isAsin(value)) asin = value.toUpperCase();
    else ({ asin, host: fromTarget } = readUrl(value, 'productOrAsin'));
  } else {
    asin = target.asin?.trim().toUpperCase();
    fromTarget = target.marketplace;
    if ((!asin || !isAsin(asin)) && target.url)
      ({ asin, host: fromTarget } = readUrl(target.url, 'product.url'));
  }
  if (!asin || !isAsin(asin)) {
    throw new ConfigError('affiliateLink', [
      {
        field: 'productOrAsin',
        problem: 'no ASIN found (the product has no `asin` and no Amazon product `url`)',
        fix: 'pass a product from an Amazon source, an ASIN, or an Amazon product URL',
      },
    ]);
  }
  const wanted = marketplaceOption ?? fromTarget ?? 'com';
  const marketplace = typeof wanted === 'string' ? findMarketplace(wanted) : wanted;
  if (!marketplace) {
    throw new ConfigError('affiliateLink', [
      {
        field: 'marketplace',
        problem: `"${String(wanted)}" is not an Amazon marketplace`,
        fix: 'pass a domain suffix such as `com`, `co.uk` or `de`, or a host such as `www.amazon.de`',
      },
    ]);
  }
  return { asin, marketplace };
}

function readUrl(value: string, field: string): { asin: string | undefined; host: string | undefined } {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return { asin: undefined, host: undefined };
  }
  if (shortenerHosts.test(url.hostname)) {
    throw new ConfigError('affiliateLink', [
      {
        field,
        problem: `${url.hostname} is a link shortener; the Associates program forbids links that hide the Amazon destination`,
        fix: 'pass the Amazon product URL or the ASIN; the canonical /dp/ link is built for you',
      },
    ]);
  }
  if (/^(?:amzn\.to|amzn\.eu|amzn\.asia|a\.co)$/i.test(url.hostname)) {
    throw new ConfigError('affiliateLink', [
      {
        field,
        problem: `${url.hostname} short links do not show which product they open`,
        fix: 'open the short link and pass the amazon.… URL it expands to, or pass the ASIN',
      },
    ]);
  }
  const marketplace = findMarketplace(url.hostname);
  if (!marketplace) return { asin: undefined, host: undefined };
  const asin = /\/(?:dp|gp\/product|gp\/aw\/d)\/([A-Z0-9]{10})(?=[/?#]|$)/i.exec(url.pathname)?.[1];
  return { asin: asin?.toUpperCase(), host: marketplace.host };
}
