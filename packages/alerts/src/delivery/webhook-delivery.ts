import { computeRetryDelay } from '@reelsmith/core';
import type { AlertClock } from './clock.js';
import type { DeliveryOutcome } from './delivery-record.js';
import { type HttpAnswer, postJson } from './post-json.js';
import type { DeliverResult } from './queued-channel.js';

/** How a channel reads one webhook answer. */
export type WebhookVerdict =
  /** Delivered. `notBefore`: earliest next request, from rate-limit headers. */
  | { type: 'sent'; notBefore?: number }
  /** Transient (5xx): retry with backoff, bounded. */
  | { type: 'retry'; detail: string }
  /** Throttled (429): wait `delayMs`, then send the same body again. */
  | { type: 'wait'; delayMs: number; detail: string }
  /** Refused as too big or malformed in a known way: send `body` instead. */
  | { type: 'resend'; body: unknown; outcome: DeliveryOutcome; detail: string }
  /** The webhook is gone or revoked: disable the channel. */
  | { type: 'disable'; reason: string }
  /** Refused; sending it again would not help. */
  | { type: 'fail'; detail: string };

/** @internal Delivery settings of a webhook channel. */
export interface WebhookSettings {
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRateLimitWaits: number;
  maxRetryAfterMs: number;
  clock: AlertClock;
  random?: () => number;
}

/** Resends of a modified body (text-only, truncated) allowed for one alert. */
const maxResends = 2;

/**
 * @internal Sends one webhook message: retries timeouts, network failures and 5xx with
 * bounded exponential backoff, waits out 429s as told, resends a modified body when the
 * channel says so, and reports (never throws) the outcome.
 */
export async function deliverWebhook(
  url: string,
  initialBody: unknown,
  settings: WebhookSettings,
  classify: (answer: HttpAnswer, body: unknown) => WebhookVerdict,
): Promise<DeliverResult> {
  let body = initialBody;
  let attempts = 0;
  let failures = 0;
  let waits = 0;
  let resends = 0;
  let outcome: DeliveryOutcome = 'sent';
  const notes: string[] = [];
  const result = (final: DeliveryOutcome, detail?: string, extra: Partial<DeliverResult> = {}) => {
    const all = detail === undefined ? notes : [...notes, detail];
    return { outcome: final, attempts, ...(all.length > 0 ? { detail: all.join('; ') } : {}), ...extra };
  };
  for (;;) {
    attempts += 1;
    const posted = await postJson(url, body, settings.fetch, settings.timeoutMs);
    const verdict: WebhookVerdict =
      'networkError' in posted
        ? { type: 'retry', detail: posted.networkError }
        : classify(posted.answer, body);
    switch (verdict.type) {
      case 'sent':
        return result(
          outcome,
          undefined,
          verdict.notBefore !== undefined ? { notBefore: verdict.notBefore } : {},
        );
      case 'resend':
        if (resends >= maxResends)
          return result('failed', `${verdict.detail} (gave up after ${resends} resends)`);
        resends += 1;
        notes.push(verdict.detail);
        body = verdict.body;
        outcome = verdict.outcome;
        break;
      case 'wait':
        if (waits >= settings.maxRateLimitWaits || verdict.delayMs > settings.maxRetryAfterMs) {
          return result(
            'failed',
            `${verdict.detail}; gave up waiting (${waits} waits, asked ${verdict.delayMs} ms)`,
          );
        }
        waits += 1;
        await settings.clock.sleep(verdict.delayMs);
        break;
      case 'retry':
        if (failures >= settings.retries)
          return result('failed', `${verdict.detail} (after ${attempts} attempts)`);
        failures += 1;
        await settings.clock.sleep(
          computeRetryDelay(
            undefined,
            failures,
            {
              retries: settings.retries,
              baseDelayMs: settings.baseDelayMs,
              maxDelayMs: settings.maxDelayMs,
              maxRetryAfterMs: settings.maxRetryAfterMs,
            },
            settings.random,
          ),
        );
        break;
      case 'disable':
        return result('disabled', verdict.reason, { disable: verdict.reason });
      case 'fail':
        return result('failed', verdict.detail);
    }
  }
}
