import { type EventRecord, redactValue } from '@reelsmith/core';
import { applyRunEvent, newRun } from './run-state.js';
import type { RunSummaryView, RunView } from './run-view.js';

/** One usage fact kept for quotas and the provider table. */
export interface UsageEntry {
  at: number;
  kind: 'call' | 'retry' | 'fallback' | 'cost' | 'publish';
  /** Provider id (calls, retries, fallbacks, costs) or platform (publishes). */
  key: string;
  method?: string;
  usd?: number;
  unit?: string;
  quantity?: number;
}

/** Something a person must act on: an open breaker, a token that expires or no longer works. */
export interface AttentionItem {
  kind: 'breaker' | 'token-expiring' | 'token-invalid' | 'listener-error';
  /** Provider id or account. */
  subject: string;
  message: string;
  at: string;
}

/** How long usage facts are kept: the longest quota window (a month) and a margin, in ms. */
const usageRetentionMs = 32 * 24 * 3_600_000;

/**
 * The dashboard's memory: every run, usage facts and attention items, folded from events in log
 * order. Rebuilt from the log at start; payloads are redacted again on the way in.
 */
export class DashboardState {
  readonly #runs = new Map<string, RunView>();
  readonly #usage: UsageEntry[] = [];
  readonly #attention = new Map<string, AttentionItem>();
  readonly #maxRuns: number;
  readonly #secrets: readonly string[];
  /** `seq` of the last log record applied (0 when events come from a bus). */
  lastSeq = 0;
  /** Events applied since start. */
  applied = 0;

  constructor(options: { maxRuns: number; secrets: readonly string[] }) {
    this.#maxRuns = options.maxRuns;
    this.#secrets = options.secrets;
  }

  /** Applies one event; returns the id of the run it changed, if any. */
  apply(input: EventRecord): string | undefined {
    const record = { ...input, payload: redactValue(input.payload, this.#secrets) };
    if (record.seq > this.lastSeq) this.lastSeq = record.seq;
    this.applied += 1;
    const payload = (record.payload ?? {}) as Record<string, unknown>;
    this.#trackUsage(record, payload);
    this.#trackAttention(record, payload);
    const runId = typeof payload.runId === 'string' ? payload.runId : undefined;
    if (runId === undefined) return undefined;
    let run = this.#runs.get(runId);
    if (!run) {
      if (record.name === 'breaker:open' || record.name === 'listener:error') return undefined;
      run = newRun(runId, record.at);
      this.#runs.set(runId, run);
      this.#trim();
    }
    applyRunEvent(run, record);
    return runId;
  }

  /** The run with `runId`, with `stale` computed for `now`. */
  run(runId: string, now: number, staleAfterMs: number): RunView | undefined {
    const run = this.#runs.get(runId);
    return run ? withStale(run, now, staleAfterMs) : undefined;
  }

  /** Every run, newest first. */
  runs(now: number, staleAfterMs: number): RunView[] {
    return [...this.#runs.values()]
      .map((run) => withStale(run, now, staleAfterMs))
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  /** Usage facts at or after `since` (epoch ms). */
  usage(since = 0): readonly UsageEntry[] {
    return since === 0 ? this.#usage : this.#usage.filter((entry) => entry.at >= since);
  }

  /** Open breakers, expiring or invalid tokens, listener errors: newest first. */
  attention(): AttentionItem[] {
    return [...this.#attention.values()].sort((a, b) => (a.at < b.at ? 1 : -1));
  }

  #trackUsage(record: EventRecord, payload: Record<string, unknown>): void {
    const at = Date.parse(record.at);
    if (!Number.isFinite(at)) return;
    const provider = typeof payload.provider === 'string' ? payload.provider : undefined;
    const method = typeof payload.method === 'string' ? payload.method : undefined;
    const push = (entry: UsageEntry) => this.#usage.push(entry);
    if (record.name === 'provider:call' && provider)
      push({ at, kind: 'call', key: provider, ...(method ? { method } : {}) });
    else if (record.name === 'provider:retry' && provider) push({ at, kind: 'retry', key: provider });
    else if (record.name === 'provider:fallback' && typeof payload.from === 'string')
      push({ at, kind: 'fallback', key: payload.from });
    else if (record.name === 'cost:add' && provider) {
      const entry: UsageEntry = { at, kind: 'cost', key: provider, usd: finite(payload.usd) };
      if (typeof payload.unit === 'string') entry.unit = payload.unit;
      if (typeof payload.quantity === 'number' && Number.isFinite(payload.quantity))
        entry.quantity = payload.quantity;
      push(entry);
    } else if (
      record.name === 'publish:done' &&
      payload.reconciled !== true &&
      typeof payload.platform === 'string'
    )
      push({ at, kind: 'publish', key: payload.platform });
    else return;
    // Prune in batches, from the front (records arrive in time order).
    const oldest = this.#usage[0];
    if (oldest && at - oldest.at > usageRetentionMs * 1.1) {
      const cut = this.#usage.findIndex((entry) => at - entry.at <= usageRetentionMs);
      this.#usage.splice(0, cut === -1 ? this.#usage.length : cut);
    }
  }

  #trackAttention(record: EventRecord, payload: Record<string, unknown>): void {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    switch (record.name) {
      case 'breaker:open':
        this.#attention.set(`breaker:${text(payload.provider)}`, {
          kind: 'breaker',
          subject: text(payload.provider),
          message: `circuit open: ${text(payload.reason)}`,
          at: text(payload.at) || record.at,
        });
        return;
      case 'breaker:close':
        this.#attention.delete(`breaker:${text(payload.provider)}`);
        return;
      case 'token:expiring':
        this.#attention.set(`token:${text(payload.provider)}:${text(payload.account)}`, {
          kind: 'token-expiring',
          subject: `${text(payload.provider)} ${text(payload.account)}`,
          message: `token expires in ${finite(payload.daysLeft)} day(s) (${text(payload.expiresAt)})`,
          at: text(payload.at) || record.at,
        });
        return;
      case 'token:invalid':
        this.#attention.set(`token:${text(payload.provider)}:${text(payload.account)}`, {
          kind: 'token-invalid',
          subject: `${text(payload.provider)} ${text(payload.account)}`,
          message: `token no longer works: ${text(payload.reason)}`,
          at: text(payload.at) || record.at,
        });
        return;
      case 'token:refreshed':
        this.#attention.delete(`token:${text(payload.provider)}:${text(payload.account)}`);
        return;
      case 'listener:error': {
        const error = (payload.error ?? {}) as Record<string, unknown>;
        this.#attention.set(`listener:${text(payload.event)}`, {
          kind: 'listener-error',
          subject: text(payload.event),
          message: `a listener failed: ${text(error.message)}`,
          at: record.at,
        });
        return;
      }
      default:
        return;
    }
  }

  #trim(): void {
    if (this.#runs.size <= this.#maxRuns) return;
    const oldest = [...this.#runs.values()].sort((a, b) => (a.lastEventAt < b.lastEventAt ? -1 : 1));
    for (const run of oldest.slice(0, this.#runs.size - this.#maxRuns)) this.#runs.delete(run.runId);
  }
}

function finite(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function withStale(run: RunView, now: number, staleAfterMs: number): RunView {
  const stale = run.status === 'running' && now - Date.parse(run.lastEventAt) > staleAfterMs;
  return { ...run, stale };
}

/** The list form of a run: its timeline without per-phase detail. */
export function summarizeRun(run: RunView): RunSummaryView {
  const { phases, ...rest } = run;
  return {
    ...rest,
    timeline: phases.map((phase) => ({
      name: phase.name,
      status: phase.status,
      ...(phase.durationMs !== undefined ? { durationMs: phase.durationMs } : {}),
      ...(phase.fraction !== undefined ? { fraction: phase.fraction } : {}),
    })),
  };
}
