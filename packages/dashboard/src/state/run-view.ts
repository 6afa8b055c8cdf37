import type { ErrorSummary } from '@reelsmith/core';

/** State of one phase of a run. */
export type PhaseStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

/** State of a run: `running` until `run:end`. */
export type RunViewStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A provider that gave up and the one that took over, inside a phase. */
export interface FallbackView {
  from: string;
  to?: string;
  reason: string;
  at: string;
}

/** One phase of a run as the page shows it: a bar of the run's timeline. */
export interface PhaseView {
  name: string;
  status: PhaseStatus;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  costUsd: number;
  /** The providers the phase used: those paid (from `phase:end`), else the last one called. */
  providers: string[];
  /** `provider:call` events (attempts included). */
  calls: number;
  retries: number;
  fallbacks: FallbackView[];
  /** Latest progress, 0–1, when the provider reports it. */
  fraction?: number;
  message?: string;
  warnings: number;
  error?: ErrorSummary;
}

/** A post a run made. Only http(s) URLs are kept. */
export interface OutputView {
  platform: string;
  id: string;
  url?: string;
  publishedAt?: string;
  /** Found after a crash instead of published again. */
  reconciled: boolean;
}

/** One run as the page and the API show it. Redacted. */
export interface RunView {
  runId: string;
  jobId?: string;
  /** The job's product (title, ASIN or URL), from `run:start`. */
  title?: string;
  status: RunViewStatus;
  /** Running, but no event for longer than `staleAfterMs`: its worker probably died. */
  stale: boolean;
  /** How many times the run was started (a resumed run counts each time). */
  attempts: number;
  startedAt: string;
  endedAt?: string;
  durationMs?: number;
  costUsd: number;
  /** Platforms it publishes to (`publish:<platform>` phases and posts). */
  platforms: string[];
  phases: PhaseView[];
  outputs: OutputView[];
  /** Why it failed, and in which phase. */
  error?: ErrorSummary & { phase?: string };
  /** The phase that reported progress last, with its progress. */
  current?: { phase: string; fraction?: number; message?: string };
  retries: number;
  fallbacks: number;
  lastEventAt: string;
}

/** A run in lists: the view without per-phase detail. */
export type RunSummaryView = Omit<RunView, 'phases'> & {
  /** Phase names with their status, in order: the compact timeline. */
  timeline: { name: string; status: PhaseStatus; durationMs?: number; fraction?: number }[];
};
