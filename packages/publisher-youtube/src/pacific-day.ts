import { quotaTimeZone } from './youtube-defaults.js';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: quotaTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The quota day (`YYYY-MM-DD` in Pacific time) that `now` falls in. */
export function pacificDay(now: number): string {
  return dayFormat.format(new Date(now));
}

/**
 * Milliseconds from `now` to the next midnight in Pacific time, when YouTube resets the daily
 * quota. Handles the 23- and 25-hour days of daylight saving changes.
 */
export function msUntilPacificMidnight(now: number): number {
  const [year, month, day] = pacificDay(now).split('-').map(Number) as [number, number, number];
  // Midnight Pacific is 07:00 or 08:00 UTC; take the candidate that starts the next Pacific day.
  const tomorrow = Date.UTC(year, month - 1, day + 1);
  const next = pacificDay(tomorrow + 7 * 3_600_000);
  const offsetHours = pacificDay(tomorrow + 7 * 3_600_000 - 1) === next ? 8 : 7;
  const at = tomorrow + offsetHours * 3_600_000;
  // Guard the edge: the result is in (0, 25 h].
  return Math.max(1, at - now);
}
