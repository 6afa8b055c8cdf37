import { standardPhaseNames } from '@reelsmith/core';
import type { QuotaLimit } from '../dashboard-defaults.js';
import type { DashboardBudget } from '../dashboard-options.js';
import type { AttentionItem, UsageEntry } from '../state/dashboard-state.js';
import type { RunView } from '../state/run-view.js';
import { dayKey, lastDays } from './calendar.js';
import { percentile } from './percentile.js';
import { type QuotaUsage, quotaUsage } from './quota-usage.js';

/** Time of one phase over the finished runs of the period. */
export interface PhaseTime {
  phase: string;
  /** Phase executions measured (skipped phases are not). */
  count: number;
  p50Ms: number;
  p95Ms: number;
}

/** One day of the period. */
export interface DayStats {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  costUsd: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** `succeeded / finished`, or null without finished runs. */
  successRate: number | null;
}

/** Calls, retries, fallbacks and spending of one provider in the period (at most 31 days back). */
export interface ProviderUsage {
  provider: string;
  calls: number;
  retries: number;
  fallbacks: number;
  costUsd: number;
}

/** What `/api/stats` answers: the figures of the page. All days are UTC. */
export interface DashboardStats {
  generatedAt: string;
  days: number;
  /** First and last day of the period. */
  from: string;
  to: string;
  runs: {
    total: number;
    running: number;
    stale: number;
    succeeded: number;
    failed: number;
    cancelled: number;
  };
  /** Succeeded over finished runs of the period, or null when none finished. */
  successRate: number | null;
  phaseTimes: PhaseTime[];
  cost: {
    totalUsd: number;
    /** Average cost of a succeeded run (a video), or null. */
    perVideoUsd: number | null;
    todayUsd: number;
    budgetPerRunUsd?: number;
    budgetPerDayUsd?: number;
  };
  byDay: DayStats[];
  providers: ProviderUsage[];
  quotas: QuotaUsage[];
  attention: AttentionItem[];
}

/** Inputs of {@link computeStats}. */
export interface StatsInput {
  runs: readonly RunView[];
  usage: readonly UsageEntry[];
  attention: AttentionItem[];
  limits: readonly QuotaLimit[];
  budget: DashboardBudget;
  days: number;
  now: number;
}

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;

function phaseRank(name: string): number {
  const index = (standardPhaseNames as readonly string[]).indexOf(name);
  if (index !== -1) return index;
  return name.startsWith('publish:') ? standardPhaseNames.indexOf('store') + 0.5 : standardPhaseNames.length;
}

/** Computes the page's figures for the last `days` days (UTC) at `now`. */
export function computeStats(input: StatsInput): DashboardStats {
  const days = lastDays(input.now, input.days);
  const from = days[0] as string;
  const to = days.at(-1) as string;
  const byDay = new Map<string, DayStats>(
    days.map((day) => [day, { day, costUsd: 0, succeeded: 0, failed: 0, cancelled: 0, successRate: null }]),
  );
  const counts = { total: 0, running: 0, stale: 0, succeeded: 0, failed: 0, cancelled: 0 };
  const durations = new Map<string, number[]>();
  let totalUsd = 0;
  let videoUsd = 0;
  for (const run of input.runs) {
    const endDay = dayKey(Date.parse(run.endedAt ?? run.lastEventAt));
    const startDay = dayKey(Date.parse(run.startedAt));
    if (endDay < from && startDay < from) continue;
    counts.total += 1;
    if (run.status === 'running') {
      counts.running += 1;
      if (run.stale) counts.stale += 1;
    } else counts[run.status] += 1;
    totalUsd += run.costUsd;
    const day = byDay.get(endDay);
    if (day) {
      day.costUsd += run.costUsd;
      if (run.status !== 'running') day[run.status] += 1;
    }
    if (run.status === 'succeeded') videoUsd += run.costUsd;
    for (const phase of run.phases) {
      if (phase.status !== 'succeeded' || phase.durationMs === undefined) continue;
      const list = durations.get(phase.name) ?? [];
      list.push(phase.durationMs);
      durations.set(phase.name, list);
    }
  }
  for (const day of byDay.values()) {
    const finished = day.succeeded + day.failed + day.cancelled;
    day.successRate = finished === 0 ? null : day.succeeded / finished;
    day.costUsd = round(day.costUsd);
  }
  const finished = counts.succeeded + counts.failed + counts.cancelled;
  const phaseTimes = [...durations.entries()]
    .sort(([a], [b]) => phaseRank(a) - phaseRank(b) || a.localeCompare(b))
    .map(([phase, list]) => ({
      phase,
      count: list.length,
      p50Ms: Math.round(percentile(list, 50) ?? 0),
      p95Ms: Math.round(percentile(list, 95) ?? 0),
    }));
  const windowStart = Math.max(Date.parse(`${from}T00:00:00Z`), input.now - 31 * 86_400_000);
  return {
    generatedAt: new Date(input.now).toISOString(),
    days: input.days,
    from,
    to,
    runs: counts,
    successRate: finished === 0 ? null : counts.succeeded / finished,
    phaseTimes,
    cost: {
      totalUsd: round(totalUsd),
      perVideoUsd: counts.succeeded === 0 ? null : round(videoUsd / counts.succeeded),
      todayUsd: byDay.get(to)?.costUsd ?? 0,
      ...(input.budget.perRunUsd !== undefined ? { budgetPerRunUsd: input.budget.perRunUsd } : {}),
      ...(input.budget.perDayUsd !== undefined ? { budgetPerDayUsd: input.budget.perDayUsd } : {}),
    },
    byDay: [...byDay.values()],
    providers: providerUsage(input.usage.filter((entry) => entry.at >= windowStart)),
    quotas: quotaUsage(input.limits, input.usage, input.now),
    attention: input.attention,
  };
}

function providerUsage(usage: readonly UsageEntry[]): ProviderUsage[] {
  const out = new Map<string, ProviderUsage>();
  for (const entry of usage) {
    if (entry.kind === 'publish') continue;
    const row = out.get(entry.key) ?? { provider: entry.key, calls: 0, retries: 0, fallbacks: 0, costUsd: 0 };
    if (entry.kind === 'call') row.calls += 1;
    else if (entry.kind === 'retry') row.retries += 1;
    else if (entry.kind === 'fallback') row.fallbacks += 1;
    else row.costUsd = round(row.costUsd + (entry.usd ?? 0));
    out.set(entry.key, row);
  }
  return [...out.values()].sort((a, b) => b.calls - a.calls || a.provider.localeCompare(b.provider));
}
