// Reelsmith embedded in a Node HTTP app: POST /videos starts a video in the background, GET
// /videos/:runId/events streams its events (Server-Sent Events). Offline providers, no API keys.
//
//   npm run build                                  # once, from the repository root
//   npm start -w @reelsmith/example-embed-in-app   # or: node examples/embed-in-app/server.mjs
//   curl -N -X POST localhost:3000/videos -H 'content-type: application/json' \
//     -d '{"title":"Insulated steel water bottle"}'
//
// With REELSMITH_REDIS_URL set, videos are queued on BullMQ and their events read from the shared
// Redis event log; this process also runs one worker unless --no-worker is given.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAffiliatePipeline, recordEvents, registerSecret } from '@reelsmith/core';
import { createJobQueue, createPipelineWorker } from '@reelsmith/queue-bullmq';
import { createRedisCheckpointStore, createRedisEventLog } from '@reelsmith/store-redis';
import { appHandler } from './app-page.mjs';
import { offlineProviders } from './offline-providers.mjs';
import { createVideoServer } from './video-routes.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    catalog: { type: 'string' },
    out: { type: 'string' },
    browser: { type: 'string' },
    'no-worker': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(
    'usage: node server.mjs [--port 3000] [--host 127.0.0.1] [--catalog products.json] [--out folder] ' +
      '[--browser /usr/bin/chromium] [--no-worker]\n' +
      'env: PORT, HOST, REELSMITH_REDIS_URL (queue on BullMQ), REELSMITH_QUEUE (queue name, default reelsmith)',
  );
  process.exit(0);
}

const outDir = path.resolve(values.out ?? path.join(import.meta.dirname, 'out'));
const dataDir = path.join(outDir, '.reelsmith');
const redisUrl = process.env.REELSMITH_REDIS_URL;
// A password in the Redis URL must never reach an event, a log line or an answer.
const redisPassword = redisUrl ? decodeURIComponent(new URL(redisUrl).password) : '';
if (redisPassword) registerSecret(redisPassword);

const closers = [];
const providers = () =>
  offlineProviders({
    outDir: path.join(outDir, 'videos'),
    ...(values.catalog ? { catalog: values.catalog } : {}),
    ...(values.browser ? { browser: values.browser } : {}),
  });
/** A pipeline on the offline providers; `close` shuts its browser. */
async function offlinePipeline(extra = {}) {
  const options = await providers();
  closers.push(() => options.renderer.close?.());
  return createAffiliatePipeline({ ...options, dataDir, budget: { perRunUsd: 1 }, ...extra });
}

let serverOptions;
if (redisUrl) {
  const name = process.env.REELSMITH_QUEUE ?? 'reelsmith';
  const queue = createJobQueue({ connection: redisUrl, name });
  const eventLog = createRedisEventLog({ connection: redisUrl });
  closers.push(
    () => queue.close(),
    () => eventLog.close(),
  );
  if (!values['no-worker']) {
    const checkpoints = createRedisCheckpointStore({ connection: redisUrl });
    const pipeline = await offlinePipeline({ checkpoints });
    const recorder = recordEvents(pipeline.events, eventLog);
    const worker = createPipelineWorker(pipeline, { connection: redisUrl, name, handleSignals: false });
    // Stop taking jobs first, then flush the events, then drop the connections.
    closers.unshift(
      () => worker.close(),
      () => recorder.flushed(),
      () => checkpoints.close?.(),
    );
  }
  serverOptions = { queue, eventLog };
  console.log(
    `Queued mode: BullMQ queue "${name}" at ${redisUrl.replace(/\/\/[^@]*@/, '//…@')}` +
      (values['no-worker'] ? ' (no worker here: run `reelsmith worker --config offline-providers.mjs`)' : ''),
  );
} else {
  serverOptions = { pipeline: await offlinePipeline() };
  console.log('In-process mode: one video at a time, in this process.');
}

const app = createVideoServer({ ...serverOptions, app: appHandler });
const base = await app.listen(Number(values.port), values.host);
console.log(`Listening on ${base} — open it in a browser, or:
  curl -s -X POST ${base}/videos -H 'content-type: application/json' -d '{"title":"Insulated steel water bottle"}'
  curl -N ${base}/videos/<runId>/events
Videos go to ${path.join(outDir, 'videos')}. Stop with Ctrl+C.`);

const stop = async () => {
  console.log('Stopping…');
  await app.close();
  for (const close of closers) await close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
