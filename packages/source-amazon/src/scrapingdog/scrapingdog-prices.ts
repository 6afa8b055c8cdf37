import type { Cost } from '@reelsmith/core';

/** The ScrapingDog endpoints this package calls. */
export type ScrapingDogEndpoint = 'product' | 'search';

/** A dated ScrapingDog price table: requests cost credits (by proxy geo), credits cost dollars. */
export interface ScrapingDogPriceTable {
  /** The day (YYYY-MM-DD) these prices were read. */
  date: string;
  /** US dollars per credit (your plan's price divided by its credits). */
  usdPerCredit: number;
  /** Credits per successful request, by `country` (proxy geo). */
  creditsByCountry: Record<string, number>;
  /** Credits per request for a `country` missing from `creditsByCountry`. */
  defaultCredits: number;
  /** Extra credits per request when a `postal_code` is sent. */
  postalCodeCredits: number;
}

/**
 * ScrapingDog's prices as read on 2026-11-24 (volatile): an Amazon request costs 1 credit from
 * the US proxy pool and about 5 from any other geo; failed requests are not charged. Dollars per
 * credit assume the Lite plan (about $40 for 200,000 credits); set yours with
 * `createScrapingDogSource({ prices: { date, usdPerCredit } })`.
 */
export const defaultScrapingDogPrices: ScrapingDogPriceTable = Object.freeze({
  date: '2026-11-24',
  usdPerCredit: 0.0002,
  creditsByCountry: Object.freeze({ us: 1 }) as Record<string, number>,
  defaultCredits: 5,
  postalCodeCredits: 0,
});

/** Credits one successful request costs with this `country` and postal code setting. */
export function requestCredits(
  table: ScrapingDogPriceTable,
  country: string,
  withPostalCode: boolean,
): number {
  const base = table.creditsByCountry[country.toLowerCase()] ?? table.defaultCredits;
  return base + (withPostalCode ? table.postalCodeCredits : 0);
}

/** The cost of `credits` credits, rounded to 10 decimal places. */
export function creditCost(table: ScrapingDogPriceTable, credits: number): Cost {
  const usd = Math.round(credits * table.usdPerCredit * 1e10) / 1e10;
  return { usd, unit: 'credit', quantity: credits, priceDate: table.date };
}
