import type { EventLog } from '@reelsmith/core';
import { formatMs, formatUsd } from './charts/svg.js';
import { dashboardDefaults, defaultQuotaLimits, type QuotaLimit } from './dashboard-defaults.js';
import type { DashboardBudget } from './dashboard-options.js';
import { DashboardState, summarizeRun } from './state/dashboard-state.js';
import type { RunSummaryView } from './state/run-view.js';
import { computeStats, type DashboardStats } from './stats/compute-stats.js';

/** Options of {@link createReport}. */
export interface ReportOptions {
  log: EventLog;
  /** Days covered; default 14. */
  days?: number;
  budget?: DashboardBudget;
  /** Quotas; default {@link defaultQuotaLimits}. */
  limits?: readonly QuotaLimit[];
  /** How many recent failed runs to list; default 10. */
  failures?: number;
  /** Extra values to redact. */
  secrets?: readonly string[];
  now?: () => number;
}

/** The dashboard's figures without a server: what `reelsmith report` prints. */
export interface Report {
  stats: DashboardStats;
  /** The most recent failed runs of the period, newest first, with their error. */
  failures: RunSummaryView[];
}

/** Reads the whole period from `log` once and computes the dashboard's figures. */
export async function createReport(options: ReportOptions): Promise<Report> {
  const now = (options.now ?? Date.now)();
  const days = options.days ?? dashboardDefaults.statsDays;
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new RangeError('days must be a whole number from 1 to 365');
  const state = new DashboardState({ maxRuns: dashboardDefaults.maxRuns, secrets: options.secrets ?? [] });
  const since = new Date(now - Math.max(days, 32) * 86_400_000).toISOString();
  for (const record of await options.log.read({ since })) state.apply(record);
  const runs = state.runs(now, dashboardDefaults.staleAfterMs);
  const stats = computeStats({
    runs,
    usage: state.usage(),
    attention: state.attention(),
    limits: options.limits ?? defaultQuotaLimits,
    budget: options.budget ?? {},
    days,
    now,
  });
  const failures = runs
    .filter((run) => run.status === 'failed' && run.startedAt.slice(0, 10) >= stats.from)
    .slice(0, options.failures ?? 10)
    .map(summarizeRun);
  return { stats, failures };
}

const pct = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);

/** Formats a {@link Report} as plain text for a terminal (no colour, no secrets). */
export function formatReport(report: Report): string {
  const { stats } = report;
  const lines = [
    `Reelsmith report ${stats.from} → ${stats.to} (${stats.days} days, UTC)`,
    '',
    `Runs: ${stats.runs.total} (${stats.runs.succeeded} succeeded, ${stats.runs.failed} failed, ${stats.runs.cancelled} cancelled, ${stats.runs.running} running${stats.runs.stale > 0 ? `, ${stats.runs.stale} stale` : ''})`,
    `Success rate: ${pct(stats.successRate)}`,
    `Cost: ${formatUsd(stats.cost.totalUsd)} total, ${stats.cost.perVideoUsd === null ? 'n/a' : formatUsd(stats.cost.perVideoUsd)} per video${stats.cost.budgetPerRunUsd !== undefined ? ` (budget ${formatUsd(stats.cost.budgetPerRunUsd)})` : ''}, ${formatUsd(stats.cost.todayUsd)} today${stats.cost.budgetPerDayUsd !== undefined ? ` (budget ${formatUsd(stats.cost.budgetPerDayUsd)}/day)` : ''}`,
  ];
  if (stats.phaseTimes.length > 0) {
    lines.push('', 'Time per phase (p50 / p95):');
    for (const row of stats.phaseTimes)
      lines.push(
        `  ${row.phase.padEnd(16)} ${formatMs(row.p50Ms).padStart(9)} / ${formatMs(row.p95Ms).padStart(9)}  (${row.count})`,
      );
  }
  if (stats.quotas.length > 0) {
    lines.push('', 'API quotas:');
    for (const quota of stats.quotas) {
      const warn = quota.fraction >= 1 ? '  OVER LIMIT' : quota.fraction >= 0.8 ? '  NEAR LIMIT' : '';
      lines.push(
        `  ${quota.label.padEnd(22)} ${quota.used} / ${quota.limit} ${quota.unit} (${pct(quota.fraction)}, ${quota.period})${warn}`,
      );
    }
  }
  if (stats.attention.length > 0) {
    lines.push('', 'Needs attention:');
    for (const item of stats.attention) lines.push(`  ${item.kind}: ${item.subject}: ${item.message}`);
  }
  if (report.failures.length > 0) {
    lines.push('', 'Recent failures:');
    for (const run of report.failures) {
      const where = run.error?.phase ? ` in ${run.error.phase}` : '';
      lines.push(`  ${run.startedAt}  ${run.runId}${where}: ${run.error?.message ?? 'failed'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
