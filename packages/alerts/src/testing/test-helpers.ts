// Test helpers (not exported from the package).
import type { Alert } from '../alert.js';
import type { AlertChannel } from '../channels/alert-channel.js';
import type { AlertClock } from '../delivery/clock.js';
import type { DeliveryRecord } from '../delivery/delivery-record.js';

/** Obviously fake webhook URLs. */
export const slackUrl = 'https://hooks.slack.com/services/T000/B000/XXXXtest';
export const discordUrl = 'https://discord.com/api/webhooks/000000000000/fake-token-XXXXtest';

/** A clock whose `sleep` returns at once and moves time forward; `sleeps` records each wait. */
export function createFakeClock(start = Date.parse('2026-11-24T08:00:00Z')): AlertClock & {
  sleeps: number[];
  advance(ms: number): void;
} {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A sample alert. */
export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    rule: 'run-failed',
    key: 'run-failed|fake:voice|auth',
    severity: 'critical',
    title: 'Run failed: job-42 (fake:voice auth)',
    message: 'Run run-1 in phase voice failed after all retries and fallbacks: [fake:voice] key revoked.',
    fix: 'Check the API key of fake:voice.',
    runId: 'run-1',
    jobId: 'job-42',
    provider: 'fake:voice',
    cause: 'auth',
    at: '2026-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A channel that records what it gets, for rule tests. */
export function createRecordingChannel(
  id = 'memory:test',
  minSeverity: Alert['severity'] = 'info',
): AlertChannel & { alerts: Alert[] } {
  const alerts: Alert[] = [];
  return {
    id,
    minSeverity,
    alerts,
    async send(alert) {
      alerts.push(alert);
      const record: DeliveryRecord = {
        at: alert.at,
        channel: id,
        rule: alert.rule,
        key: alert.key,
        severity: alert.severity,
        title: alert.title,
        outcome: 'sent',
        attempts: 1,
      };
      return record;
    },
    drain: async () => undefined,
    status: () => ({
      id,
      disabled: false,
      sent: alerts.length,
      failed: 0,
      dropped: 0,
      queued: 0,
      recent: [],
    }),
    close: async () => undefined,
  };
}
