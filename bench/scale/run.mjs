/**
 * Scale benchmark of the BullMQ scale-out (issue 8), on the BUILT packages, with Redis at
 * 127.0.0.1:6379 (or --redis). Prints figures; it is not a timed assertion. Three measurements:
 *
 * 1. baseline: `pipeline.runMany` of --baseline-jobs (200) jobs in this process, no Redis
 *    (in-memory checkpoints, in-process limits), at the same total concurrency and with the same
 *    fakes, file media store and limits;
 * 2. clean load: --workers (2) worker processes (worker.mjs, `createPipelineWorker`, --concurrency
 *    8 each, Redis checkpoints, limits shared through Redis) and --jobs (1,000) jobs enqueued with
 *    `createJobQueue` (attempts 3, backoff 100 ms); waits until all are completed or failed
 *    (cap --timeout s);
 * 3. faults load: the same with --fault-rate (5 %) transient faults per provider call.
 *
 * For each load: throughput (runs/min; ratio to the baseline), latency p50/p95 from enqueue to
 * completion and processing time (BullMQ job timestamps), Redis commands and requests per run,
 * the peaks against the shared limits, jobs lost, duplicate publishes and the completion rate.
 *
 * Exit code 0 when every invariant holds in both loads — no job lost, no duplicate publish, no
 * shared limit exceeded, every completed run published — and 1 otherwise. Worker processes, the
 * Redis keys (one unique prefix per bench run) and the temporary media folder are removed at the
 * end, on failure and on Ctrl+C too.
 *
 * Usage: npm run bench:scale [-- --jobs 1000 --workers 2 --concurrency 8 --fault-rate 0.05]
 * Latencies: BENCH_SCRIPT_MS, BENCH_IMAGE_MS, BENCH_VOICE_MS, BENCH_RENDER_MS, BENCH_PUBLISH_MS.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createFileMediaStore, sleep } from '@reelsmith/core';
import { createJobQueue } from '@reelsmith/queue-bullmq';
import { Redis } from 'ioredis';
import { createBenchPipeline, createFakes, createMemoryCheckpointStore, latenciesFromEnv } from './fakes.mjs';
import {
  countRedisRequests,
  createMemoryMeter,
  markBenchClient,
  readRedisMeter,
  serverCommands,
  watchLimiterSlots,
} from './meters.mjs';
import { printReport } from './report.mjs';
import { killWorkers, startWorker, stopWorker } from './worker-processes.mjs';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '1000' },
    'baseline-jobs': { type: 'string', default: '200' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '8' },
    'fault-rate': { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '42' },
    'voice-concurrency': { type: 'string', default: '4' },
    'publish-cap': { type: 'string', default: '50' },
    'publish-interval-ms': { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '240' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    'no-event-log': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const settings = {
  jobs: Number(values.jobs),
  baselineJobs: Number(values['baseline-jobs']),
  workers: Number(values.workers),
  concurrency: Number(values.concurrency),
  faultRate: Number(values['fault-rate']),
  seed: Number(values.seed),
  timeoutMs: Number(values.timeout) * 1000,
  url: values.redis,
  eventLog: !values['no-event-log'],
  latencies: latenciesFromEnv(),
  limits: {
    voice: { concurrency: Number(values['voice-concurrency']) },
    publish: {
      intervalCap: Number(values['publish-cap']),
      intervalMs: Number(values['publish-interval-ms']),
    },
  },
};

const requests = countRedisRequests();
const tag = `reelsmith-bench-scale-${process.pid}-${randomBytes(3).toString('hex')}`;
const queues = new Set();
const redis = markBenchClient(new Redis(settings.url, { maxRetriesPerRequest: 3 }));
redis.on('error', () => undefined);
let mediaRoot;

const percentile = (sorted, p) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const titles = (label, count) =>
  Array.from({ length: count }, (_, index) => `Bench kettle ${label} ${index + 1}`);

async function runBaseline() {
  const meter = createMemoryMeter();
  const fakes = createFakes({ latencies: settings.latencies, meter, seed: settings.seed });
  const pipeline = createBenchPipeline(fakes, {
    checkpoints: createMemoryCheckpointStore(),
    media: createFileMediaStore(path.join(mediaRoot, 'baseline')),
    limits: { [fakes.voice.id]: settings.limits.voice, [fakes.publisher.id]: settings.limits.publish },
  });
  const concurrency = settings.workers * settings.concurrency;
  await pipeline.runMany(titles('warm-up', concurrency), { concurrency });
  meter.reset();
  const started = performance.now();
  const outcomes = await pipeline.runMany(titles('baseline', settings.baselineJobs), { concurrency });
  const wallMs = performance.now() - started;
  const succeeded = outcomes.filter((outcome) => outcome.status === 'succeeded');
  const durations = succeeded.map((outcome) => outcome.result.durationMs).sort((a, b) => a - b);
  return {
    jobs: settings.baselineJobs,
    completed: succeeded.length,
    failed: outcomes.length - succeeded.length,
    wallMs,
    throughput: (succeeded.length / wallMs) * 60_000,
    processingP50: percentile(durations, 50),
    processingP95: percentile(durations, 95),
    meter: meter.read(),
  };
}

async function runLoad(label, faultRate, seed) {
  const prefix = `${tag}:${label}`;
  const name = `scale-${label}`;
  const workers = await Promise.all(
    Array.from({ length: settings.workers }, (_, index) =>
      startWorker({
        url: settings.url,
        queue: name,
        prefix,
        mediaDir: path.join(mediaRoot, label),
        concurrency: settings.concurrency,
        faultRate,
        seed: seed + index,
        latencies: settings.latencies,
        limits: settings.limits,
        eventLog: settings.eventLog,
        verbose: values.verbose,
      }),
    ),
  );
  const queue = createJobQueue({
    connection: settings.url,
    name,
    prefix: `${prefix}:bull`,
    attempts: 3,
    backoffMs: 100,
    keep: { completed: settings.jobs * 2, failed: settings.jobs * 2 },
  });
  queues.add(queue);
  await queue.queue.waitUntilReady();
  const serverBefore = await serverCommands(redis);
  const producerBefore = requests?.sdk ?? Number.NaN;
  const publishSlots = watchLimiterSlots(
    redis,
    prefix,
    'bench:publisher',
    settings.limits.publish.intervalMs,
  );
  const started = Date.now();
  const { added } = await queue.enqueue(titles(label, settings.jobs));
  const enqueueMs = Date.now() - started;
  let counts = await queue.counts();
  while (counts.completed + counts.failed < added.length && Date.now() - started < settings.timeoutMs) {
    await sleep(200);
    counts = await queue.counts();
  }
  const timedOut = counts.completed + counts.failed < added.length;
  const drainedMs = Date.now() - started;
  const stopped = await Promise.all(workers.map(stopWorker));
  const serverAfter = await serverCommands(redis);
  const producerAfter = requests?.sdk ?? Number.NaN;
  counts = await queue.counts();
  const slots = await publishSlots.stop();
  const completedJobs = await queue.queue.getJobs(['completed'], 0, -1);
  const meter = await readRedisMeter(redis, prefix);
  const latencies = completedJobs.map((job) => job.finishedOn - job.timestamp).sort((a, b) => a - b);
  const processing = completedJobs.map((job) => job.finishedOn - job.processedOn).sort((a, b) => a - b);
  const firstEnqueued = Math.min(...completedJobs.map((job) => job.timestamp));
  const lastFinished = Math.max(...completedJobs.map((job) => job.finishedOn));
  const finished = counts.completed + counts.failed;
  const sum = (pick) => stopped.reduce((total, message, index) => total + pick(message, workers[index]), 0);
  const workerRequests = (bucket) =>
    sum((message, worker) => (message?.requests?.[bucket] ?? Number.NaN) - (worker.ready?.[bucket] ?? 0));
  return {
    label,
    faultRate,
    enqueued: added.length,
    completed: counts.completed,
    failed: counts.failed,
    lost: added.length - counts.completed - counts.failed,
    timedOut,
    enqueueMs,
    drainedMs,
    wallMs: lastFinished - firstEnqueued,
    throughput: (counts.completed / (lastFinished - firstEnqueued)) * 60_000,
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    processingP50: percentile(processing, 50),
    processingP95: percentile(processing, 95),
    failedAttempts: sum((message) => message?.failedAttempts ?? Number.NaN),
    serverCommandsPerRun: (serverAfter - serverBefore) / finished,
    sdkRequestsPerRun: (workerRequests('sdk') + producerAfter - producerBefore) / finished,
    benchRequestsPerRun: workerRequests('bench') / finished,
    meter,
    slots,
  };
}

async function cleanup() {
  killWorkers();
  await Promise.all([...queues].map((queue) => queue.close().catch(() => undefined)));
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${tag}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.unlink(...keys);
    } while (cursor !== '0');
  } catch (error) {
    console.error(`could not delete the Redis keys ${tag}:* (${error.message})`);
  }
  if (mediaRoot) await rm(mediaRoot, { recursive: true, force: true });
  await redis.quit().catch(() => undefined);
  return removed;
}

// Cleans up once, whether the run ends, fails or is interrupted (Ctrl+C).
let finished;
const finish = () => {
  finished ??= cleanup().then((removed) =>
    console.log(`cleaned up: worker processes stopped, ${removed} Redis keys and the media folder removed`),
  );
  return finished;
};
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.error('\ninterrupted: cleaning up');
  void finish().finally(() => process.exit(130));
});

let exitCode = 1;
try {
  await redis.ping();
  mediaRoot = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-bench-scale-'));
  console.log(
    `scale: ${settings.jobs} jobs, ${settings.workers} workers × concurrency ${settings.concurrency}; ` +
      `latencies ms ${JSON.stringify(settings.latencies)}; Redis ${settings.url}, prefix ${tag}`,
  );
  console.log('measuring the in-process baseline…');
  const baseline = await runBaseline();
  console.log('measuring the clean load…');
  const clean = await runLoad('clean', 0, settings.seed);
  console.log(`measuring the load with ${(settings.faultRate * 100).toFixed(1)} % transient faults…`);
  const faults = await runLoad('faults', settings.faultRate, settings.seed + 1000);
  const ok = printReport({ settings, baseline, loads: [clean, faults] });
  exitCode = ok ? 0 : 1;
} catch (error) {
  if (!interrupted) console.error(error);
  exitCode = 1;
} finally {
  await finish();
}
process.exit(exitCode);
