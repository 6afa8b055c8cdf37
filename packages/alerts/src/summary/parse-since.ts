import { ConfigError } from '@reelsmith/core';

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * Turns `--since` values into an ISO time: a duration back from `now` (`30m`, `24h`, `7d`,
 * `2w`) or an ISO date/time (`2026-11-23`, `2026-11-23T08:00:00Z`). Throws a `ConfigError`
 * naming `since` otherwise.
 *
 * @example
 * ```ts
 * parseSince('24h', Date.parse('2026-11-24T08:00:00Z')); // '2026-11-23T08:00:00.000Z'
 * ```
 */
export function parseSince(value: string, now: number = Date.now()): string {
  const trimmed = value.trim();
  const relative = /^(\d+(?:\.\d+)?)\s*([mhdw])$/i.exec(trimmed);
  if (relative) {
    const amount = Number(relative[1]);
    const unit = units[(relative[2] ?? 'h').toLowerCase()] ?? units.h!;
    return new Date(now - amount * unit).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const at = Date.parse(trimmed);
    if (!Number.isNaN(at)) return new Date(at).toISOString();
  }
  throw new ConfigError('parseSince', [
    {
      field: 'since',
      problem: `cannot read ${JSON.stringify(value)} as a time`,
      fix: 'pass a duration such as `24h`, `7d` or `30m`, or an ISO date such as `2026-11-23`',
    },
  ]);
}
