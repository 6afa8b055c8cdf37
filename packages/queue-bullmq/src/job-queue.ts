import type { JobInput, JobSource } from '@reelsmith/core';
import { Queue } from 'bullmq';
import { type QueueConnection, redisClient } from './connection.js';
import { deduplicationId, type QueuedJob, type QueuedJobResult, toQueuedJob } from './job-data.js';

/** Options of {@link createJobQueue}. */
export interface JobQueueOptions {
  connection: QueueConnection;
  /** Queue name; default `reelsmith`. Workers of the same deployment use the same. */
  name?: string;
  /** BullMQ key prefix; default `bull`. */
  prefix?: string;
  /**
   * Attempts per job (each resumes the same run from its checkpoints, so finished phases are
   * not paid again). Default 3, with exponential backoff from `backoffMs` (default 30 s).
   */
  attempts?: number;
  backoffMs?: number;
  /** Finished jobs kept for `queue status` and the dashboard; default 1,000 completed, 5,000 failed. */
  keep?: { completed?: number; failed?: number };
}

/** The result of {@link JobQueue.enqueue}, by input position. */
export interface EnqueueResult {
  /** Jobs added, with their BullMQ job id and run id. */
  added: Array<{ index: number; jobId: string; runId: string }>;
  /** Jobs skipped because the same product is already queued or running (its job id). */
  duplicates: Array<{ index: number; existingJobId: string }>;
}

/** Counts of a queue's jobs by state. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  prioritized: number;
}

/** Producer side of the queue. */
export interface JobQueue {
  readonly name: string;
  readonly queue: Queue<QueuedJob, QueuedJobResult>;
  /** Adds jobs; a product already queued or running is skipped (deduplicated), not run twice. */
  enqueue(jobs: readonly JobInput[]): Promise<EnqueueResult>;
  /**
   * Takes the pending jobs of a job source (an Airtable table), claims each for its run and
   * enqueues it; the worker writes the outcome back when given the same source.
   */
  enqueuePending(source: JobSource, options?: { limit?: number }): Promise<EnqueueResult>;
  counts(): Promise<QueueCounts>;
  /** Workers connected to the queue now. */
  workers(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Creates the producer side: `enqueue` from a file, Airtable (`listPending`) or code, with a
 * deduplication id per product so the same product is never run twice at once.
 *
 * @example
 * ```ts
 * const queue = createJobQueue({ connection: 'redis://127.0.0.1:6379' });
 * await queue.enqueue(['Stanley Quencher 40oz', { asin: 'B0C1234567' }]);
 * ```
 */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  const name = options.name ?? 'reelsmith';
  const connection = redisClient(options.connection, 'createJobQueue');
  const queue = new Queue<QueuedJob, QueuedJobResult>(name, {
    connection,
    ...(options.prefix ? { prefix: options.prefix } : {}),
    defaultJobOptions: {
      attempts: options.attempts ?? 3,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 30_000 },
      removeOnComplete: { count: options.keep?.completed ?? 1000 },
      removeOnFail: { count: options.keep?.failed ?? 5000 },
    },
  });
  return {
    name,
    queue,
    async enqueue(jobs) {
      const queued = jobs.map((job, index) => toQueuedJob(job, index));
      const result: EnqueueResult = { added: [], duplicates: [] };
      for (const [index, data] of queued.entries()) {
        const dedupId = deduplicationId(data.job);
        const job = await queue.add('run', data, { deduplication: { id: dedupId } });
        // A deduplicated add answers with the existing job's id; the stored job then carries
        // another run id than the one just made.
        const stored = await queue.getJob(String(job.id));
        if (!stored || stored.data.runId === data.runId) {
          result.added.push({ index, jobId: String(job.id), runId: data.runId });
        } else {
          result.duplicates.push({ index, existingJobId: String(job.id) });
        }
      }
      return result;
    },
    async enqueuePending(source, pendingOptions = {}) {
      const pending = await source.listPending(
        pendingOptions.limit !== undefined ? { limit: pendingOptions.limit } : {},
      );
      const result: EnqueueResult = { added: [], duplicates: [] };
      for (const [index, job] of pending.entries()) {
        const data = { ...toQueuedJob(job, index), job };
        if (!(await source.claim(job.id, data.runId))) continue;
        const added = await queue.add('run', data, { deduplication: { id: deduplicationId(job) } });
        const stored = await queue.getJob(String(added.id));
        if (!stored || stored.data.runId === data.runId) {
          result.added.push({ index, jobId: String(added.id), runId: data.runId });
        } else {
          result.duplicates.push({ index, existingJobId: String(added.id) });
          await source.update(job.id, { status: 'pending', progress: 'already queued' });
        }
      }
      return result;
    },
    async counts() {
      const counts = await queue.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'completed',
        'failed',
        'prioritized',
      );
      return {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        completed: counts.completed ?? 0,
        failed: counts.failed ?? 0,
        prioritized: counts.prioritized ?? 0,
      };
    },
    async workers() {
      return (await queue.getWorkers()).length;
    },
    async close() {
      await queue.close();
      await connection.quit().catch(() => undefined);
    },
  };
}
