import type { QuotaLimit } from '../dashboard-defaults.js';
import type { UsageEntry } from '../state/dashboard-state.js';
import { dayKey, monthKey } from './calendar.js';

/** Usage of one quota in its current window. */
export interface QuotaUsage {
  label: string;
  match: string;
  unit: string;
  used: number;
  limit: number;
  /** `used / limit`, 0–∞ (above 1 means over the limit). */
  fraction: number;
  window: QuotaLimit['window'];
  /** The window counted, e.g. `2026-11-24 (America/Los_Angeles)` or `last 24 h`. */
  period: string;
  /** When the figure was read, from the limit's `date`. */
  limitDate: string;
  source?: string;
}

/** True when `provider` is `match` or starts with `match:`. */
export function matchesProvider(provider: string, match: string): boolean {
  return provider === match || provider.startsWith(`${match}:`);
}

/** Counts usage of each quota in its current window at `now`. */
export function quotaUsage(
  limits: readonly QuotaLimit[],
  usage: readonly UsageEntry[],
  now: number,
): QuotaUsage[] {
  return limits.map((limit) => {
    const zone = limit.timeZone ?? 'UTC';
    let inWindow: (at: number) => boolean;
    let period: string;
    if (limit.window === 'rolling-24h') {
      inWindow = (at) => at > now - 86_400_000 && at <= now;
      period = 'last 24 h';
    } else if (limit.window === 'day') {
      const today = dayKey(now, zone);
      inWindow = (at) => at <= now && at > now - 2 * 86_400_000 && dayKey(at, zone) === today;
      period = `${today} (${zone})`;
    } else {
      const month = monthKey(now, zone);
      inWindow = (at) => at <= now && at > now - 32 * 86_400_000 && monthKey(at, zone) === month;
      period = `${month} (${zone})`;
    }
    let used = 0;
    const counter = limit.counter;
    for (const entry of usage) {
      if (!inWindow(entry.at)) continue;
      if (counter.from === 'publishes') {
        if (entry.kind === 'publish' && entry.key === limit.match) used += 1;
      } else if (counter.from === 'calls') {
        if (entry.kind !== 'call' || !matchesProvider(entry.key, limit.match)) continue;
        const perMethod = entry.method !== undefined ? counter.unitsPerCall?.[entry.method] : undefined;
        used += perMethod ?? counter.defaultUnitsPerCall ?? 1;
      } else if (entry.kind === 'cost' && matchesProvider(entry.key, limit.match)) {
        used +=
          entry.quantity !== undefined && counter.unit !== undefined && entry.unit === counter.unit
            ? entry.quantity
            : (entry.usd ?? 0) / counter.usdPerUnit;
      }
    }
    used = Math.round(used * 100) / 100;
    return {
      label: limit.label,
      match: limit.match,
      unit: limit.unit,
      used,
      limit: limit.limit,
      fraction: used / limit.limit,
      window: limit.window,
      period,
      limitDate: limit.date,
      ...(limit.source !== undefined ? { source: limit.source } : {}),
    };
  });
}
