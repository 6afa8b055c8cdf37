import type { AlertSeverity } from '../alert.js';
import { defaultDedupeWindows } from '../alerts-defaults.js';
import { type AlertRule, listen } from './alert-rule.js';

/** Options of the `tokenExpiring` rule. */
export interface TokenExpiringRuleOptions {
  /** Alert when a token expires within this many days; default 7. */
  withinDays?: number;
  /** Default `warning` (`critical` with 1 day or less left). */
  severity?: AlertSeverity;
  /** De-duplication window; default 24 h (one reminder a day per account). */
  windowMs?: number;
}

/** Options of the `tokenInvalid` rule. */
export interface TokenInvalidRuleOptions {
  /** Default `critical`. */
  severity?: AlertSeverity;
  /** De-duplication window; default 1 h. */
  windowMs?: number;
}

/**
 * Alerts on `token:expiring` when the token (or its refresh token) has at most `withinDays`
 * left. Keyed `token-expiring|<provider>|<account>`: one reminder per account per window.
 */
export function tokenExpiringRule(options: TokenExpiringRuleOptions = {}): AlertRule {
  const withinDays = options.withinDays ?? 7;
  return {
    name: 'token-expiring',
    start({ events, raise }) {
      return listen(events, 'token:expiring', (event) => {
        if (event.daysLeft > withinDays) return;
        const days =
          event.daysLeft <= 0 ? 'today' : `in ${event.daysLeft} day${event.daysLeft === 1 ? '' : 's'}`;
        raise('token-expiring', {
          key: `token-expiring|${event.provider}|${event.account}`,
          severity: options.severity ?? (event.daysLeft <= 1 ? 'critical' : 'warning'),
          title: `Token expires ${days}: ${event.account} (${event.provider})`,
          message: `The ${event.provider} token of account ${event.account} expires ${event.expiresAt.slice(0, 10)}; publishing stops when it does.`,
          fix: `Run \`reelsmith auth refresh ${event.account}\`; if the refresh token itself expires, log in again with \`reelsmith auth login ${event.account}\` (Google apps in "Testing" mode expire refresh tokens after 7 days: publish the OAuth app to stop this).`,
          provider: event.provider,
          cause: 'token-expiring',
          details: { account: event.account, expires: event.expiresAt },
          at: event.at,
          windowMs: options.windowMs ?? defaultDedupeWindows.tokenExpiring,
        });
      });
    },
  };
}

/** Alerts on `token:invalid`: the account needs a new login. Keyed `token-invalid|<provider>|<account>`. */
export function tokenInvalidRule(options: TokenInvalidRuleOptions = {}): AlertRule {
  return {
    name: 'token-invalid',
    start({ events, raise }) {
      return listen(events, 'token:invalid', (event) => {
        raise('token-invalid', {
          key: `token-invalid|${event.provider}|${event.account}`,
          severity: options.severity ?? 'critical',
          title: `Login needed: ${event.account} (${event.provider})`,
          message: `The ${event.provider} token of account ${event.account} can no longer be refreshed: ${event.reason}`,
          fix: `Run \`reelsmith auth login ${event.account}\` on a machine with a browser, then restart the worker.`,
          provider: event.provider,
          cause: 'token-invalid',
          details: { account: event.account },
          at: event.at,
          ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
        });
      });
    },
  };
}
