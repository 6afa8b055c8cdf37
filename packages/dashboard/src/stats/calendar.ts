const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar day (`YYYY-MM-DD`) that `at` (epoch ms) falls in, in `timeZone`. */
export function dayKey(at: number, timeZone = 'UTC'): string {
  return formatFor(timeZone).format(new Date(at));
}

/** The calendar month (`YYYY-MM`) that `at` falls in, in `timeZone`. */
export function monthKey(at: number, timeZone = 'UTC'): string {
  return dayKey(at, timeZone).slice(0, 7);
}

/** The last `days` UTC days up to the one containing `now`, oldest first. */
export function lastDays(now: number, days: number): string[] {
  const out: string[] = [];
  for (let index = days - 1; index >= 0; index -= 1) out.push(dayKey(now - index * 86_400_000));
  return out;
}
