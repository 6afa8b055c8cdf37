import type { Price } from '../spec/product.js';

const symbol = String.raw`[$€£¥₹₩₺₽]|R\$|A\$|C\$|CHF|zł|kr`;
const code = String.raw`USD|EUR|GBP|JPY|INR|CAD|AUD|MXN|BRL|SEK|PLN|CHF|AED|SAR|TRY|SGD`;
// Not "pounds": "weighs 2 pounds" is no price; £ catches sterling.
const words = String.raw`dollars?|bucks|euros?|yen|rupees?|reais|pesos?|kronor|zloty`;
const numberWords = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)`;

const pricePattern = new RegExp(
  [
    String.raw`(?:${symbol})\s?\d[\d.,]*`,
    String.raw`\d[\d.,]*\s?(?:${symbol}|\b(?:${code})\b|\b(?:${words})\b)`,
    String.raw`\b(?:${code})\s?\d[\d.,]*`,
    String.raw`\b${numberWords}(?:[\s-]+(?:${numberWords}|and))*[\s-]+(?:${words})\b`,
  ].join('|'),
  'giu',
);

/** Price mentions in `text` (`$24.99`, `24,99 €`, `USD 25`, `twenty dollars`), in order. */
export function findPrices(text: string): string[] {
  return [...text.matchAll(pricePattern)].map((match) => match[0].trim());
}

const datedPattern = /\bas of\b/i;

/** True when every price in `text` sits in a line that also says when it was read ("as of …"). */
export function pricesAreDated(text: string): boolean {
  return text
    .split('\n')
    .filter((line) => findPrices(line).length > 0)
    .every((line) => datedPattern.test(line));
}

/**
 * A price line stamped with its read time, with the disclaimer the Associates agreement asks
 * for when prices are not refreshed hourly.
 *
 * @example
 * ```ts
 * priceLine({ amount: 24.99, currency: 'USD', readAt: '2026-11-24T09:00:00Z' });
 * // 'Price: $24.99 (as of 24 Nov 2026, 09:00 UTC). Prices and availability are accurate as of …'
 * ```
 */
export function priceLine(price: Price, locale = 'en-US'): string {
  let amount: string;
  try {
    amount = new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(
      price.amount,
    );
  } catch {
    amount = `${price.amount.toFixed(2)} ${price.currency}`;
  }
  const readAt = new Date(price.readAt);
  const when = Number.isNaN(readAt.getTime())
    ? price.readAt
    : `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(readAt)}, ${readAt.toISOString().slice(11, 16)} UTC`;
  return (
    `Price: ${amount} (as of ${when}). Prices and availability are accurate as of the date and time ` +
    'shown and may change; the price shown on the retailer at the time of purchase applies.'
  );
}
