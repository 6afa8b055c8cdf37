/** How urgent an alert is. `critical`: work stopped; `warning`: will stop soon; `info`: reports. */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** Severities from least to most urgent. */
export const alertSeverities: readonly AlertSeverity[] = ['info', 'warning', 'critical'];

/** True when `severity` is at least `minimum`. */
export function atLeast(severity: AlertSeverity, minimum: AlertSeverity): boolean {
  return alertSeverities.indexOf(severity) >= alertSeverities.indexOf(minimum);
}

/** A titled block of lines (the daily summary's sections). Channels render it in their dialect. */
export interface AlertSection {
  title: string;
  lines: string[];
}

/**
 * One notification, as every channel receives it. Built by the rules (or by you, for
 * `alerts.notify()`); redacted again before any channel sees it.
 */
export interface Alert {
  /** The rule that raised it, e.g. `run-failed`, `breaker-open`, `daily-summary`. */
  rule: string;
  /** De-duplication key: rule + provider + error kind/code (one alert per key per window). */
  key: string;
  severity: AlertSeverity;
  /** One line, e.g. `Run failed: job-1 (fake:voice auth)`. */
  title: string;
  /** What happened, in plain sentences. */
  message: string;
  /** How to fix it, when known. */
  fix?: string;
  runId?: string;
  jobId?: string;
  provider?: string;
  /** The cause: a `ProviderError` kind, a vendor code or an error name. */
  cause?: string;
  /** When it happened, ISO 8601. */
  at: string;
  /** Extra facts shown as fields (Discord) or a context line (Slack). */
  details?: Record<string, string>;
  /** Longer structured content (the daily summary). */
  sections?: AlertSection[];
  /** Occurrences of the same key suppressed since the previous delivery. */
  repeats?: number;
}
