import {
  ComplianceError,
  ConfigError,
  type JobSource,
  PhaseError,
  type Pipeline,
  type ReelsmithEvents,
  summarizeError,
  underlyingProviderError,
} from '@reelsmith/core';
import { type Job as BullJob, DelayedError, UnrecoverableError, Worker } from 'bullmq';
import { type QueueConnection, redisClient } from './connection.js';
import type { QueuedJob, QueuedJobResult } from './job-data.js';

/** Options of {@link createPipelineWorker}. */
export interface PipelineWorkerOptions {
  connection: QueueConnection;
  /** Queue name; default `reelsmith`. */
  name?: string;
  prefix?: string;
  /** Runs at once in this process; default 1. */
  concurrency?: number;
  /**
   * On `close()` (and SIGTERM), active runs get this long to finish; then they are aborted and
   * handed back to the queue (no attempt used), to resume on another worker. Default 60 s.
   */
  shutdownTimeoutMs?: number;
  /** How long a job's lock lasts without renewal; a dead worker's job is taken over after it. Default 30 s. */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for; default 30 s. */
  stalledIntervalMs?: number;
  /** Times a job may be recovered from a dead worker before it fails; default 2. */
  maxStalledCount?: number;
  /** Close gracefully on SIGTERM and SIGINT; default true. */
  handleSignals?: boolean;
  /**
   * Where the jobs came from (an Airtable table): each run's outcome is written back — `done`
   * with links and cost, or `failed` with the error once no attempt is left.
   */
  jobSource?: JobSource;
}

/** A running worker. */
export interface PipelineWorker {
  readonly worker: Worker<QueuedJob, QueuedJobResult>;
  /** Finishes or hands back the active runs, then disconnects. */
  close(): Promise<void>;
}

/** Failures no attempt can fix: fail the job at once instead of retrying it. */
function isUnrecoverable(error: unknown): boolean {
  const cause = PhaseError.isInstance(error) ? error.cause : error;
  if (ComplianceError.isInstance(cause) || ConfigError.isInstance(cause)) return true;
  const provider = underlyingProviderError(cause);
  return provider !== undefined && (provider.kind === 'invalid_input' || provider.kind === 'content_policy');
}

/**
 * Runs pipeline runs as BullMQ jobs. Each job's run id was fixed at enqueue, so an attempt after
 * a failure, or after the worker holding it died (stalled-job recovery), resumes the same run:
 * finished phases are skipped and not paid again, and publishing reconciles through the intent
 * record (`findExisting`) instead of uploading twice. Use a shared checkpoint store (e.g.
 * `@reelsmith/store-redis`) and media store so any worker can resume any run.
 *
 * Progress goes to `job.updateProgress({ phase, fraction, message })` as well as the typed events.
 *
 * @example
 * ```ts
 * const worker = createPipelineWorker(pipeline, { connection: 'redis://127.0.0.1:6379', concurrency: 2 });
 * ```
 */
export function createPipelineWorker(pipeline: Pipeline, options: PipelineWorkerOptions): PipelineWorker {
  const connection = redisClient(options.connection, 'createPipelineWorker');
  const controllers = new Set<AbortController>();
  let closing = false;
  const shutdownReason = new Error('the worker is shutting down; the run goes back to the queue');

  const writeBack = async (
    job: BullJob<QueuedJob, QueuedJobResult>,
    update: Parameters<JobSource['update']>[1],
  ) => {
    if (!options.jobSource) return;
    // A write-back failure must not fail (and re-run) a video that is already made.
    await pipeline.runtime
      .wrap(options.jobSource)
      .update(job.data.job.id, update)
      .catch(() => undefined);
  };

  const processor = async (
    job: BullJob<QueuedJob, QueuedJobResult>,
    token?: string,
    signal?: AbortSignal,
  ) => {
    const { runId } = job.data;
    const controller = new AbortController();
    controllers.add(controller);
    const onCancel = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCancel, { once: true });
    let phase = '';
    let lastWrite = 0;
    const report = (progress: { phase: string; fraction?: number; message?: string }, force = false) => {
      const now = Date.now();
      if (!force && now - lastWrite < 500) return;
      lastWrite = now;
      void job.updateProgress(progress).catch(() => undefined);
    };
    const onPhase = (event: ReelsmithEvents['phase:start']) => {
      if (event.runId !== runId) return;
      phase = event.phase;
      report({ phase }, true);
    };
    const onProgress = (event: ReelsmithEvents['progress']) => {
      if (event.runId !== runId) return;
      report({
        phase: event.phase ?? phase,
        ...(event.fraction !== undefined ? { fraction: event.fraction } : {}),
        ...(event.message ? { message: event.message } : {}),
      });
    };
    pipeline.events.on('phase:start', onPhase).on('progress', onProgress);
    try {
      const result = await pipeline.run(job.data.job, { runId, signal: controller.signal });
      const outputs = result.outputs.report as { urls?: Record<string, string> } | undefined;
      const urls = outputs?.urls ?? {};
      await writeBack(job, { status: 'done', runId, urls, costUsd: result.costUsd, progress: 'done' });
      return { runId, costUsd: result.costUsd, urls, resumed: result.resumed };
    } catch (error) {
      if (closing && controller.signal.aborted) {
        // Hand the job back without using an attempt; another worker resumes the run.
        await job.moveToDelayed(Date.now(), token);
        throw new DelayedError();
      }
      const unrecoverable = isUnrecoverable(error);
      if (unrecoverable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        await writeBack(job, {
          status: 'failed',
          runId,
          error: summarizeError(error).message.slice(0, 1000),
        });
      }
      if (unrecoverable) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      throw error instanceof Error ? error : new Error(String(error));
    } finally {
      pipeline.events.off('phase:start', onPhase).off('progress', onProgress);
      signal?.removeEventListener('abort', onCancel);
      controllers.delete(controller);
    }
  };

  const worker = new Worker<QueuedJob, QueuedJobResult>(options.name ?? 'reelsmith', processor, {
    connection,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    concurrency: options.concurrency ?? 1,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 2,
  });
  // Errors of the worker's own connection are logged by BullMQ's 'error' event; never crash on them.
  worker.on('error', () => undefined);

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      closing = true;
      const timer = setTimeout(() => {
        for (const controller of controllers) controller.abort(shutdownReason);
      }, options.shutdownTimeoutMs ?? 60_000);
      try {
        await worker.close();
      } finally {
        clearTimeout(timer);
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        await connection.quit().catch(() => undefined);
      }
    })();
    return closed;
  };
  const onSignal = () => {
    void close();
  };
  if (options.handleSignals !== false) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { worker, close };
}
