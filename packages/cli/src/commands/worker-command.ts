import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAlerts, scheduleDailySummary } from '@reelsmith/alerts';
import { createAffiliatePipeline, createEventBus, type EventBus, recordEvents } from '@reelsmith/core';
import { createPipelineWorker } from '@reelsmith/queue-bullmq';
import { createRedisCheckpointStore, createRedisLimiters, shareBreakers } from '@reelsmith/store-redis';
import { exitCodes, UsageError } from '../exit-codes.js';
import { loadConfig } from '../offline/load-config.js';
import { alertChannelsFromEnv } from '../operations/alert-channels.js';
import { eventLogFrom, type OperationsFlags, redisUrl } from '../operations/stores-from-flags.js';
import type { ProgressOutput } from '../progress/progress-view.js';
import { tokenManagerFrom } from './auth-command.js';

/** Flags of `reelsmith worker`. */
export interface WorkerFlags extends OperationsFlags {
  config?: string;
  concurrency?: number | string;
  out?: string;
}

/**
 * `reelsmith worker --config FILE`: runs queued jobs until SIGTERM/SIGINT. Checkpoints, the event
 * log, the `limits` of the config and breaker openings are shared through Redis, so any number
 * of workers on any machines cooperate; alerts go to the channels set in the environment and a
 * daily summary is sent at `REELSMITH_SUMMARY_AT` (e.g. `08:00`, zone `REELSMITH_TIMEZONE`).
 */
export async function workerCommand(
  flags: WorkerFlags,
  output: ProgressOutput,
  env: NodeJS.ProcessEnv = process.env,
  stopSignal?: AbortSignal,
): Promise<number> {
  if (!flags.config)
    throw new UsageError(
      'reelsmith worker needs --config reelsmith.config.mjs (your providers and publishers)',
    );
  const concurrency = Number(flags.concurrency ?? 1);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be an integer ≥ 1');
  const connection = redisUrl(flags, env);
  const dataDir = path.resolve(flags.dataDir ?? '.reelsmith');
  const options = await loadConfig(flags.config, {
    outDir: path.resolve(flags.out ?? 'reelsmith-out'),
    dataDir,
  });
  const checkpoints = options.checkpoints ?? createRedisCheckpointStore({ connection });
  const limiters = createRedisLimiters({ connection, limits: options.limits ?? {} });
  const { jobSource, ...rest } = options;
  const pipeline = createAffiliatePipeline({
    dataDir,
    events: options.events ?? createEventBus(),
    ...rest,
    checkpoints,
    limiters: limiters.forProvider,
  });
  const breakers = pipeline.runtime.breakers
    ? shareBreakers({ connection, events: pipeline.events, breakers: pipeline.runtime.breakers })
    : undefined;
  await breakers?.ready;
  const log = eventLogFrom({ ...flags, redis: connection }, env);
  const recorder = recordEvents(pipeline.events, log);
  const channels = alertChannelsFromEnv(env);
  const alerts = createAlerts({
    events: pipeline.events,
    log,
    channels,
    localLog: path.join(dataDir, 'alerts.jsonl'),
    rules: {
      diskSpace: { path: dataDir },
      ...(options.budget?.perRunUsd !== undefined ? { budget: { perRunUsd: options.budget.perRunUsd } } : {}),
    },
  });
  const stopTokenChecks = watchTokens(dataDir, env, pipeline.events);
  const stopSummary =
    env.REELSMITH_SUMMARY_AT && channels.length > 0
      ? scheduleDailySummary({
          at: env.REELSMITH_SUMMARY_AT,
          timeZone: env.REELSMITH_TIMEZONE ?? 'UTC',
          channels,
          log,
        })
      : () => undefined;
  const worker = createPipelineWorker(pipeline, {
    connection,
    ...(flags.queue ? { name: flags.queue } : {}),
    concurrency,
    ...(jobSource ? { jobSource } : {}),
  });
  worker.worker.on('completed', (job) =>
    output.write(`✓ ${job.data.job.title ?? job.data.runId} (${job.data.runId})\n`),
  );
  worker.worker.on('failed', (job, error) =>
    output.write(`✗ ${job?.data.job.title ?? job?.id}: ${error.message}\n`),
  );
  output.write(
    `Worker on queue "${flags.queue ?? 'reelsmith'}" at ${connection.replace(/\/\/[^@]*@/, '//…@')}, ${concurrency} at once; ` +
      `${channels.length} alert channel(s). Stop with Ctrl+C or SIGTERM (running videos finish or go back to the queue).\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    stopSignal?.addEventListener('abort', stop, { once: true });
  });
  output.write('Stopping: finishing or handing back running videos…\n');
  await worker.close();
  stopSummary();
  stopTokenChecks();
  await alerts.close();
  recorder.detach();
  await recorder.flushed();
  await Promise.all([
    breakers?.close(),
    limiters.close(),
    (checkpoints as { close?: () => Promise<void> }).close?.(),
    log.close?.(),
  ]);
  await (options.renderer as { close?: () => Promise<void> }).close?.();
  return exitCodes.ok;
}

const tokenCheckEveryMs = 6 * 3_600_000;

/**
 * With a token file (`reelsmith auth login …`), checks the accounts at start and every 6 hours,
 * so `token:expiring` and `token:invalid` reach the alerts before a publish fails.
 */
function watchTokens(dataDir: string, env: NodeJS.ProcessEnv, events: EventBus): () => void {
  const file = path.join(dataDir, 'tokens.json');
  if (!existsSync(file)) return () => undefined;
  const tokens = tokenManagerFrom({ tokens: file }, { env, managerOptions: { events } });
  const check = () => void tokens.checkExpiry().catch(() => undefined);
  check();
  const timer = setInterval(check, tokenCheckEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
