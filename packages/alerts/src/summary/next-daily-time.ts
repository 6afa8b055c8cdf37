/** The wall-clock parts of `at` in `timeZone`. */
function zonedParts(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The UTC instant of a wall-clock time in `timeZone` (two passes settle DST offsets). */
function zonedToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  for (let pass = 0; pass < 2; pass += 1) {
    const parts = zonedParts(guess, timeZone);
    const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    guess += wall - shown;
  }
  return guess;
}

/**
 * The next time after `now` when the clock in `timeZone` shows `at` (`HH:MM`), in ms since
 * the epoch. A time skipped by a DST change falls on the shifted instant.
 */
export function nextDailyTime(now: number, at: string, timeZone: string): number {
  const [hour = 0, minute = 0] = at.split(':').map(Number);
  const today = zonedParts(now, timeZone);
  for (let offset = 0; offset < 3; offset += 1) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const candidate = zonedToUtc(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      hour,
      minute,
      timeZone,
    );
    if (candidate > now) return candidate;
  }
  return now + 86_400_000;
}
