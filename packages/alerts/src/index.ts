// Public API of @reelsmith/alerts.

// Alerts and rules
export { type Alert, type AlertSection, type AlertSeverity, alertSeverities } from './alert.js';
export { alertsDefaults, defaultDedupeWindows } from './alerts-defaults.js';
export type { AlertRulesOptions, AlertsOptions } from './alerts-options.js';
// Channels
export type { AlertChannel, ChannelCommonOptions } from './channels/alert-channel.js';
export {
  buildDiscordPayload,
  type DiscordEmbed,
  type DiscordField,
  type DiscordLimits,
  type DiscordPayload,
} from './channels/discord-payload.js';
export { createDiscordChannel, type DiscordChannelOptions } from './channels/discord-channel.js';
export { dispatchAlert } from './channels/dispatch.js';
export { createEmailChannel, type EmailChannelOptions, type SmtpSettings } from './channels/email-channel.js';
export { createSlackChannel, type SlackChannelOptions } from './channels/slack-channel.js';
export {
  buildSlackPayload,
  type SlackBlock,
  type SlackLimits,
  type SlackPayload,
} from './channels/slack-payload.js';
export { type Alerts, createAlerts } from './create-alerts.js';
export type { AlertClock } from './delivery/clock.js';
export type { ChannelStatus, DeliveryOutcome, DeliveryRecord } from './delivery/delivery-record.js';
export type { LocalLog, LocalLogEntry } from './delivery/local-log.js';
export type { AlertRule, RaiseInput, RuleContext } from './rules/alert-rule.js';
export type { BreakerOpenRuleOptions } from './rules/breaker-open-rule.js';
export type { BudgetRuleOptions } from './rules/budget-rule.js';
export type { DiskSpaceRuleOptions, DiskStats } from './rules/disk-space-rule.js';
export { type QuotaMeter, type QuotaUsage, quotaMeters } from './rules/quota-meters.js';
export type { QuotaRuleOptions } from './rules/quota-rule.js';
export type { RunFailedRuleOptions } from './rules/run-failed-rule.js';
export type { SuccessRateRuleOptions } from './rules/success-rate-rule.js';
export type { TokenExpiringRuleOptions, TokenInvalidRuleOptions } from './rules/token-rules.js';
// Summary
export {
  type BuildSummaryOptions,
  buildSummary,
  type FailureGroup,
  type PhaseTiming,
  type RunsSummary,
} from './summary/build-summary.js';
export { formatSummary, type SummaryStyle, summaryAlert } from './summary/format-summary.js';
export { parseSince } from './summary/parse-since.js';
export {
  type DailySummaryOptions,
  scheduleDailySummary,
  sendSummary,
} from './summary/schedule-daily-summary.js';
