import type { Alert, AlertSeverity } from '../alert.js';

/** A marker per severity, for chat messages. */
export const severityIcon: Record<AlertSeverity, string> = {
  critical: '🔴',
  warning: '🟠',
  info: '🔵',
};

/** `2026-05-01T10:00:00.000Z` → `2026-05-01 10:00 UTC`. */
export function formatUtc(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
  return match ? `${match[1]} ${match[2]} UTC` : at;
}

/** The facts of an alert as `label value` pairs: run, job, provider, cause, then `details`. */
export function alertFacts(alert: Alert): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (alert.runId) facts.push(['run', alert.runId]);
  if (alert.jobId) facts.push(['job', alert.jobId]);
  if (alert.provider) facts.push(['provider', alert.provider]);
  if (alert.cause) facts.push(['cause', alert.cause]);
  for (const [name, value] of Object.entries(alert.details ?? {})) facts.push([name, value]);
  return facts;
}

/** The one-line context: severity · rule · facts · time · repeats. */
export function contextLine(alert: Alert): string {
  const parts = [alert.severity, alert.rule, ...alertFacts(alert).map(([name, value]) => `${name} ${value}`)];
  parts.push(formatUtc(alert.at));
  if (alert.repeats)
    parts.push(`seen ${alert.repeats} more time${alert.repeats === 1 ? '' : 's'} since the last alert`);
  return parts.join(' · ');
}

/** The whole alert as plain text: title, what happened, the fix, sections, context. */
export function alertPlainText(alert: Alert): string {
  const blocks = [alert.title, alert.message];
  if (alert.fix) blocks.push(`Fix: ${alert.fix}`);
  for (const section of alert.sections ?? []) blocks.push([section.title, ...section.lines].join('\n'));
  blocks.push(contextLine(alert));
  return blocks.filter((block) => block !== '').join('\n\n');
}
