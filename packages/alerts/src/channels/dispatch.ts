import { redactValue } from '@reelsmith/core';
import { type Alert, atLeast } from '../alert.js';
import type { DeliveryRecord } from '../delivery/delivery-record.js';
import type { AlertChannel } from './alert-channel.js';

/**
 * Sends `alert` (redacted once more) to every channel whose `minSeverity` it reaches, in
 * parallel. Never rejects: each record says what happened on its channel.
 */
export async function dispatchAlert(
  alert: Alert,
  channels: readonly AlertChannel[],
): Promise<DeliveryRecord[]> {
  const safe = redactValue(alert);
  const targets = channels.filter((channel) => atLeast(safe.severity, channel.minSeverity));
  return Promise.all(targets.map((channel) => channel.send(safe)));
}
