import type { Alert, AlertSeverity } from '../alert.js';
import type { ChannelStatus, DeliveryRecord } from '../delivery/delivery-record.js';

/**
 * Where alerts go: a Slack or Discord webhook, an email address, or your own implementation.
 * `send` queues the alert behind the channel's rate limit and never rejects: a failure ends
 * as a `failed`, `dropped` or `disabled` record in the channel's local log, so alerting can
 * never crash a job.
 */
export interface AlertChannel {
  /** A name safe to show and log, e.g. `slack:ops` (never the webhook URL). */
  readonly id: string;
  /** Alerts below this severity are not sent here. */
  readonly minSeverity: AlertSeverity;
  /** Queues `alert`; resolves with the delivery record once it was sent or given up on. */
  send(alert: Alert): Promise<DeliveryRecord>;
  /** Resolves when the queue is empty. */
  drain(): Promise<void>;
  status(): ChannelStatus;
  /** Drains, then releases connections (SMTP). */
  close(): Promise<void>;
}

/** Options every built-in channel takes. */
export interface ChannelCommonOptions {
  /** Shown in logs and status instead of the URL; default the channel type (`slack`, `discord`, `email`). */
  name?: string;
  /** Least severity sent to this channel; default `info` (everything). */
  minSeverity?: AlertSeverity;
  /** Least time between two messages, in ms (the rate limit). Defaults in `alertsDefaults`. */
  minIntervalMs?: number;
  /** Called with every delivery record (the local log), e.g. to append it to a file. */
  onRecord?: (record: DeliveryRecord) => void;
}
