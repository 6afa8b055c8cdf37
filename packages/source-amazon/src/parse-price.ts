/** An amount and its ISO 4217 currency. */
export interface ParsedPrice {
  amount: number;
  currency: string;
}

/** Currency marks, longest first, so `R$` is read before `$`. */
const currencyMarks: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'],
  ['CDN$', 'CAD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['MX$', 'MXN'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['₹', 'INR'],
  ['Rs.', 'INR'],
  ['￥', 'JPY'],
  ['¥', 'JPY'],
  ['zł', 'PLN'],
  ['₺', 'TRY'],
  ['TL', 'TRY'],
  ['د.إ', 'AED'],
  ['ر.س', 'SAR'],
  ['ج.م', 'EGP'],
  ['kr', 'SEK'],
];
const dollarCurrencies = new Set(['USD', 'CAD', 'AUD', 'MXN', 'SGD']);
const noDecimals = new Set(['JPY']);
const unavailable =
  /currently unavailable|not available|unavailable|out of stock|nicht verfügbar|non disponible|non disponibile|no disponible|在庫切れ/i;

/** True when a price text says the product cannot be bought (`Currently unavailable`, `Out of stock`, …). */
export function saysUnavailable(text: string): boolean {
  return unavailable.test(text);
}

/**
 * Reads a scraped price such as `$1,299.99`, `1.299,99 €`, `£24.99`, `₹1,299`, `R$ 1.299,90`,
 * `EUR 24,99`, `¥2,980` or `1 299,00 kr` (any thousands and decimal separators, the symbol on
 * either side, a range `$19.99 - $29.99` read as its first price). A number is taken as an
 * amount in `fallbackCurrency`. Returns `undefined` for an empty, unavailable or unreadable text.
 * A bare `$` is read as `fallbackCurrency` when that is a dollar currency, else as USD.
 */
export function parsePrice(value: unknown, fallbackCurrency: string): ParsedPrice | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? { amount: value, currency: fallbackCurrency } : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  if (text === '' || saysUnavailable(text)) return undefined;
  const first = text.split(/\s[-–]\s/)[0]!;
  const currency = readCurrency(first, fallbackCurrency);
  const digits = /\d[\d.,' ]*/.exec(first)?.[0]?.trim();
  if (!digits) return undefined;
  const amount = readAmount(digits, currency);
  return amount === undefined ? undefined : { amount, currency };
}

function readCurrency(text: string, fallback: string): string {
  for (const [mark, currency] of currencyMarks) {
    if (text.includes(mark)) return currency;
  }
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  if (code) return code;
  if (text.includes('$')) return dollarCurrencies.has(fallback) ? fallback : 'USD';
  return fallback;
}

function readAmount(digits: string, currency: string): number | undefined {
  let text = digits.replace(/[' ]/g, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both separators: the later one is the decimal separator.
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = text.split(separator);
    const tail = parts[parts.length - 1]!;
    // One separator followed by exactly three digits (or repeated) groups thousands;
    // currencies without minor units never have decimals.
    const grouping = parts.length > 2 || tail.length === 3 || noDecimals.has(currency);
    text = grouping ? parts.join('') : `${parts.slice(0, -1).join('')}.${tail}`;
  }
  text = text.replace(/\.$/, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const amount = Number(text);
  return Number.isFinite(amount) ? Math.round(amount * 100) / 100 : undefined;
}

/** Reads a count such as `12,345`, `1.234`, `12 345 ratings` or `2.5K`; `undefined` when there is none. */
export function parseCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\u00a0\u202f\u2009]/g, ' ');
  const short = /(\d+(?:[.,]\d+)?)\s*([KkMm])\b/.exec(text);
  if (short) {
    const base = Number(short[1]!.replace(',', '.'));
    return Math.round(base * (short[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000));
  }
  const digits = /\d[\d.,' ]*/.exec(text)?.[0]?.replace(/[.,' ]/g, '');
  return digits ? Number(digits) : undefined;
}

/** Reads a star rating such as `4.7`, `"4,7"` or `"4.7 out of 5 stars"`, within 0–5. */
export function parseRating(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string'
        ? Number(/\d+(?:[.,]\d+)?/.exec(value)?.[0]?.replace(',', '.'))
        : Number.NaN;
  return Number.isFinite(number) && number >= 0 && number <= 5 ? number : undefined;
}
