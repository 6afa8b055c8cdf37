import {
  type Job,
  type JobSource,
  type JobStatus,
  type JobUpdate,
  jobSchema,
  ProviderError,
} from '@reelsmith/core';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** One call made to a {@link FakeJobSource}. */
export type FakeJobSourceCall =
  | { method: 'listPending'; limit: number | undefined }
  | { method: 'claim'; jobId: string; runId: string }
  | { method: 'update'; jobId: string; update: JobUpdate };

/** What a {@link FakeJobSource} knows about one job: the job, its status and every update merged. */
export interface FakeJobRecord extends Omit<JobUpdate, 'status'> {
  job: Job;
  status: JobStatus;
  /** The run holding the job, set by a successful `claim`. */
  runId?: string;
}

/** Options of {@link createFakeJobSource}. Failures apply to every call, whatever the method. */
export interface FakeJobSourceOptions extends Omit<FakeOptions, 'costUsd'> {
  /** Jobs to start with, all `pending`. Each is checked with `jobSchema`. */
  jobs?: Job[];
}

/** An in-memory `JobSource` with its state and history exposed for assertions. */
export interface FakeJobSource extends JobSource, FakeCallLog<FakeJobSourceCall> {
  /** Every update written, in order. */
  readonly updates: ReadonlyArray<{ jobId: string; update: JobUpdate }>;
  /** The current record of a job, or `undefined` when unknown. */
  record(jobId: string): FakeJobRecord | undefined;
  /** Adds pending jobs. */
  add(...jobs: Job[]): void;
}

/**
 * A `JobSource` held in memory. `claim` marks a job `processing` for a run and resolves `false`
 * when another run holds it (the same run may claim again); an update to `pending` or `failed`
 * releases the hold. `listPending` returns unheld `pending` jobs in insertion order.
 */
export function createFakeJobSource(options: FakeJobSourceOptions = {}): FakeJobSource {
  const runtime = new FakeRuntime<FakeJobSourceCall>('fake:job-source', options);
  const records = new Map<string, FakeJobRecord>();
  const updates: Array<{ jobId: string; update: JobUpdate }> = [];
  const add = (...jobs: Job[]) => {
    for (const job of jobs) records.set(job.id, { job: jobSchema.parse(job), status: 'pending' });
  };
  const known = (jobId: string): FakeJobRecord => {
    const record = records.get(jobId);
    if (record) return record;
    throw new ProviderError({
      kind: 'invalid_input',
      provider: runtime.id,
      message: `no job with id "${jobId}"`,
    });
  };
  add(...(options.jobs ?? []));

  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'job-source',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    updates,
    record: (jobId) => {
      const record = records.get(jobId);
      return record && { ...record };
    },
    add,
    listPending: (callOptions) =>
      runtime.run({ method: 'listPending', limit: callOptions?.limit }, callOptions?.signal, () => {
        const pending = [...records.values()].filter(
          (record) => record.status === 'pending' && !record.runId,
        );
        return pending.slice(0, callOptions?.limit ?? pending.length).map((record) => record.job);
      }),
    claim: (jobId, runId, callOptions) =>
      runtime.run({ method: 'claim', jobId, runId }, callOptions?.signal, () => {
        const record = known(jobId);
        if ((record.runId !== undefined && record.runId !== runId) || record.status === 'done') return false;
        record.runId = runId;
        record.status = 'processing';
        return true;
      }),
    update: (jobId, update, callOptions) =>
      runtime.run({ method: 'update', jobId, update }, callOptions?.signal, () => {
        const record = known(jobId);
        updates.push({ jobId, update });
        const { status, ...fields } = update;
        Object.assign(record, fields);
        if (status) record.status = status;
        if (status === 'pending' || status === 'failed') record.runId = undefined;
      }),
  };
}
