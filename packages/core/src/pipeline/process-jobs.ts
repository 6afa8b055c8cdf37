import { randomUUID } from 'node:crypto';
import { summarizeError } from '../errors/summarize-error.js';
import type { Job } from '../spec/job.js';
import type { JobSource, JobUpdate } from '../spec/job-source.js';
import type { Pipeline } from './define-pipeline.js';
import type { RunResult } from './execute-run.js';

/** Options of {@link processJobs}. */
export interface ProcessJobsOptions {
  /** Take at most this many pending jobs. Default: every pending job. */
  limit?: number;
  /** Runs at once. Default 1. */
  concurrency?: number;
  /** The run id for a job. Default `<job id>-<random>`. */
  runId?: (job: Job) => string;
  /** Write the current phase back as `progress` while a job runs. Default `true`. */
  progress?: boolean;
  signal?: AbortSignal;
}

/** How one job of {@link processJobs} ended. */
export type JobOutcome =
  | { status: 'succeeded'; job: Job; runId: string; result: RunResult }
  | { status: 'failed'; job: Job; runId: string; error: unknown }
  /** Another worker had claimed the job. */
  | { status: 'skipped'; job: Job; runId: string };

const maxErrorLength = 1000;

/**
 * Takes pending jobs from a {@link JobSource} (an Airtable table, a file), claims each for a
 * run, runs the pipeline, and writes the outcome back: `processing` with the current phase as
 * progress, then `done` with the links and the cost, or `failed` with the (redacted) error.
 * Calls to the source go through the pipeline's runtime (limits, retries, breakers, events).
 * Never rejects for a failed job: each outcome says how its job ended.
 *
 * @example
 * ```ts
 * const outcomes = await processJobs(pipeline, createAirtableJobSource({ ... }), { limit: 10 });
 * ```
 */
export async function processJobs(
  pipeline: Pipeline,
  source: JobSource,
  options: ProcessJobsOptions = {},
): Promise<JobOutcome[]> {
  const jobs = pipeline.runtime.wrap(source);
  const { signal } = options;
  const pending = await jobs.listPending({
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(signal ? { signal } : {}),
  });
  const outcomes: JobOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pending.length && !signal?.aborted) {
      const job = pending[next++]!;
      outcomes.push(await processOne(pipeline, jobs, job, options));
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, pending.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

async function processOne(
  pipeline: Pipeline,
  jobs: JobSource,
  job: Job,
  options: ProcessJobsOptions,
): Promise<JobOutcome> {
  const runId = options.runId?.(job) ?? `${job.id}-${randomUUID().slice(0, 8)}`;
  const callOptions = options.signal ? { signal: options.signal } : {};
  if (!(await jobs.claim(job.id, runId, callOptions))) return { status: 'skipped', job, runId };
  const progress = progressWriter(jobs, job.id, runId);
  let failedCost = 0;
  const onPhase = (event: { runId: string; phase: string }) => {
    if (event.runId === runId && options.progress !== false) progress.write(event.phase);
  };
  const onEnd = (event: { runId: string; costUsd: number }) => {
    if (event.runId === runId) failedCost = event.costUsd;
  };
  pipeline.events.on('phase:start', onPhase).on('run:end', onEnd);
  const unsubscribe = () => pipeline.events.off('phase:start', onPhase);
  try {
    const result = await pipeline.run(job, { runId, ...callOptions });
    unsubscribe();
    await progress.settled();
    const report = result.outputs.report as { urls?: Record<string, string> } | undefined;
    await jobs.update(
      job.id,
      {
        status: 'done',
        runId,
        costUsd: result.costUsd,
        progress: 'done',
        ...(report?.urls ? { urls: report.urls } : {}),
      },
      callOptions,
    );
    return { status: 'succeeded', job, runId, result };
  } catch (error) {
    unsubscribe();
    await progress.settled();
    const message = summarizeError(error).message.slice(0, maxErrorLength);
    const update: JobUpdate = { status: 'failed', runId, error: message, costUsd: failedCost };
    await jobs.update(job.id, update, callOptions).catch(() => undefined);
    return { status: 'failed', job, runId, error };
  } finally {
    pipeline.events.off('run:end', onEnd);
  }
}

/** Writes progress one update at a time; while one is in flight only the latest waits. */
function progressWriter(jobs: JobSource, jobId: string, runId: string) {
  let inFlight: Promise<void> = Promise.resolve();
  let queued: string | undefined;
  let busy = false;
  const flush = async () => {
    busy = true;
    while (queued !== undefined) {
      const phase = queued;
      queued = undefined;
      await jobs.update(jobId, { status: 'processing', runId, progress: phase }).catch(() => undefined);
    }
    busy = false;
  };
  return {
    write(phase: string) {
      queued = phase;
      if (!busy) inFlight = flush();
    },
    settled: () => inFlight,
  };
}
