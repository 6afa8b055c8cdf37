import type { AlertSeverity } from '../alert.js';

/**
 * What happened to one alert on one channel:
 * - `sent`: delivered as built;
 * - `sent-text-only`: Slack refused the blocks (`invalid_blocks`), the text fallback went out;
 * - `sent-truncated`: Discord refused a field length (50035), a shortened message went out;
 * - `failed`: not delivered after the bounded retries (timeout, DNS, 5xx, 4xx);
 * - `dropped`: not attempted (queue full, or the service asked for a too-long wait);
 * - `disabled`: the channel is disabled (webhook removed or revoked); kept in the local log only.
 */
export type DeliveryOutcome =
  | 'sent'
  | 'sent-text-only'
  | 'sent-truncated'
  | 'failed'
  | 'dropped'
  | 'disabled';

/** One line of a channel's local log. Never holds the webhook URL or a password. */
export interface DeliveryRecord {
  /** When the delivery finished, ISO 8601. */
  at: string;
  /** The channel's id, e.g. `slack:ops`. */
  channel: string;
  rule: string;
  key: string;
  severity: AlertSeverity;
  title: string;
  outcome: DeliveryOutcome;
  /** HTTP requests (or SMTP sends) made for this alert. */
  attempts: number;
  /** Why it failed, was dropped, or how it was changed. Redacted. */
  detail?: string;
}

/** A channel's state, for `reelsmith doctor`, dashboards and tests. */
export interface ChannelStatus {
  id: string;
  /** True once the service said the webhook is gone or revoked; later alerts are only logged. */
  disabled: boolean;
  /** Why the channel was disabled, with the fix. */
  disabledReason?: string;
  sent: number;
  failed: number;
  dropped: number;
  /** Alerts waiting in the queue. */
  queued: number;
  /** The latest delivery records, oldest first. */
  recent: DeliveryRecord[];
}
