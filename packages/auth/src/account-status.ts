import type { TokenRecord } from './token-record.js';

/** An account's health, for `reelsmith auth status` and alerts. */
export interface AccountStatus {
  account: string;
  provider: TokenRecord['provider'];
  /** `ok`; `expiring` within the warning window; `expired`; `needs-login` (refresh refused). */
  state: 'ok' | 'expiring' | 'expired' | 'needs-login';
  /** When the credential that matters expires: Instagram's long-lived token, or a Google refresh token of a "Testing" app. */
  expiresAt?: string;
  daysLeft?: number;
  /** Why a login is needed, and how. */
  reason?: string;
}

const dayMs = 86_400_000;

/**
 * The status of one account. Google access tokens expire hourly and refresh by themselves, so
 * they do not count; a Google refresh token expires only for apps in "Testing" status
 * (`testingDays` after the login).
 */
export function accountStatus(
  record: TokenRecord,
  now: number,
  warnDays: number,
  testingDays: number | undefined,
): AccountStatus {
  const base = { account: record.account, provider: record.provider };
  if (record.needsLogin) return { ...base, state: 'needs-login', reason: record.needsLogin.reason };
  let expiresAt: number | undefined;
  if (record.provider === 'google') {
    if (testingDays !== undefined) expiresAt = Date.parse(record.obtainedAt) + testingDays * dayMs;
  } else if (record.expiresAt) {
    expiresAt = Date.parse(record.expiresAt);
  }
  if (expiresAt === undefined || Number.isNaN(expiresAt)) return { ...base, state: 'ok' };
  const daysLeft = Math.floor(((expiresAt - now) / dayMs) * 10) / 10;
  const state = expiresAt <= now ? 'expired' : daysLeft <= warnDays ? 'expiring' : 'ok';
  return { ...base, state, expiresAt: new Date(expiresAt).toISOString(), daysLeft };
}
