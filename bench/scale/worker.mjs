/**
 * One worker process of the scale benchmark, on the BUILT packages, set up like `reelsmith
 * worker`: the standard affiliate pipeline over the latency-injected fakes (fakes.mjs) with Redis
 * checkpoints, limits shared through Redis (`createRedisLimiters`: the voice provider's
 * concurrency and the publisher's rate across all workers), breakers shared through Redis, the
 * events recorded to the Redis event log, and `createPipelineWorker` taking jobs from the queue.
 * The fakes report to the Redis meter (meters.mjs), so the parent reads one set of figures for
 * all workers.
 *
 * Started by run.mjs with `fork` and one JSON argument:
 *   { url, queue, prefix, mediaDir, concurrency, faultRate, seed, latencies, limits, eventLog }
 * It sends `{ type: 'ready' }` once the BullMQ worker is connected; on `{ type: 'stop' }` it
 * closes the worker (active runs finish), flushes the event log, and answers
 * `{ type: 'stopped', requests, failedAttempts }`: the requests it sent to Redis so far (SDK vs
 * bench instrumentation; `ready` carries the same count at start) and the job attempts that failed.
 * It exits when the parent goes away.
 */
import { createFileMediaStore, recordEvents } from '@reelsmith/core';
import { createPipelineWorker } from '@reelsmith/queue-bullmq';
import {
  createRedisCheckpointStore,
  createRedisEventLog,
  createRedisLimiters,
  shareBreakers,
} from '@reelsmith/store-redis';
import { Redis } from 'ioredis';
import { createBenchPipeline, createFakes } from './fakes.mjs';
import { countRedisRequests, createRedisMeter, markBenchClient } from './meters.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');
const requests = countRedisRequests();
const { url, prefix } = config;

const benchRedis = markBenchClient(new Redis(url, { maxRetriesPerRequest: null }));
const fakes = createFakes({
  latencies: config.latencies,
  meter: createRedisMeter(benchRedis, prefix),
  faultRate: config.faultRate,
  seed: config.seed,
});
const checkpoints = createRedisCheckpointStore({ connection: url, prefix });
const limiters = createRedisLimiters({
  connection: url,
  prefix,
  limits: {
    [fakes.voice.id]: config.limits.voice,
    [fakes.publisher.id]: config.limits.publish,
  },
});
const pipeline = createBenchPipeline(fakes, {
  checkpoints,
  media: createFileMediaStore(config.mediaDir),
  limiters: limiters.forProvider,
});
const breakers = shareBreakers({
  connection: url,
  prefix,
  events: pipeline.events,
  breakers: pipeline.runtime.breakers,
});
await breakers.ready;
const log = config.eventLog ? createRedisEventLog({ connection: url, prefix }) : undefined;
const recorder = log ? recordEvents(pipeline.events, log) : undefined;

const worker = createPipelineWorker(pipeline, {
  connection: url,
  name: config.queue,
  prefix: `${prefix}:bull`,
  concurrency: config.concurrency,
  shutdownTimeoutMs: 5000,
  handleSignals: true,
});
let failedAttempts = 0;
worker.worker.on('failed', (job, error) => {
  failedAttempts += 1;
  if (config.verbose) process.stderr.write(`attempt failed: ${job?.id} ${error.message}\n`);
});
await worker.worker.waitUntilReady();

let stopping;
const stop = () => {
  stopping ??= (async () => {
    await worker.close();
    recorder?.detach();
    await recorder?.flushed();
    const snapshot = requests ? { ...requests } : undefined;
    await Promise.all([breakers.close(), limiters.close(), checkpoints.close(), log?.close()]);
    await benchRedis.quit().catch(() => undefined);
    return snapshot;
  })();
  return stopping;
};

process.on('message', async (message) => {
  if (message?.type !== 'stop') return;
  const snapshot = await stop();
  process.send?.({ type: 'stopped', requests: snapshot, failedAttempts }, () => process.exit(0));
});
// The parent died or closed the channel: stop without reporting.
process.on('disconnect', () => {
  void stop().finally(() => process.exit(0));
});
process.send?.({ type: 'ready', requests: requests ? { ...requests } : undefined });
