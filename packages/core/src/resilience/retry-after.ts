/**
 * Parses an HTTP `Retry-After` value, given as delay-seconds (`"120"`, `"1.5"`) or an
 * HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`), into milliseconds from `now`.
 * Returns `undefined` for a missing or unparseable value; a date in the past gives `0`.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP-date always names a day or month; bare numbers like "-5" are not dates.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Anything with a `get(name)` header lookup (a fetch `Headers`, or a plain object adapter). */
export interface HeaderLookup {
  get(name: string): string | null | undefined;
}

/**
 * Reads the delay a service asked for from response headers: `retry-after-ms` (OpenAI) first,
 * then `Retry-After` (seconds or HTTP-date). Plugins use it when building a `ProviderError`.
 */
export function retryAfterFromHeaders(
  headers: HeaderLookup | Record<string, string | undefined>,
  now: number = Date.now(),
): number | undefined {
  const get = (name: string): string | null | undefined =>
    typeof (headers as HeaderLookup).get === 'function'
      ? (headers as HeaderLookup).get(name)
      : lookupPlain(headers as Record<string, string | undefined>, name);
  const milliseconds = get('retry-after-ms');
  if (milliseconds != null && /^\d+(\.\d+)?$/.test(milliseconds.trim()))
    return Math.round(Number(milliseconds));
  return parseRetryAfter(get('retry-after'), now);
}

function lookupPlain(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
