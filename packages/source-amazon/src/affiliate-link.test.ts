import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { affiliateLink } from './affiliate-link.js';

describe('affiliateLink', () => {
  it.each([
    ['com', 'mychannel-20', 'https://www.amazon.com/dp/B0C1234567?tag=mychannel-20'],
    ['co.uk', 'mychannel-21', 'https://www.amazon.co.uk/dp/B0C1234567?tag=mychannel-21'],
    ['de', 'mychannel-21', 'https://www.amazon.de/dp/B0C1234567?tag=mychannel-21'],
    ['fr', 'mychannel-21', 'https://www.amazon.fr/dp/B0C1234567?tag=mychannel-21'],
    ['co.jp', 'mychannel-22', 'https://www.amazon.co.jp/dp/B0C1234567?tag=mychannel-22'],
    ['www.amazon.ca', 'mychannel-20', 'https://www.amazon.ca/dp/B0C1234567?tag=mychannel-20'],
  ])('builds the canonical link on %s', (marketplace, tag, expected) => {
    const warnings: string[] = [];
    expect(
      affiliateLink('B0C1234567', { tag, marketplace, onWarning: (message) => warnings.push(message) }),
    ).toBe(expected);
    expect(warnings).toEqual([]);
  });

  it('takes a product (asin + marketplace) or a product URL with tracking junk', () => {
    expect(
      affiliateLink(
        {
          asin: 'B0C1234567',
          title: 'x',
          marketplace: 'www.amazon.de',
          bullets: [],
          reviews: [],
          imageUrls: [],
        },
        { tag: 'me-21' },
      ),
    ).toBe('https://www.amazon.de/dp/B0C1234567?tag=me-21');
    expect(
      affiliateLink('https://www.amazon.co.uk/Name/dp/B0C1234567/ref=sr_1_1?th=1', { tag: 'me-21' }),
    ).toBe('https://www.amazon.co.uk/dp/B0C1234567?tag=me-21');
  });

  it('warns when the tag suffix is not the store usual one, or throws with suffixMismatch "error"', () => {
    const warnings: string[] = [];
    affiliateLink('B0C1234567', {
      tag: 'mychannel-20',
      marketplace: 'co.uk',
      onWarning: (message) => warnings.push(message),
    });
    expect(warnings[0]).toMatch(/ends -20.*usually end -21/);
    expect(() =>
      affiliateLink('B0C1234567', { tag: 'mychannel-20', marketplace: 'de', suffixMismatch: 'error' }),
    ).toThrow(ConfigError);
  });

  it('rejects a malformed tag, shortener hosts, short links and a non-Amazon marketplace', () => {
    expect(() => affiliateLink('B0C1234567', { tag: 'mychannel' })).toThrow(/`tag`/);
    expect(() => affiliateLink('https://bit.ly/3abcdef', { tag: 'me-20' })).toThrow(/link shortener/);
    expect(() => affiliateLink('https://amzn.to/3abcdef', { tag: 'me-20' })).toThrow(/short links/);
    expect(() => affiliateLink('B0C1234567', { tag: 'me-20', marketplace: 'ebay.com' })).toThrow(
      /`marketplace`/,
    );
    expect(() => affiliateLink('https://www.ebay.com/dp/B0C1234567', { tag: 'me-20' })).toThrow(
      /no ASIN found/,
    );
  });
});
