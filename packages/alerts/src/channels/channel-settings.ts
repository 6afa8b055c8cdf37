import { z } from 'zod';
import { alertSeverities } from '../alert.js';
import { alertsDefaults } from '../alerts-defaults.js';
import { type AlertClock, systemClock } from '../delivery/clock.js';
import type { WebhookSettings } from '../delivery/webhook-delivery.js';

const { delivery } = alertsDefaults;

/** @internal zod fields every channel accepts. */
export const commonChannelFields = {
  name: z
    .string()
    .regex(/^[\w.-]{1,40}$/, 'expected 1–40 letters, digits, `_`, `-` or `.`')
    .optional(),
  minSeverity: z.enum(alertSeverities as [string, ...string[]]).default('info'),
  minIntervalMs: z.number().int().min(0).max(600_000).optional(),
  onRecord: z
    .custom<(record: never) => void>((value) => typeof value === 'function', 'expected a function')
    .optional(),
  clock: z
    .custom<AlertClock>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as AlertClock).now === 'function' &&
        typeof (value as AlertClock).sleep === 'function',
      'expected `{ now(), sleep(ms) }`',
    )
    .optional(),
  maxQueue: z.number().int().min(1).max(10_000).default(delivery.maxQueue),
};

/** @internal zod fields of the webhook channels. */
export const webhookFields = {
  ...commonChannelFields,
  webhookUrl: z.url({ protocol: /^https?$/ }),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
  timeoutMs: z.number().int().min(1).max(120_000).default(delivery.timeoutMs),
  retries: z.number().int().min(0).max(10).default(delivery.retries),
  maxRetryAfterMs: z.number().int().min(0).max(3_600_000).default(delivery.maxRetryAfterMs),
  random: z.custom<() => number>((value) => typeof value === 'function', 'expected a function').optional(),
};

/** @internal Fixes shown in `ConfigError` messages, by field. */
export const channelHints: Record<string, string> = {
  webhookUrl:
    'pass the incoming-webhook URL exactly as the service showed it (https://…); keep it out of git',
  name: 'use a short label such as `ops` (it appears in logs instead of the URL)',
  minSeverity: 'use `info`, `warning` or `critical`',
  minIntervalMs: 'pass milliseconds between messages, e.g. 1000 for Slack',
  timeoutMs: 'pass milliseconds from 1 to 120000 (default 10000)',
  retries: 'pass 0 to 10 (default 2)',
};

/** @internal The webhook delivery settings from parsed options. */
export function webhookSettings(parsed: {
  fetch?: typeof fetch | undefined;
  timeoutMs: number;
  retries: number;
  maxRetryAfterMs: number;
  clock?: AlertClock | undefined;
  random?: (() => number) | undefined;
}): WebhookSettings {
  return {
    // Looked up at each request, so a test server installed later still sees it.
    fetch: parsed.fetch ?? ((input, init) => fetch(input, init)),
    timeoutMs: parsed.timeoutMs,
    retries: parsed.retries,
    baseDelayMs: delivery.baseDelayMs,
    maxDelayMs: delivery.maxDelayMs,
    maxRateLimitWaits: delivery.maxRateLimitWaits,
    maxRetryAfterMs: parsed.maxRetryAfterMs,
    clock: parsed.clock ?? systemClock,
    ...(parsed.random ? { random: parsed.random } : {}),
  };
}

/** @internal `value` without its undefined entries (to merge limit overrides over defaults). */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
