import { randomUUID } from 'node:crypto';
import path from 'node:path';
import PQueue from 'p-queue';
import { z } from 'zod';
import { parseConfig } from '../config/parse-config.js';
import { ConfigError } from '../errors/config-error.js';
import { ReelsmithError } from '../errors/reelsmith-error.js';
import { createEventBus, type EventBus } from '../events/event-bus.js';
import type { BreakerSettings } from '../resilience/circuit-breaker.js';
import type { Limiter, LimitSettings } from '../resilience/limiter.js';
import { createProviderRuntime, type ProviderRuntime } from '../resilience/provider-runtime.js';
import { type RetrySettings, resolveRetrySettings } from '../resilience/with-retry.js';
import { registerSecret } from '../secrets/redact.js';
import type { CheckpointStore } from '../spec/checkpoint-store.js';
import { type Job, jobSchema } from '../spec/job.js';
import type { MediaStore } from '../spec/media-store.js';
import { createFileCheckpointStore } from '../stores/file-checkpoint-store.js';
import { createFileMediaStore } from '../stores/file-media-store.js';
import { orderPhases } from './dag.js';
import { executeRun, type RunResult } from './execute-run.js';
import type { AnyPhase } from './phase.js';
import { type RunRecord, runKey } from './run-record.js';

/** What {@link definePipeline} takes. */
export interface PipelineOptions {
  /** Shown in logs and the dashboard; default `pipeline`. */
  name?: string;
  /** The phases; they must form a DAG. Order only breaks ties. */
  phases: readonly AnyPhase[];
  /** Where phase outputs and publish records go; default a file store in `<dataDir>/checkpoints`. */
  checkpoints?: CheckpointStore;
  /** Where media go; default a file store in `<dataDir>/media`. */
  media?: MediaStore;
  /** Folder of the default stores; default `.reelsmith` in the working directory. */
  dataDir?: string;
  /** Spending caps. */
  budget?: { perRunUsd?: number };
  /** The event stream; default a new one (read it from `pipeline.events`). */
  events?: EventBus;
  /** Retry settings for provider calls; `false` disables retries. */
  retry?: RetrySettings | false;
  /** Circuit-breaker settings (per provider id, shared by all runs); `false` disables them. */
  breaker?: BreakerSettings | false;
  /** Concurrency and rate limits by provider id. */
  limits?: Record<string, LimitSettings>;
  /**
   * Limiters you supply by provider id, e.g. Redis-backed ones shared by every worker
   * (`@reelsmith/store-redis`); a provider without one uses `limits`.
   */
  limiters?: (provider: string) => Limiter | undefined;
  /** Values that must never appear in events, errors or checkpoints (API keys, tokens). */
  secrets?: readonly string[];
}

/** A job as `run` accepts it: a full job, a job without an id, or just a product title. */
export type JobInput = string | (Omit<Job, 'id'> & { id?: string });

/** Options of {@link Pipeline.run}. */
export interface RunOptions {
  /** Reuse an earlier run's id to resume it: finished phases are skipped and not paid again. */
  runId?: string;
  signal?: AbortSignal;
}

/** One entry of {@link Pipeline.runMany}'s result. */
export type RunOutcome =
  | { status: 'succeeded'; job: JobInput; runId: string; result: RunResult }
  | { status: 'failed'; job: JobInput; runId: string; error: unknown };

/** A defined pipeline. */
export interface Pipeline {
  readonly name: string;
  /** Phases in a topological order. */
  readonly phases: readonly AnyPhase[];
  readonly events: EventBus;
  readonly checkpoints: CheckpointStore;
  readonly media: MediaStore;
  readonly runtime: ProviderRuntime;
  /** Runs the pipeline for one job. Rejects with `PhaseError` when a phase fails. */
  run(job: JobInput, options?: RunOptions): Promise<RunResult>;
  /** Resumes an earlier run by id alone (the job is read from its checkpoint). */
  resume(runId: string, options?: { signal?: AbortSignal }): Promise<RunResult>;
  /** Runs many jobs, `concurrency` at a time. Never rejects: each outcome says how its run ended. */
  runMany(
    jobs: readonly JobInput[],
    options?: {
      concurrency?: number;
      runId?: (job: JobInput, index: number) => string;
      signal?: AbortSignal;
    },
  ): Promise<RunOutcome[]>;
}

const providerLike = (capability: string) =>
  z.custom<unknown>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      (value as { capability?: unknown }).capability === capability &&
      (value as { specificationVersion?: unknown }).specificationVersion === 'v1',
    { message: `expected a ${capability} (specificationVersion 'v1')` },
  );

const optionsSchema = z
  .object({
    name: z.string().min(1).optional(),
    phases: z
      .array(
        z.custom<AnyPhase>(
          (value) => typeof (value as AnyPhase)?.run === 'function',
          'expected a phase from definePhase()',
        ),
      )
      .min(1),
    checkpoints: providerLike('checkpoint-store').optional(),
    media: providerLike('media-store').optional(),
    dataDir: z.string().min(1).optional(),
    budget: z.object({ perRunUsd: z.number().positive().finite().optional() }).strict().optional(),
    events: z
      .custom<EventBus>(
        (value) => typeof (value as EventBus)?.emit === 'function',
        'expected an EventBus from createEventBus()',
      )
      .optional(),
    retry: z.union([z.literal(false), z.object({}).passthrough()]).optional(),
    breaker: z.union([z.literal(false), z.object({}).passthrough()]).optional(),
    limits: z.record(z.string(), z.object({}).passthrough()).optional(),
    limiters: z.function().optional(),
    secrets: z.array(z.string()).optional(),
  })
  .strict();

const fixes = {
  phases: 'pass phases: [definePhase({ name, needs, run }), …]',
  'budget.perRunUsd': 'set budget.perRunUsd to the most one video may cost in US dollars, e.g. 0.5',
  checkpoints: 'pass createFileCheckpointStore(dir) or another CheckpointStore',
  media: 'pass createFileMediaStore(dir) or another MediaStore',
};

/**
 * Defines a pipeline: phases forming a DAG, where their outputs and media are stored, the
 * budget, and the resilience settings. Invalid options — a cycle, a missing dependency, a
 * negative budget — throw a `ConfigError` naming the field, here, before anything runs.
 *
 * @example
 * ```ts
 * const pipeline = definePipeline({ phases: [product, script], budget: { perRunUsd: 0.5 } });
 * pipeline.events.on('phase:end', (e) => console.log(e.phase, e.durationMs));
 * const result = await pipeline.run({ title: 'Stanley Quencher 40oz' }, { runId: 'stanley-1' });
 * ```
 */
export function definePipeline(options: PipelineOptions): Pipeline {
  const parsed = parseConfig('definePipeline', optionsSchema, options, fixes);
  const phases = orderPhases(options.phases);
  const retry: RetrySettings | false = options.retry === false ? false : resolveRetrySettings(options.retry);
  const secrets = [...(parsed.secrets ?? [])];
  registerSecret(...secrets);
  const events = options.events ?? createEventBus({ secrets });
  const dataDir = options.dataDir ?? '.reelsmith';
  const checkpoints = options.checkpoints ?? createFileCheckpointStore(path.join(dataDir, 'checkpoints'));
  const media = options.media ?? createFileMediaStore(path.join(dataDir, 'media'));
  const runtime = createProviderRuntime({
    events,
    retry,
    ...(options.breaker !== undefined ? { breaker: options.breaker } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.limiters ? { limiters: options.limiters } : {}),
  });
  const environment = {
    phases,
    checkpoints,
    media,
    events,
    runtime,
    budgetUsd: parsed.budget?.perRunUsd,
    retry,
    secrets,
  };
  const active = new Set<string>();

  const pipeline: Pipeline = {
    name: parsed.name ?? 'pipeline',
    phases,
    events,
    checkpoints,
    media,
    runtime,
    async run(input, runOptions = {}) {
      const runId = runOptions.runId ?? randomUUID();
      const job = normalizeJob(input, runId);
      if (active.has(runId)) {
        throw new ReelsmithError(
          `[reelsmith] run ${runId} is already running in this process; wait for it to end.`,
        );
      }
      active.add(runId);
      try {
        return await executeRun(environment, job, runId, runOptions.signal);
      } finally {
        active.delete(runId);
      }
    },
    async resume(runId, resumeOptions = {}) {
      const record = (await checkpoints.get(runId, runKey)) as RunRecord | undefined;
      if (!record?.job) {
        throw new ConfigError('pipeline.resume', [
          {
            field: 'runId',
            problem: `no run "${runId}" in the checkpoint store`,
            fix: 'pass the id of a run started with this checkpoint store',
          },
        ]);
      }
      return pipeline.run(record.job, { runId, ...resumeOptions });
    },
    async runMany(jobs, manyOptions = {}) {
      const concurrency = manyOptions.concurrency ?? 1;
      if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new ConfigError('runMany', [
          {
            field: 'concurrency',
            problem: `expected an integer ≥ 1, got ${concurrency}`,
            fix: 'pass e.g. { concurrency: 4 }',
          },
        ]);
      }
      const queue = new PQueue({ concurrency });
      return Promise.all(
        jobs.map(
          (job, index) =>
            queue.add(async (): Promise<RunOutcome> => {
              const runId = manyOptions.runId?.(job, index) ?? randomUUID();
              try {
                const result = await pipeline.run(job, {
                  runId,
                  ...(manyOptions.signal ? { signal: manyOptions.signal } : {}),
                });
                return { status: 'succeeded', job, runId, result };
              } catch (error) {
                return { status: 'failed', job, runId, error };
              }
            }) as Promise<RunOutcome>,
        ),
      );
    },
  };
  return pipeline;
}

function normalizeJob(input: JobInput, runId: string): Job {
  const candidate = typeof input === 'string' ? { title: input } : input;
  return parseConfig(
    'pipeline.run',
    jobSchema,
    { id: runId, ...candidate },
    {
      'job.title':
        'pass a product title, an ASIN or a product URL, e.g. run({ title: "Stanley Quencher 40oz" })',
    },
    'job',
  );
}
