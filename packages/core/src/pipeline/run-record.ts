import type { Job } from '../spec/job.js';

/** Saved after each finished phase under `phase:<name>`. */
export interface PhaseRecord {
  output: unknown;
  costUsd: number;
  durationMs: number;
  /** Providers paid in the phase. */
  providers: string[];
  finishedAt: string;
}

/** What a phase knows about the run so far (`ctx.summary()`): finished phases and spending. */
export interface RunSummary {
  runId: string;
  costUsd: number;
  phases: Record<string, { durationMs: number; costUsd: number; providers: string[]; skipped: boolean }>;
}

/** Saved under `run` when a run starts and ends: enough to resume by run id alone. */
export interface RunRecord {
  runId: string;
  job: Job;
  status: 'running' | 'succeeded' | 'failed' | 'cancelled';
  startedAt: string;
  endedAt?: string;
  costUsd?: number;
}

/** Checkpoint key of a phase's record. */
export const phaseKey = (phase: string): string => `phase:${phase}`;
/** Checkpoint key of the run record. */
export const runKey = 'run';
