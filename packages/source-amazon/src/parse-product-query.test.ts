import { ConfigError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { marketplaces } from './marketplaces.js';
import { isAsin, parseProductQuery } from './parse-product-query.js';

const urlCases: Array<[string, string, string]> = [
  ['https://www.amazon.com/dp/B0C1234567', 'B0C1234567', 'www.amazon.com'],
  ['https://www.amazon.com/gp/product/B0C1234567', 'B0C1234567', 'www.amazon.com'],
  [
    'https://www.amazon.co.uk/HydroPeak-Insulated-Bottle/dp/B0C1234567/ref=sr_1_1?keywords=bottle&th=1',
    'B0C1234567',
    'www.amazon.co.uk',
  ],
  ['https://www.amazon.de/dp/B0C1234567?th=1&psc=1', 'B0C1234567', 'www.amazon.de'],
  ['https://m.amazon.fr/dp/B0C1234567', 'B0C1234567', 'www.amazon.fr'],
  ['https://smile.amazon.com/dp/B0C1234567', 'B0C1234567', 'www.amazon.com'],
  ['https://amazon.it/dp/b0c1234567/', 'B0C1234567', 'www.amazon.it'],
  ['www.amazon.es/gp/product/B0C1234567/ref=ox_sc_act_title_1', 'B0C1234567', 'www.amazon.es'],
  ['https://www.amazon.ca/gp/aw/d/B0C1234567', 'B0C1234567', 'www.amazon.ca'],
  ['https://www.amazon.in/Some-Name/dp/8172234988', '8172234988', 'www.amazon.in'],
  ['https://www.amazon.co.jp/dp/B0C1234567', 'B0C1234567', 'www.amazon.co.jp'],
  ['https://www.amazon.com.au/dp/B0C1234567', 'B0C1234567', 'www.amazon.com.au'],
  ['https://www.amazon.com.mx/dp/B0C1234567', 'B0C1234567', 'www.amazon.com.mx'],
  ['https://www.amazon.com.br/dp/B0C1234567', 'B0C1234567', 'www.amazon.com.br'],
  ['https://www.amazon.nl/dp/B0C1234567', 'B0C1234567', 'www.amazon.nl'],
  ['https://www.amazon.se/dp/B0C1234567', 'B0C1234567', 'www.amazon.se'],
  ['https://www.amazon.pl/dp/B0C1234567', 'B0C1234567', 'www.amazon.pl'],
  ['https://www.amazon.sg/dp/B0C1234567', 'B0C1234567', 'www.amazon.sg'],
  ['https://www.amazon.ae/dp/B0C1234567', 'B0C1234567', 'www.amazon.ae'],
  ['https://www.amazon.sa/dp/B0C1234567', 'B0C1234567', 'www.amazon.sa'],
  ['https://www.amazon.com.tr/dp/B0C1234567', 'B0C1234567', 'www.amazon.com.tr'],
  ['https://www.amazon.com.be/dp/B0C1234567', 'B0C1234567', 'www.amazon.com.be'],
  ['https://www.amazon.eg/dp/B0C1234567', 'B0C1234567', 'www.amazon.eg'],
  ['https://www.amazon.com/product-reviews/B0C1234567/ref=cm_cr', 'B0C1234567', 'www.amazon.com'],
];

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseProductQuery', () => {
  it.each(urlCases)('reads %s', (url, asin, host) => {
    const parsed = parseProductQuery({ url });
    expect(parsed).toMatchObject({ kind: 'asin', asin });
    expect(parsed.marketplace.host).toBe(host);
  });

  it('takes an ASIN (any case) on the default marketplace, before url and title', () => {
    expect(parseProductQuery({ asin: ' b0c1234567 ', url: 'https://www.amazon.de/dp/B0D2222222' })).toEqual({
      kind: 'asin',
      asin: 'B0C1234567',
      marketplace: marketplaces.com,
    });
    expect(
      parseProductQuery({ asin: '030640615X' }, { defaultMarketplace: marketplaces['co.uk'] }),
    ).toMatchObject({
      asin: '030640615X',
      marketplace: { host: 'www.amazon.co.uk' },
    });
  });

  it('reads a title, and a title that is an ASIN or an Amazon URL as one', () => {
    expect(parseProductQuery({ title: '  HydroPeak   water bottle ' })).toMatchObject({
      kind: 'title',
      title: 'HydroPeak water bottle',
    });
    expect(parseProductQuery({ title: 'B0C1234567' })).toMatchObject({ kind: 'asin', asin: 'B0C1234567' });
    expect(parseProductQuery({ title: 'https://www.amazon.de/dp/B0C1234567' }).marketplace.host).toBe(
      'www.amazon.de',
    );
  });

  it('explains an amzn.to short link: expand it or pass the ASIN', () => {
    const error = configError(() => parseProductQuery({ url: 'https://amzn.to/3xYzAbC' }));
    expect(error.field).toBe('url');
    expect(error.issues[0]?.fix).toMatch(/expands to, or pass the ASIN/);
  });

  it('rejects a non-Amazon URL, a look-alike host, a URL without an ASIN, a bad ASIN and an empty query', () => {
    expect(
      configError(() => parseProductQuery({ url: 'https://www.ebay.com/itm/1' })).issues[0]?.problem,
    ).toMatch(/not on an Amazon store/);
    expect(
      configError(() => parseProductQuery({ url: 'https://amazon.evil.example/dp/B0C1234567' })).field,
    ).toBe('url');
    expect(
      configError(() => parseProductQuery({ url: 'https://www.amazon.com/s?k=bottle' })).issues[0]?.problem,
    ).toMatch(/no product ASIN/);
    expect(configError(() => parseProductQuery({ asin: 'B0C123' })).field).toBe('asin');
    expect(configError(() => parseProductQuery({})).field).toBe('query');
  });

  it('isAsin accepts B0 ASINs and ISBN-10s only', () => {
    expect(['B0C1234567', 'b0c1234567', '0306406152', '030640615X'].every(isAsin)).toBe(true);
    expect(['B1C1234567', 'B0C12345', '12345678901', 'hello'].some(isAsin)).toBe(false);
  });
});
