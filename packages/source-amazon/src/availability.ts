import type { Product } from '@reelsmith/core';

const inStock =
  /in stock|only \d+ left|available to ship|usually ships|auf lager|en stock|disponibile|disponible|in magazzino|在庫あり|instock|in_stock/i;
const outOfStock =
  /currently unavailable|unavailable|out of stock|not available|nicht verfügbar|indisponible|non disponibile|no disponible|在庫切れ|out_of_stock|outofstock/i;

/** Reads an availability text (`In Stock`, `Currently unavailable.`, `Only 3 left in stock`, `IN_STOCK`). */
export function readAvailability(text: unknown): NonNullable<Product['availability']> {
  if (typeof text !== 'string' || text.trim() === '') return 'unknown';
  if (outOfStock.test(text)) return 'unavailable';
  if (inStock.test(text)) return 'in_stock';
  return 'unknown';
}
