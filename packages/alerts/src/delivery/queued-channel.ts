import { redactText, redactValue } from '@reelsmith/core';
import type { Alert, AlertSeverity } from '../alert.js';
import type { AlertChannel } from '../channels/alert-channel.js';
import type { AlertClock } from './clock.js';
import type { ChannelStatus, DeliveryOutcome, DeliveryRecord } from './delivery-record.js';

/** What a channel's `deliver` reports for one alert. */
export interface DeliverResult {
  outcome: DeliveryOutcome;
  attempts: number;
  detail?: string;
  /** Set when the service said the destination is gone or revoked: the reason, with the fix. */
  disable?: string;
  /** Earliest time (ms since epoch) of the next request, from rate-limit headers. */
  notBefore?: number;
}

/** @internal Options of {@link createQueuedChannel}. */
export interface QueuedChannelOptions {
  id: string;
  minSeverity: AlertSeverity;
  minIntervalMs: number;
  maxQueue: number;
  keepRecords: number;
  clock: AlertClock;
  onRecord?: ((record: DeliveryRecord) => void) | undefined;
  /** Sends one alert; may throw (recorded as `failed`). */
  deliver(alert: Alert): Promise<DeliverResult>;
  /** Releases resources after the queue drained. */
  release?: () => Promise<void>;
}

interface Pending {
  alert: Alert;
  resolve(record: DeliveryRecord): void;
}

/**
 * @internal The queue every built-in channel shares: one message at a time, at least
 * `minIntervalMs` apart (later when the service's rate-limit headers say so), the oldest
 * dropped when full, and a local log of every outcome. Once disabled, alerts are only logged.
 */
export function createQueuedChannel(options: QueuedChannelOptions): AlertChannel {
  const { clock } = options;
  const queue: Pending[] = [];
  const recent: DeliveryRecord[] = [];
  const counts = { sent: 0, failed: 0, dropped: 0 };
  let running: Promise<void> | undefined;
  let nextAt = 0;
  let disabledReason: string | undefined;

  const record = (alert: Alert, result: DeliverResult): DeliveryRecord => {
    const entry: DeliveryRecord = {
      at: new Date(clock.now()).toISOString(),
      channel: options.id,
      rule: alert.rule,
      key: alert.key,
      severity: alert.severity,
      title: alert.title,
      outcome: result.outcome,
      attempts: result.attempts,
    };
    if (result.detail !== undefined) entry.detail = redactText(result.detail);
    if (result.outcome.startsWith('sent')) counts.sent += 1;
    else if (result.outcome === 'failed') counts.failed += 1;
    else counts.dropped += 1;
    recent.push(entry);
    if (recent.length > options.keepRecords) recent.splice(0, recent.length - options.keepRecords);
    try {
      options.onRecord?.(entry);
    } catch {
      // The local log must not break delivery.
    }
    return entry;
  };

  const deliverOne = async (alert: Alert): Promise<DeliverResult> => {
    if (disabledReason !== undefined) return { outcome: 'disabled', attempts: 0, detail: disabledReason };
    try {
      return await options.deliver(alert);
    } catch (error) {
      return {
        outcome: 'failed',
        attempts: 1,
        detail: error instanceof Error ? error.message : String(error),
      };
    }
  };

  const pump = async (): Promise<void> => {
    while (queue.length > 0) {
      const wait = nextAt - clock.now();
      if (wait > 0 && disabledReason === undefined) await clock.sleep(wait);
      const item = queue.shift();
      if (!item) break;
      const result = await deliverOne(item.alert);
      if (result.disable !== undefined) disabledReason ??= result.disable;
      if (result.attempts > 0) nextAt = Math.max(clock.now() + options.minIntervalMs, result.notBefore ?? 0);
      item.resolve(record(item.alert, result));
    }
  };

  const kick = (): void => {
    if (running) return;
    running = pump().finally(() => {
      running = undefined;
      if (queue.length > 0) kick();
    });
  };

  const drain = async (): Promise<void> => {
    while (running) await running;
  };

  return {
    id: options.id,
    minSeverity: options.minSeverity,
    send(unsafe) {
      // Redacted here too: a channel used directly (not through createAlerts) must not leak either.
      const alert = redactValue(unsafe);
      if (disabledReason !== undefined) {
        return Promise.resolve(record(alert, { outcome: 'disabled', attempts: 0, detail: disabledReason }));
      }
      return new Promise<DeliveryRecord>((resolve) => {
        if (queue.length >= options.maxQueue) {
          const oldest = queue.shift();
          oldest?.resolve(
            record(oldest.alert, {
              outcome: 'dropped',
              attempts: 0,
              detail: `queue full (${options.maxQueue} alerts waiting): the oldest was dropped`,
            }),
          );
        }
        queue.push({ alert, resolve });
        kick();
      });
    },
    drain,
    status(): ChannelStatus {
      const status: ChannelStatus = {
        id: options.id,
        disabled: disabledReason !== undefined,
        ...counts,
        queued: queue.length,
        recent: [...recent],
      };
      if (disabledReason !== undefined) status.disabledReason = disabledReason;
      return status;
    },
    async close() {
      await drain();
      await options.release?.();
    },
  };
}
