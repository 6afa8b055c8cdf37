import { type HeaderLookup, retryAfterFromHeaders } from '@reelsmith/core';

/**
 * The wait a Meta rate-limit answer asks for, in ms:
 * 1. `X-Business-Use-Case-Usage`: the largest `estimated_time_to_regain_access` (minutes) of any entry;
 * 2. `Retry-After` (seconds or HTTP-date);
 * 3. `X-App-Usage` (or `X-Ad-Account-Usage`) with a figure at 100 %: `appUsageMs` (the header gives no time);
 * 4. otherwise `fallbackMs`.
 */
export function rateLimitWaitMs(
  headers: HeaderLookup | undefined,
  defaults: { fallbackMs: number; appUsageMs: number },
): number {
  if (!headers) return defaults.fallbackMs;
  const businessMinutes = regainMinutes(readJson(headers.get('x-business-use-case-usage')));
  if (businessMinutes !== undefined && businessMinutes > 0) return businessMinutes * 60_000;
  const retryAfter = retryAfterFromHeaders(headers);
  if (retryAfter !== undefined) return retryAfter;
  for (const name of ['x-app-usage', 'x-ad-account-usage']) {
    const usage = readJson(headers.get(name));
    if (isRecord(usage) && Object.values(usage).some((value) => typeof value === 'number' && value >= 100)) {
      return defaults.appUsageMs;
    }
  }
  return defaults.fallbackMs;
}

/** `{ "<id>": [{ "estimated_time_to_regain_access": 5, … }] }` → 5 (the largest). */
function regainMinutes(usage: unknown): number | undefined {
  if (!isRecord(usage)) return undefined;
  let largest: number | undefined;
  for (const entries of Object.values(usage)) {
    for (const entry of Array.isArray(entries) ? entries : [entries]) {
      const minutes = isRecord(entry) ? Number(entry.estimated_time_to_regain_access) : Number.NaN;
      if (Number.isFinite(minutes)) largest = Math.max(largest ?? 0, minutes);
    }
  }
  return largest;
}

function readJson(value: string | null | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
