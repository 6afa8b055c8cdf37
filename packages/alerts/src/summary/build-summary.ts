import type { ErrorSummary, EventLog, ReelsmithEvents } from '@reelsmith/core';
import { causeOf, fixForError } from '../rules/fixes.js';

/** Failed runs sharing one cause. */
export interface FailureGroup {
  /** `provider kind` or the error name, e.g. `fake:voice auth`. */
  cause: string;
  count: number;
  /** The latest failure's message (redacted). */
  example: string;
  fix?: string;
  /** Up to 5 run ids, latest first. */
  runIds: string[];
}

/** Timing of one phase over the period. */
export interface PhaseTiming {
  phase: string;
  count: number;
  averageMs: number;
  maxMs: number;
}

/** What happened between `since` and `until`, from the event log. Plain JSON. */
export interface RunsSummary {
  since: string;
  until: string;
  runs: { total: number; succeeded: number; failed: number; cancelled: number };
  /** Videos made: runs that succeeded. */
  videos: number;
  /** Posts published per platform (reconciled re-publishes not counted). */
  published: Record<string, number>;
  /** Failed runs by cause, most frequent first. */
  failures: FailureGroup[];
  cost: {
    /** Money spent in the period (`cost:add`), USD. */
    totalUsd: number;
    /** `totalUsd / videos`, when videos were made. */
    perVideoUsd?: number;
    byProvider: Record<string, number>;
  };
  /** Phases by average duration, slowest first (at most 5). */
  slowestPhases: PhaseTiming[];
  /** Circuit breakers opened, by provider. */
  breakers: Array<{ provider: string; reason: string; count: number }>;
  /** Accounts whose token is expiring or invalid (latest event per account). */
  tokens: Array<{ account: string; provider: string; state: 'expiring' | 'invalid'; detail: string }>;
}

/** Options of {@link buildSummary}. */
export interface BuildSummaryOptions {
  /** Start of the period, ISO time (see `parseSince` for `24h`-style values). */
  since: string;
  /** End of the period, ISO time; default now. */
  until?: string;
}

/**
 * Summarizes the event log over a period: videos made, posts per platform, failures by cause
 * (with fixes), spending, the slowest phases, opened breakers and token problems. This is what
 * `reelsmith report` prints and the daily summary sends.
 *
 * @example
 * ```ts
 * const summary = await buildSummary(createJsonlEventLog('.reelsmith/events.jsonl'), { since: parseSince('24h') });
 * console.log(formatSummary(summary, { style: 'text' }));
 * ```
 */
export async function buildSummary(log: EventLog, options: BuildSummaryOptions): Promise<RunsSummary> {
  const until = options.until ?? new Date().toISOString();
  const records = (await log.read({ since: options.since })).filter((record) => record.at <= until);
  const runs = { total: 0, succeeded: 0, failed: 0, cancelled: 0 };
  const published: Record<string, number> = {};
  const failures = new Map<string, FailureGroup>();
  const byProvider: Record<string, number> = {};
  let totalUsd = 0;
  const phases = new Map<string, { count: number; totalMs: number; maxMs: number }>();
  const breakers = new Map<string, { provider: string; reason: string; count: number }>();
  const tokens = new Map<string, RunsSummary['tokens'][number]>();

  for (const { name, payload } of records) {
    if (name === 'run:end') {
      const event = payload as ReelsmithEvents['run:end'];
      runs.total += 1;
      runs[event.status] += 1;
      if (event.status === 'failed')
        addFailure(failures, event.error ?? { name: 'Error', message: 'unknown' }, event.runId);
    } else if (name === 'publish:done') {
      const event = payload as ReelsmithEvents['publish:done'];
      if (!event.reconciled) published[event.platform] = (published[event.platform] ?? 0) + 1;
    } else if (name === 'cost:add') {
      const event = payload as ReelsmithEvents['cost:add'];
      totalUsd += event.usd;
      byProvider[event.provider] = (byProvider[event.provider] ?? 0) + event.usd;
    } else if (name === 'phase:end') {
      const event = payload as ReelsmithEvents['phase:end'];
      const entry = phases.get(event.phase) ?? { count: 0, totalMs: 0, maxMs: 0 };
      entry.count += 1;
      entry.totalMs += event.durationMs;
      entry.maxMs = Math.max(entry.maxMs, event.durationMs);
      phases.set(event.phase, entry);
    } else if (name === 'breaker:open') {
      const event = payload as ReelsmithEvents['breaker:open'];
      const entry = breakers.get(event.provider) ?? {
        provider: event.provider,
        reason: event.reason,
        count: 0,
      };
      entry.count += 1;
      entry.reason = event.reason;
      breakers.set(event.provider, entry);
    } else if (name === 'token:expiring' || name === 'token:invalid' || name === 'token:refreshed') {
      const event = payload as { account: string; provider: string; daysLeft?: number; reason?: string };
      const key = `${event.provider}|${event.account}`;
      if (name === 'token:refreshed') tokens.delete(key);
      else
        tokens.set(key, {
          account: event.account,
          provider: event.provider,
          state: name === 'token:invalid' ? 'invalid' : 'expiring',
          detail: name === 'token:invalid' ? (event.reason ?? '') : `${event.daysLeft} days left`,
        });
    }
  }

  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  const cost: RunsSummary['cost'] = {
    totalUsd: round(totalUsd),
    byProvider: Object.fromEntries(
      Object.entries(byProvider).map(([provider, usd]) => [provider, round(usd)]),
    ),
  };
  if (runs.succeeded > 0) cost.perVideoUsd = round(totalUsd / runs.succeeded);
  return {
    since: options.since,
    until,
    runs,
    videos: runs.succeeded,
    published,
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
    cost,
    slowestPhases: [...phases.entries()]
      .map(([phase, entry]) => ({
        phase,
        count: entry.count,
        averageMs: Math.round(entry.totalMs / entry.count),
        maxMs: Math.round(entry.maxMs),
      }))
      .sort((a, b) => b.averageMs - a.averageMs)
      .slice(0, 5),
    breakers: [...breakers.values()],
    tokens: [...tokens.values()],
  };
}

function addFailure(groups: Map<string, FailureGroup>, error: ErrorSummary, runId: string): void {
  const cause = causeOf(error);
  const group = groups.get(cause) ?? { cause, count: 0, example: '', runIds: [] };
  group.count += 1;
  group.example = error.message;
  const fix = fixForError(error);
  if (fix) group.fix = fix;
  group.runIds = [runId, ...group.runIds].slice(0, 5);
  groups.set(cause, group);
}
