import type { ReelsmithEvents } from '@reelsmith/core';
import type { AlertSeverity } from '../alert.js';
import { type AlertRule, listen } from './alert-rule.js';
import { fixForBreaker } from './fixes.js';

/** Options of the `breakerOpen` rule. */
export interface BreakerOpenRuleOptions {
  /** Default `warning` (`critical` when the reason is `auth` or `billing`). */
  severity?: AlertSeverity;
  /** De-duplication window; default the global one (1 h). */
  windowMs?: number;
  /**
   * While runs are in flight, a breaker alert waits for them (at most this long, default
   * 60 000 ms): when a run then fails with the same provider and cause, the run-failed alert
   * says it all and the breaker alert is dropped. Set 0 to alert at once.
   */
  holdMs?: number;
}

type BreakerEvent = ReelsmithEvents['breaker:open'];

/**
 * Alerts when a provider's circuit breaker opens (consecutive failures, or at once on `auth`,
 * `billing`, `quota`, `model_unavailable`): the fallback chain now skips it, so a dead provider
 * can hide behind a working fallback. Keyed `breaker-open|<provider>|<reason>`.
 *
 * @param foldIntoRunFailures - drop a held breaker alert when a run fails for the same cause
 *   (set by `createAlerts` when the run-failed rule is on).
 */
export function breakerOpenRule(options: BreakerOpenRuleOptions = {}, foldIntoRunFailures = true): AlertRule {
  const holdMs = options.holdMs ?? 60_000;
  return {
    name: 'breaker-open',
    start({ events, raise }) {
      const activeRuns = new Set<string>();
      const held = new Map<string, { event: BreakerEvent; timer: ReturnType<typeof setTimeout> }>();

      const send = (event: BreakerEvent) => {
        const reason = event.reason.split(' ')[0] ?? event.reason;
        const severe = reason === 'auth' || reason === 'billing';
        raise('breaker-open', {
          key: `breaker-open|${event.provider}|${reason}`,
          severity: options.severity ?? (severe ? 'critical' : 'warning'),
          title: `Circuit breaker open: ${event.provider} (${event.reason})`,
          message: `Calls to ${event.provider} are skipped for ${Math.round(event.cooldownMs / 60_000)} min after ${event.reason}; fallback providers take over where configured.`,
          fix: fixForBreaker(event.provider, reason),
          provider: event.provider,
          cause: reason,
          at: event.at,
          ...(options.windowMs !== undefined ? { windowMs: options.windowMs } : {}),
        });
      };
      const release = (provider: string) => {
        const entry = held.get(provider);
        if (!entry) return;
        clearTimeout(entry.timer);
        held.delete(provider);
        send(entry.event);
      };

      const stops = [
        listen(events, 'run:start', (event) => {
          activeRuns.add(event.runId);
        }),
        listen(events, 'breaker:open', (event) => {
          if (!foldIntoRunFailures || holdMs === 0 || activeRuns.size === 0) {
            send(event);
            return;
          }
          release(event.provider);
          const timer = setTimeout(() => release(event.provider), holdMs);
          timer.unref?.();
          held.set(event.provider, { event, timer });
        }),
        listen(events, 'run:end', (event) => {
          activeRuns.delete(event.runId);
          if (event.status === 'failed' && event.error?.provider) {
            const entry = held.get(event.error.provider);
            const kind = event.error.kind;
            if (entry && kind !== undefined && entry.event.reason.startsWith(kind)) {
              clearTimeout(entry.timer);
              held.delete(event.error.provider);
            }
          }
          if (activeRuns.size === 0) for (const provider of [...held.keys()]) release(provider);
        }),
      ];
      return () => {
        for (const stop of stops) stop();
        for (const provider of [...held.keys()]) release(provider);
      };
    },
  };
}
