import { describe, expect, it } from 'vitest';
import { parseCount, parsePrice, parseRating } from './parse-price.js';

describe('parsePrice', () => {
  it.each([
    ['$1,299.99', 'USD', { amount: 1299.99, currency: 'USD' }],
    ['$24.99', 'USD', { amount: 24.99, currency: 'USD' }],
    ['1.299,99 €', 'EUR', { amount: 1299.99, currency: 'EUR' }],
    ['24,99 €', 'EUR', { amount: 24.99, currency: 'EUR' }],
    ['1.299 €', 'EUR', { amount: 1299, currency: 'EUR' }],
    ['£24.99', 'GBP', { amount: 24.99, currency: 'GBP' }],
    ['₹1,299', 'INR', { amount: 1299, currency: 'INR' }],
    ['₹1,29,999.00', 'INR', { amount: 129999, currency: 'INR' }],
    ['¥2,980', 'JPY', { amount: 2980, currency: 'JPY' }],
    ['￥2980', 'JPY', { amount: 2980, currency: 'JPY' }],
    ['R$ 1.299,90', 'BRL', { amount: 1299.9, currency: 'BRL' }],
    ['CDN$ 34.99', 'CAD', { amount: 34.99, currency: 'CAD' }],
    ['$34.99', 'CAD', { amount: 34.99, currency: 'CAD' }],
    ['$34.99', 'EUR', { amount: 34.99, currency: 'USD' }],
    ['EUR 24,99', 'EUR', { amount: 24.99, currency: 'EUR' }],
    ['1\u00a0299,00\u00a0kr', 'SEK', { amount: 1299, currency: 'SEK' }],
    ['129,99 zł', 'PLN', { amount: 129.99, currency: 'PLN' }],
    ['AED 99.00', 'AED', { amount: 99, currency: 'AED' }],
    ['$19.99 - $29.99', 'USD', { amount: 19.99, currency: 'USD' }],
    [24.5, 'GBP', { amount: 24.5, currency: 'GBP' }],
  ] as const)('reads %s (store currency %s)', (text, currency, expected) => {
    expect(parsePrice(text, currency)).toEqual(expected);
  });

  it.each(['', '   ', 'Currently unavailable.', 'Out of stock', 'free?', null, undefined, -3])(
    'gives no price for %s',
    (value) => {
      expect(parsePrice(value, 'USD')).toBeUndefined();
    },
  );
});

describe('parseCount and parseRating', () => {
  it('reads counts in several locales and short forms', () => {
    expect(parseCount('12,345')).toBe(12345);
    expect(parseCount('12.345 Bewertungen')).toBe(12345);
    expect(parseCount('12 345 ratings')).toBe(12345);
    expect(parseCount('2.5K')).toBe(2500);
    expect(parseCount(845)).toBe(845);
    expect(parseCount('none')).toBeUndefined();
  });

  it('reads ratings as numbers or strings within 0–5', () => {
    expect(parseRating(4.7)).toBe(4.7);
    expect(parseRating('4,5')).toBe(4.5);
    expect(parseRating('4.5 out of 5 stars')).toBe(4.5);
    expect(parseRating('12')).toBeUndefined();
    expect(parseRating(undefined)).toBeUndefined();
  });
});
