import type { Cost } from '@reelsmith/core';

/** A dated Creators API price table. */
export interface CreatorsApiPriceTable {
  /** The day (YYYY-MM-DD) these prices were read. */
  date: string;
  /** US dollars per API request. */
  usdPerRequest: number;
}

/**
 * The Creators API on 2026-11-24 (volatile): free to eligible Associates, limited by rate
 * (1 request per second and 8,640 a day to start, growing with shipped revenue), not by money.
 */
export const defaultCreatorsApiPrices: CreatorsApiPriceTable = Object.freeze({
  date: '2026-11-24',
  usdPerRequest: 0,
});

/** The cost of `requests` API requests. */
export function requestCost(table: CreatorsApiPriceTable, requests: number): Cost {
  return {
    usd: Math.round(requests * table.usdPerRequest * 1e10) / 1e10,
    unit: 'request',
    quantity: requests,
    priceDate: table.date,
  };
}
