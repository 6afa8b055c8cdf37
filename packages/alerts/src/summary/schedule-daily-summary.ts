import { type EventLog, parseConfig, redactValue } from '@reelsmith/core';
import { z } from 'zod';
import type { AlertChannel } from '../channels/alert-channel.js';
import type { DeliveryRecord } from '../delivery/delivery-record.js';
import { buildSummary, type RunsSummary } from './build-summary.js';
import { summaryAlert } from './format-summary.js';
import { nextDailyTime } from './next-daily-time.js';

/**
 * Sends a summary to every channel given (whatever its `minSeverity`: the summary was asked
 * for). Never rejects.
 */
export async function sendSummary(
  summary: RunsSummary,
  channels: readonly AlertChannel[],
): Promise<DeliveryRecord[]> {
  const alert = redactValue(summaryAlert(summary));
  return Promise.all(channels.map((channel) => channel.send(alert)));
}

/** Options of {@link scheduleDailySummary}. */
export interface DailySummaryOptions {
  /** Local time of day, `HH:MM` (24 h); default `08:00`. */
  at?: string;
  /** IANA time zone of `at`, e.g. `Europe/Berlin`; default `UTC`. */
  timeZone?: string;
  channels: AlertChannel[];
  log: EventLog;
  /** Called after each summary went out (or was given up on). */
  onSent?: (summary: RunsSummary, records: DeliveryRecord[]) => void;
  /** Called when the summary could not be built (the event log failed to read). */
  onError?: (error: unknown) => void;
}

const schema = z.strictObject({
  at: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, 24-hour')
    .default('08:00'),
  timeZone: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone')
    .default('UTC'),
  channels: z
    .array(z.custom<AlertChannel>((value) => typeof (value as AlertChannel)?.send === 'function'))
    .min(1),
  log: z.custom<EventLog>((value) => typeof (value as EventLog)?.read === 'function', 'expected an EventLog'),
  onSent: z.custom<DailySummaryOptions['onSent']>((value) => typeof value === 'function').optional(),
  onError: z.custom<DailySummaryOptions['onError']>((value) => typeof value === 'function').optional(),
});

/**
 * Sends the summary of the previous day (since the last summary, or 24 h) every day at `at`
 * in `timeZone`, with plain timers (no cron). For long-running workers (`reelsmith worker`).
 * Returns the function that stops it.
 *
 * @example
 * ```ts
 * const stop = scheduleDailySummary({ at: '08:00', timeZone: 'Europe/Berlin', channels: [slack], log });
 * process.on('SIGTERM', stop);
 * ```
 */
export function scheduleDailySummary(options: DailySummaryOptions): () => void {
  const parsed = parseConfig('scheduleDailySummary', schema, options, {
    at: 'pass the local time as `HH:MM`, e.g. `08:00`',
    timeZone: 'pass an IANA zone such as `Europe/Berlin` or `America/New_York`',
    channels: 'pass at least one channel',
    log: 'pass the event log, e.g. `createJsonlEventLog(".reelsmith/events.jsonl")`',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let last: number | undefined;

  const fire = async () => {
    const until = Date.now();
    const since = last ?? until - 86_400_000;
    last = until;
    try {
      const summary = await buildSummary(parsed.log, {
        since: new Date(since).toISOString(),
        until: new Date(until).toISOString(),
      });
      const records = await sendSummary(summary, parsed.channels);
      options.onSent?.(summary, records);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const plan = () => {
    if (stopped) return;
    const now = Date.now();
    timer = setTimeout(
      () => {
        void fire().finally(plan);
      },
      nextDailyTime(now, parsed.at, parsed.timeZone) - now,
    );
    timer.unref?.();
  };
  plan();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
