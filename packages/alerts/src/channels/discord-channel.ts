import { parseConfig, parseRetryAfter, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import type { Alert, AlertSeverity } from '../alert.js';
import { alertsDefaults } from '../alerts-defaults.js';
import type { AlertClock } from '../delivery/clock.js';
import type { HttpAnswer } from '../delivery/post-json.js';
import { createQueuedChannel } from '../delivery/queued-channel.js';
import { deliverWebhook, type WebhookVerdict } from '../delivery/webhook-delivery.js';
import type { AlertChannel, ChannelCommonOptions } from './alert-channel.js';
import { channelHints, definedOnly, webhookFields, webhookSettings } from './channel-settings.js';
import {
  buildDiscordCompact,
  buildDiscordPayload,
  type DiscordIdentity,
  type DiscordLimits,
  truncateByFormErrors,
} from './discord-payload.js';

const limitsSchema = z.strictObject(
  Object.fromEntries(
    Object.keys(alertsDefaults.discord)
      .filter((key) => key !== 'minIntervalMs' && key !== 'maxUsername' && key !== 'maxEmbeds')
      .map((key) => [key, z.number().int().min(1).max(10_000).optional()]),
  ) as Record<keyof DiscordLimits, z.ZodOptional<z.ZodNumber>>,
);

const schema = z.strictObject({
  ...webhookFields,
  threadId: z
    .string()
    .regex(/^\d{1,25}$/, 'expected a numeric thread id')
    .optional(),
  username: z
    .string()
    .min(1)
    .max(alertsDefaults.discord.maxUsername)
    .refine((value) => !/discord|clyde/i.test(value), 'must not contain "discord" or "clyde"')
    .optional(),
  avatarUrl: z.url({ protocol: /^https$/ }).optional(),
  limits: limitsSchema.optional(),
});

/** Options of {@link createDiscordChannel}. */
export interface DiscordChannelOptions extends ChannelCommonOptions {
  /** The webhook URL (`https://discord.com/api/webhooks/{id}/{token}`). It is a secret: registered for redaction. */
  webhookUrl: string;
  /** Posts into this thread of the channel (`?thread_id=`). */
  threadId?: string;
  /** Overrides the webhook's name (1–80 characters, without "discord" or "clyde"). */
  username?: string;
  /** Overrides the webhook's avatar (https URL). */
  avatarUrl?: string;
  /** Overrides of the dated limits in `alertsDefaults.discord`. */
  limits?: Partial<DiscordLimits>;
  /** Time limit of one request in ms; default 10 000. */
  timeoutMs?: number;
  /** Retries after a timeout, network failure or 5xx; default 2. */
  retries?: number;
  /** A 429 asking for a longer wait drops the alert (logged); default 120 000 ms. */
  maxRetryAfterMs?: number;
  /** Alerts queued before the oldest is dropped; default 100. */
  maxQueue?: number;
  /** The fetch used; default the global `fetch`. */
  fetch?: typeof fetch;
  /** Clock for the rate limit and waits; inject one in tests. */
  clock?: AlertClock;
  /** Random source in [0, 1) for backoff jitter. */
  random?: () => number;
}

const disablingCodes = new Set([10015, 50027]);

/**
 * An alert channel posting to a Discord webhook: `content` plus one embed within Discord's
 * limits, mentions disabled, paced by the `X-RateLimit-*` headers (at least `minIntervalMs`
 * apart).
 *
 * Answers (API-CONTRACTS 11.2): `204` is success; `429` waits `retry_after` (fractional
 * seconds); `400` code 50035 is truncated as the error names and resent; `404` code 10015
 * (unknown webhook), `401` and `403` disable the channel (alerts are still kept in its local
 * log); timeouts, network failures and `5xx` are retried a bounded number of times.
 *
 * @example
 * ```ts
 * const discord = createDiscordChannel({ webhookUrl: process.env.DISCORD_WEBHOOK_URL!, name: 'alerts' });
 * ```
 */
export function createDiscordChannel(options: DiscordChannelOptions): AlertChannel {
  const parsed = parseConfig('createDiscordChannel', schema, options, {
    ...channelHints,
    username: 'use 1–80 characters without "discord" or "clyde", or leave it out to keep the webhook’s name',
    threadId: 'pass the numeric id of a thread in the webhook’s channel',
  });
  registerSecret(parsed.webhookUrl);
  const limits: DiscordLimits = { ...alertsDefaults.discord, ...definedOnly(parsed.limits ?? {}) };
  const identity: DiscordIdentity = { username: parsed.username, avatarUrl: parsed.avatarUrl };
  const settings = webhookSettings(parsed);
  const url = parsed.threadId
    ? withQuery(parsed.webhookUrl, 'thread_id', parsed.threadId)
    : parsed.webhookUrl;
  registerSecret(url);

  const classify =
    (alert: Alert) =>
    (answer: HttpAnswer, body: unknown): WebhookVerdict => {
      const json = parseJson(answer.body);
      const code = typeof json?.code === 'number' ? json.code : undefined;
      const said = `${answer.status}${code !== undefined ? ` code ${code}` : ''} ${String(json?.message ?? answer.body.slice(0, 200))}`;
      if (answer.status >= 200 && answer.status < 300) {
        const notBefore = nextAllowed(answer.headers, settings.clock.now());
        return notBefore === undefined ? { type: 'sent' } : { type: 'sent', notBefore };
      }
      if (answer.status === 429) {
        const seconds = typeof json?.retry_after === 'number' ? json.retry_after : undefined;
        const delayMs =
          seconds !== undefined
            ? Math.ceil(seconds * 1000)
            : (parseRetryAfter(answer.headers.get('retry-after'), settings.clock.now()) ?? 1_000);
        return {
          type: 'wait',
          delayMs,
          detail: `Discord rate limit (429${json?.global ? ', global' : ''}), waited ${delayMs} ms`,
        };
      }
      if (answer.status === 400 && code === 50035) {
        const clipped = truncateByFormErrors(body, json?.errors);
        return clipped !== undefined
          ? {
              type: 'resend',
              body: clipped,
              outcome: 'sent-truncated',
              detail: 'Discord refused a field length (50035); truncated and resent',
            }
          : {
              type: 'resend',
              body: buildDiscordCompact(alert, limits, identity),
              outcome: 'sent-truncated',
              detail: 'Discord refused the form body (50035); resent as short text',
            };
      }
      if (
        answer.status === 401 ||
        answer.status === 403 ||
        answer.status === 404 ||
        (code !== undefined && disablingCodes.has(code))
      ) {
        return {
          type: 'disable',
          reason: `Discord answered ${said}: the webhook was deleted or its token is invalid. Channel disabled; alerts are kept in the local log only. Fix: create a new webhook (Server Settings → Integrations → Webhooks → New Webhook), put its URL in the configuration and restart.`,
        };
      }
      if (answer.status >= 500) return { type: 'retry', detail: `Discord answered ${said}` };
      return { type: 'fail', detail: `Discord refused the message: ${said}` };
    };

  return createQueuedChannel({
    id: `discord:${parsed.name ?? 'discord'}`,
    minSeverity: parsed.minSeverity as AlertSeverity,
    minIntervalMs: parsed.minIntervalMs ?? alertsDefaults.discord.minIntervalMs,
    maxQueue: parsed.maxQueue,
    keepRecords: alertsDefaults.delivery.keepRecords,
    clock: settings.clock,
    onRecord: options.onRecord,
    deliver: (alert) =>
      deliverWebhook(url, buildDiscordPayload(alert, limits, identity), settings, classify(alert)),
  });
}

/** When the bucket is empty (`X-RateLimit-Remaining: 0`), the time it refills. */
function nextAllowed(headers: Headers, now: number): number | undefined {
  if (headers.get('x-ratelimit-remaining') !== '0') return undefined;
  const resetAfter = Number(headers.get('x-ratelimit-reset-after'));
  return Number.isFinite(resetAfter) && resetAfter > 0 ? now + Math.ceil(resetAfter * 1000) : undefined;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function withQuery(url: string, name: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(name, value);
  return parsed.toString();
}
