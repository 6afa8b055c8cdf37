import { parseConfig, parseRetryAfter, registerSecret } from '@reelsmith/core';
import { z } from 'zod';
import type { AlertSeverity } from '../alert.js';
import { alertsDefaults } from '../alerts-defaults.js';
import type { AlertClock } from '../delivery/clock.js';
import type { HttpAnswer } from '../delivery/post-json.js';
import { createQueuedChannel } from '../delivery/queued-channel.js';
import { deliverWebhook, type WebhookVerdict } from '../delivery/webhook-delivery.js';
import type { AlertChannel, ChannelCommonOptions } from './alert-channel.js';
import { channelHints, definedOnly, webhookFields, webhookSettings } from './channel-settings.js';
import { buildSlackPayload, buildSlackTextOnly, type SlackLimits } from './slack-payload.js';

const schema = z.strictObject({
  ...webhookFields,
  limits: z
    .strictObject({
      maxBlocks: z.number().int().min(2).max(50).optional(),
      maxSectionText: z.number().int().min(100).max(3_000).optional(),
      maxText: z.number().int().min(100).max(40_000).optional(),
    })
    .optional(),
});

/** Options of {@link createSlackChannel}. */
export interface SlackChannelOptions extends ChannelCommonOptions {
  /** The incoming-webhook URL (`https://hooks.slack.com/services/…`). It is a secret: registered for redaction. */
  webhookUrl: string;
  /** Overrides of the dated limits in `alertsDefaults.slack`. */
  limits?: Partial<SlackLimits>;
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

const textOnlyErrors = new Set(['invalid_blocks', 'invalid_blocks_format']);

/**
 * An alert channel posting to a Slack incoming webhook: `text` plus Block Kit `blocks` within
 * Slack's limits, one message per second at most (a queue drains at `minIntervalMs`).
 *
 * Answers (API-CONTRACTS 11.1): `200 ok` (plain text) is success; `400 invalid_blocks` is resent
 * as text only; `403`/`404`/`410` disable the channel (alerts are still kept in its local log);
 * `429` waits `Retry-After`; timeouts, network failures and `5xx` are retried a bounded number of
 * times, then given up on. Sending never throws.
 *
 * @example
 * ```ts
 * const slack = createSlackChannel({ webhookUrl: process.env.SLACK_WEBHOOK_URL!, name: 'ops' });
 * ```
 */
export function createSlackChannel(options: SlackChannelOptions): AlertChannel {
  const parsed = parseConfig('createSlackChannel', schema, options, channelHints);
  registerSecret(parsed.webhookUrl);
  const limits: SlackLimits = { ...alertsDefaults.slack, ...definedOnly(parsed.limits ?? {}) };
  const settings = webhookSettings(parsed);
  const id = `slack:${parsed.name ?? 'slack'}`;

  const classify =
    (alert: Parameters<typeof buildSlackTextOnly>[0]) =>
    (answer: HttpAnswer, body: unknown): WebhookVerdict => {
      const text = answer.body.trim().slice(0, 200);
      if (answer.status >= 200 && answer.status < 300) return { type: 'sent' };
      if (
        answer.status === 400 &&
        textOnlyErrors.has(text) &&
        (body as { blocks?: unknown }).blocks !== undefined
      ) {
        return {
          type: 'resend',
          body: buildSlackTextOnly(alert, limits),
          outcome: 'sent-text-only',
          detail: `Slack refused the blocks (${text}); sent as text only`,
        };
      }
      if (answer.status === 401 || answer.status === 403 || answer.status === 404 || answer.status === 410) {
        return { type: 'disable', reason: disableReason(answer.status, text) };
      }
      if (answer.status === 429) {
        const delayMs = parseRetryAfter(answer.headers.get('retry-after'), settings.clock.now()) ?? 1_000;
        return { type: 'wait', delayMs, detail: `Slack rate limit (429), waited ${delayMs} ms` };
      }
      if (answer.status >= 500) return { type: 'retry', detail: `Slack answered ${answer.status} ${text}` };
      return { type: 'fail', detail: `Slack refused the message: ${answer.status} ${text}` };
    };

  return createQueuedChannel({
    id,
    minSeverity: parsed.minSeverity as AlertSeverity,
    minIntervalMs: parsed.minIntervalMs ?? alertsDefaults.slack.minIntervalMs,
    maxQueue: parsed.maxQueue,
    keepRecords: alertsDefaults.delivery.keepRecords,
    clock: settings.clock,
    onRecord: options.onRecord,
    deliver: (alert) =>
      deliverWebhook(parsed.webhookUrl, buildSlackPayload(alert, limits), settings, classify(alert)),
  });
}

function disableReason(status: number, body: string): string {
  const why =
    status === 410
      ? 'the channel is archived'
      : status === 403
        ? 'posting is not allowed (an admin restriction or a revoked token)'
        : 'the webhook was removed or disabled';
  return `Slack answered ${status} ${body}: ${why}. Channel disabled; alerts are kept in the local log only. Fix: create a new incoming webhook (api.slack.com/apps → your app → Incoming Webhooks), put its URL in the configuration and restart.`;
}
