import type { CallOptions } from './call-options.js';
import type { Job } from './job.js';
import type { Provider } from './provider.js';

/** The state a job source records for a job. */
export type JobStatus = 'pending' | 'processing' | 'done' | 'failed';

/** What the engine writes back to a job's source. */
export interface JobUpdate {
  status?: JobStatus;
  runId?: string;
  /** Short progress text, e.g. `render 40%`. */
  progress?: string;
  /** Published URLs by platform. */
  urls?: Record<string, string>;
  costUsd?: number;
  /** The failure message (redacted). */
  error?: string;
}

/** A queue of jobs with write-back (an Airtable table, a file, a database). */
export interface JobSource extends Provider<'job-source'> {
  /** Jobs waiting to be processed. */
  listPending(options?: CallOptions & { limit?: number }): Promise<Job[]>;
  /** Marks a job as taken by `runId`. Resolves `false` when another worker holds it. */
  claim(jobId: string, runId: string, options?: CallOptions): Promise<boolean>;
  update(jobId: string, update: JobUpdate, options?: CallOptions): Promise<void>;
}
