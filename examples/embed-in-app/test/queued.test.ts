// The embedded server in its queued mode, against the real Redis at 127.0.0.1:6379 (started by
// .ci/run): POST enqueues on BullMQ, an in-process worker runs the fake pipeline and records its
// events to the Redis event log, and the stream follows that log.
import { randomUUID } from 'node:crypto';
import { type Pipeline, recordEvents } from '@reelsmith/core';
import { createJobQueue, createPipelineWorker } from '@reelsmith/queue-bullmq';
import { createRedisEventLog } from '@reelsmith/store-redis';
import { createFakePublisher } from '@reelsmith/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { dropPrefix, redisTestUrl } from '../../../packages/store-redis/src/testing/redis-test-url.js';
import { createVideoServer } from '../video-routes.mjs';
import { expectPhasesInOrder, fakePipeline, postVideo, readEvents } from './helpers.js';

const connection = redisTestUrl;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A queue, an event log and a worker under names no other test uses; all removed afterwards. */
async function deploy(pipeline: Pipeline, { worker: startWorker = true } = {}) {
  const name = `embed-${randomUUID().slice(0, 8)}`;
  const prefix = `reelsmith-test:${name}`;
  const queue = createJobQueue({
    connection,
    name,
    prefix: 'reelsmith-test-bull',
    attempts: 2,
    backoffMs: 10,
  });
  const eventLog = createRedisEventLog({ connection, prefix });
  const recorder = recordEvents(pipeline.events, eventLog);
  const workers: Array<{ close(): Promise<void> }> = [];
  const runWorker = () =>
    workers.push(
      createPipelineWorker(pipeline, {
        connection,
        name,
        prefix: 'reelsmith-test-bull',
        handleSignals: false,
      }),
    );
  if (startWorker) runWorker();
  const server = createVideoServer({ queue, eventLog, pollIntervalMs: 20 });
  cleanups.push(
    async () => {
      await queue.queue.obliterate({ force: true });
      await dropPrefix(prefix);
      await queue.close();
      await eventLog.close();
    },
    () => Promise.all(workers.map((worker) => worker.close())),
    () => recorder.flushed(),
    () => server.close(),
  );
  return { base: await server.listen(0), runWorker };
}

describe('embed-in-app, queued on BullMQ (real Redis)', () => {
  it('enqueues, then streams the worker’s events from the Redis log until run:end with the link', async () => {
    const pipeline = fakePipeline();
    const { base } = await deploy(pipeline);
    const answer = await postVideo(base, { title: 'Insulated steel water bottle' });
    expect(answer.status).toBe(202);
    const { events } = await readEvents(`${base}${answer.body.events}`);
    expectPhasesInOrder(pipeline, events, answer.body.runId);
    // SSE ids are the log's sequence numbers: increasing, so a client can resume with Last-Event-ID.
    const ids = events.map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });

  it('keeps streaming through a failed attempt: run:retry, then the resumed run ends with the link', async () => {
    // Both calls of the first attempt (one try and its retry) fail; BullMQ's second attempt publishes.
    const publisher = createFakePublisher({ platform: 'fake', failures: ['transient', 'transient'] });
    const pipeline = fakePipeline({ publishers: [publisher] });
    const { base } = await deploy(pipeline);
    const answer = await postVideo(base, { asin: 'B0C1234567' });
    const { events } = await readEvents(`${base}${answer.body.events}`);
    const names = events.map((event) => event.event);
    const retry = names.indexOf('run:retry');
    expect(retry).toBeGreaterThan(0);
    expect(events[retry]?.data).toMatchObject({ status: 'failed', attempt: 1 });
    // The second attempt resumes the same run: finished phases are skipped, not paid again.
    expect(names.slice(retry)).toContain('phase:skip');
    expect(events.at(-1)).toMatchObject({
      event: 'run:end',
      data: { status: 'succeeded', links: { fake: expect.stringMatching(/^https:\/\//) } },
    });
    expect(publisher.posts).toHaveLength(1);
  });

  it('answers a POST for a product already queued with the run that is queued', async () => {
    const pipeline = fakePipeline();
    const { base, runWorker } = await deploy(pipeline, { worker: false });
    const first = await postVideo(base, { asin: 'B0C7654321' });
    const second = await postVideo(base, { url: 'https://www.amazon.com/dp/B0C7654321?th=1' });
    expect(first.body.duplicate).toBeUndefined();
    expect(second).toMatchObject({ status: 202, body: { runId: first.body.runId, duplicate: true } });
    runWorker();
    const { events } = await readEvents(`${base}${second.body.events}`);
    expect(events.at(-1)?.data.status).toBe('succeeded');
  });
});
