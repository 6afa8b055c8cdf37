import type { AlertSeverity } from '../alert.js';
import { defaultDedupeWindows } from '../alerts-defaults.js';
import { type AlertRule, listen } from './alert-rule.js';
import type { QuotaMeter } from './quota-meters.js';
import { RollingSum } from './rolling-sum.js';

/** Options of the `quota` rule. */
export interface QuotaRuleOptions {
  /** The allowances to watch, e.g. `[quotaMeters.youtube(), quotaMeters.instagram()]`. */
  meters: QuotaMeter[];
  /** Fraction of a limit that raises the warning; default 0.8. At 1 the alert is `critical`. */
  threshold?: number;
  /** De-duplication window; default 6 h. */
  windowMs?: number;
  /** Default `warning` below the limit, `critical` at it. */
  severity?: AlertSeverity;
}

/** How much one event uses of `meter` (0 when it does not count). */
export function quotaAmount(meter: QuotaMeter, name: string, payload: unknown): number {
  const usage = meter.usage;
  if (usage.event !== name || typeof payload !== 'object' || payload === null) return 0;
  const event = payload as Record<string, unknown>;
  if (usage.event === 'publish:done') {
    return event.platform === usage.platform && event.reconciled !== true ? (usage.amount ?? 1) : 0;
  }
  if (!String(event.provider ?? '').startsWith(usage.provider)) return 0;
  if (usage.event === 'provider:call') {
    return usage.method === undefined || usage.method === event.method ? (usage.amount ?? 1) : 0;
  }
  if (usage.amount === 'usd') return Number(event.usd) || 0;
  if (usage.amount === 'quantity') return Number(event.quantity) || 0;
  return usage.amount ?? 1;
}

/**
 * Alerts when a quota is nearly used (≥ `threshold`, default 80 %) and again when it is used up,
 * counting usage from events over each meter's rolling window (rebuilt from the event log at
 * start). Keyed `quota|<meter>|near` and `quota|<meter>|full`.
 */
export function quotaRule(options: QuotaRuleOptions): AlertRule {
  const threshold = options.threshold ?? 0.8;
  const sums = options.meters.map((meter) => new RollingSum(meter.periodMs ?? 24 * 60 * 60_000));
  const count = (name: string, payload: unknown, at: number) => {
    for (const [index, meter] of options.meters.entries())
      sums[index]?.add(at, quotaAmount(meter, name, payload));
  };
  return {
    name: 'quota',
    seed(records) {
      for (const record of records) count(record.name, record.payload, Date.parse(record.at));
    },
    start({ events, raise, clock }) {
      const check = (name: string, payload: unknown) => {
        const now = clock.now();
        count(name, payload, now);
        options.meters.forEach((meter, index) => {
          if (quotaAmount(meter, name, payload) === 0) return;
          const used = sums[index]?.total(now) ?? 0;
          const fraction = used / meter.limit;
          if (fraction < threshold) return;
          const full = fraction >= 1;
          raise('quota', {
            key: `quota|${meter.id}|${full ? 'full' : 'near'}`,
            severity: options.severity ?? (full ? 'critical' : 'warning'),
            title: `${meter.label}: ${Math.floor(fraction * 100)} % used`,
            message: `${formatAmount(used)} of ${formatAmount(meter.limit)} ${meter.label} used in the last ${Math.round((meter.periodMs ?? 86_400_000) / 3_600_000)} h${full ? ': the allowance is used up.' : '.'}`,
            ...(meter.fix ? { fix: meter.fix } : {}),
            cause: meter.id,
            details: { used: formatAmount(used), limit: formatAmount(meter.limit) },
            windowMs: options.windowMs ?? defaultDedupeWindows.quota,
          });
        });
      };
      const stops = [
        listen(events, 'publish:done', (event) => check('publish:done', event)),
        listen(events, 'provider:call', (event) => check('provider:call', event)),
        listen(events, 'cost:add', (event) => check('cost:add', event)),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}

function formatAmount(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
}
