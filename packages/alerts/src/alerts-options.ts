import type { EventBus, EventLog } from '@reelsmith/core';
import { z } from 'zod';
import { alertSeverities } from './alert.js';
import type { AlertChannel } from './channels/alert-channel.js';
import type { AlertClock } from './delivery/clock.js';
import type { LocalLog } from './delivery/local-log.js';
import type { AlertRule } from './rules/alert-rule.js';
import type { BreakerOpenRuleOptions } from './rules/breaker-open-rule.js';
import type { BudgetRuleOptions } from './rules/budget-rule.js';
import type { DiskSpaceRuleOptions } from './rules/disk-space-rule.js';
import type { QuotaRuleOptions } from './rules/quota-rule.js';
import type { RunFailedRuleOptions } from './rules/run-failed-rule.js';
import type { SuccessRateRuleOptions } from './rules/success-rate-rule.js';
import type { TokenExpiringRuleOptions, TokenInvalidRuleOptions } from './rules/token-rules.js';

/**
 * Which rules run, and their options. `false` turns a rule off, `true` or `{}` uses its
 * defaults. On by default: `runFailed`, `breakerOpen`, `tokenExpiring`, `tokenInvalid`,
 * `successRate`. Off until configured: `budget` (needs `perRunUsd` or `dailyUsd`), `quota`
 * (needs `meters`), `diskSpace` (needs `path`).
 */
export interface AlertRulesOptions {
  runFailed?: boolean | RunFailedRuleOptions;
  breakerOpen?: boolean | BreakerOpenRuleOptions;
  budget?: false | BudgetRuleOptions;
  tokenExpiring?: boolean | TokenExpiringRuleOptions;
  tokenInvalid?: boolean | TokenInvalidRuleOptions;
  quota?: false | QuotaRuleOptions;
  diskSpace?: false | DiskSpaceRuleOptions;
  successRate?: boolean | SuccessRateRuleOptions;
  /** Your own rules. */
  custom?: AlertRule[];
}

/** Options of {@link createAlerts}. */
export interface AlertsOptions {
  /** The bus to watch (the pipeline's `events`). */
  events: EventBus;
  /** The durable event log: history for the success-rate, budget and quota rules after a restart. */
  log?: EventLog;
  /** Where alerts go. An empty list still keeps the local log. */
  channels: AlertChannel[];
  rules?: AlertRulesOptions;
  /** Default de-duplication window in ms (one alert per cause per window); default 3 600 000 (1 h). */
  dedupeWindowMs?: number;
  /** The local log: a JSONL file path (mode 0600) or a function receiving each entry, redacted. */
  localLog?: LocalLog;
  /** How far back the event log is read at start, in ms; default 7 days. */
  historyMs?: number;
  /** Clock for de-duplication and rolling windows; inject one in tests. */
  clock?: AlertClock;
}

const fn = (what: string) => z.custom((value) => typeof value === 'function', `expected ${what}`);
const severity = z.enum(alertSeverities as [string, ...string[]]).optional();
const windowMs = z.number().int().min(0).optional();
const toggle = <S extends z.ZodRawShape>(shape: S) =>
  z.union([z.boolean(), z.strictObject({ severity, windowMs, ...shape })]).optional();

const meterSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  limit: z.number().positive(),
  periodMs: z.number().int().positive().optional(),
  fix: z.string().optional(),
  usage: z.union([
    z.strictObject({
      event: z.literal('publish:done'),
      platform: z.string().min(1),
      amount: z.number().positive().optional(),
    }),
    z.strictObject({
      event: z.literal('provider:call'),
      provider: z.string().min(1),
      method: z.string().optional(),
      amount: z.number().positive().optional(),
    }),
    z.strictObject({
      event: z.literal('cost:add'),
      provider: z.string().min(1),
      amount: z.union([z.number().positive(), z.literal('usd'), z.literal('quantity')]).optional(),
    }),
  ]),
});

/** @internal The zod schema of {@link AlertsOptions}. */
export const alertsOptionsSchema = z.strictObject({
  events: z.custom<EventBus>(
    (value) => typeof value === 'object' && value !== null && typeof (value as EventBus).on === 'function',
    'expected an event bus (createEventBus() or pipeline.events)',
  ),
  log: z
    .custom<EventLog>(
      (value) =>
        typeof value === 'object' && value !== null && typeof (value as EventLog).read === 'function',
      'expected an EventLog (createJsonlEventLog(file))',
    )
    .optional(),
  channels: z.array(
    z.custom<AlertChannel>(
      (value) =>
        typeof value === 'object' && value !== null && typeof (value as AlertChannel).send === 'function',
      'expected an alert channel (createSlackChannel, createDiscordChannel, createEmailChannel)',
    ),
  ),
  rules: z
    .strictObject({
      runFailed: toggle({}),
      breakerOpen: toggle({ holdMs: z.number().int().min(0).max(3_600_000).optional() }),
      budget: z
        .union([
          z.literal(false),
          z.strictObject({
            severity,
            windowMs,
            perRunUsd: z.number().positive().optional(),
            dailyUsd: z.number().positive().optional(),
          }),
        ])
        .optional(),
      tokenExpiring: toggle({ withinDays: z.number().min(0).max(365).optional() }),
      tokenInvalid: toggle({}),
      quota: z
        .union([
          z.literal(false),
          z.strictObject({
            severity,
            windowMs,
            meters: z.array(meterSchema),
            threshold: z.number().gt(0).max(1).optional(),
          }),
        ])
        .optional(),
      diskSpace: z
        .union([
          z.literal(false),
          z.strictObject({
            severity,
            windowMs,
            path: z.string().min(1),
            minFreeBytes: z.number().int().min(0).optional(),
            minFreeFraction: z.number().min(0).max(1).optional(),
            intervalMs: z.number().int().min(1_000).optional(),
            statfs: fn('a statfs function').optional(),
          }),
        ])
        .optional(),
      successRate: toggle({
        runs: z.number().int().min(1).max(10_000).optional(),
        minRate: z.number().min(0).max(1).optional(),
        minRuns: z.number().int().min(1).optional(),
      }),
      custom: z
        .array(
          z.custom<AlertRule>(
            (value) =>
              typeof value === 'object' && value !== null && typeof (value as AlertRule).start === 'function',
            'expected an AlertRule ({ name, start })',
          ),
        )
        .optional(),
    })
    .optional(),
  dedupeWindowMs: z.number().int().min(0).default(3_600_000),
  localLog: z.union([z.string().min(1), fn('a function')]).optional(),
  historyMs: z
    .number()
    .int()
    .min(0)
    .default(7 * 86_400_000),
  clock: z
    .custom<AlertClock>(
      (value) =>
        typeof value === 'object' && value !== null && typeof (value as AlertClock).now === 'function',
      'expected `{ now(), sleep(ms) }`',
    )
    .optional(),
});

/** @internal Fixes shown in `ConfigError` messages, by field. */
export const alertsHints: Record<string, string> = {
  events: 'pass the pipeline’s `events` (or a bus from `createEventBus()`)',
  channels:
    'pass a list of channels, e.g. `[createSlackChannel({ webhookUrl })]` (an empty list keeps only the local log)',
  'rules.budget.perRunUsd': 'pass the same positive USD amount as the pipeline’s `budget.perRunUsd`',
  'rules.budget.dailyUsd': 'pass a positive USD amount per rolling 24 h',
  'rules.diskSpace.path': 'pass the media store folder, e.g. `.reelsmith/media`',
  'rules.quota.meters': 'pass meters such as `[quotaMeters.youtube(), quotaMeters.instagram()]`',
  'rules.quota.threshold': 'pass a fraction between 0 and 1, e.g. 0.8',
  'rules.successRate.minRate': 'pass a fraction between 0 and 1, e.g. 0.8',
  dedupeWindowMs: 'pass milliseconds, e.g. 3600000 for one alert per cause per hour',
  localLog: 'pass a file path such as `.reelsmith/alerts.jsonl`, or a function',
};
