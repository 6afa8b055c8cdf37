import { randomUUID } from 'node:crypto';
import { createFakeJobSource } from '@reelsmith/testkit';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from './job-queue.js';
import { createPipelineWorker, type PipelineWorker } from './pipeline-worker.js';
import { fakeDeployment } from './testing/fake-pipeline.js';

const url = process.env.REELSMITH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

function names() {
  return { name: `q-${randomUUID().slice(0, 8)}`, prefix: 'reelsmith-test-bull' };
}

function queueFor(where: { name: string; prefix: string }, attempts = 2): JobQueue {
  const queue = createJobQueue({ connection: url, ...where, attempts, backoffMs: 10 });
  open.push(queue);
  return queue;
}

function workerFor(
  pipeline: ReturnType<ReturnType<typeof fakeDeployment>['pipeline']>,
  where: { name: string; prefix: string },
  extra: { shutdownTimeoutMs?: number } = {},
): PipelineWorker {
  const worker = createPipelineWorker(pipeline, {
    connection: url,
    ...where,
    handleSignals: false,
    ...extra,
  });
  open.push(worker);
  return worker;
}

/** Counts finished jobs from now on; `wait(n)` resolves once n jobs completed or failed. */
async function watch(where: { name: string; prefix: string }) {
  const events = new QueueEvents(where.name, {
    connection: new Redis(url, { maxRetriesPerRequest: null }),
    prefix: where.prefix,
  });
  open.push(events);
  await events.waitUntilReady();
  let done = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const check = () => {
    done += 1;
    for (const waiter of waiters.filter((entry) => done >= entry.count)) waiter.resolve();
  };
  events.on('completed', check);
  events.on('failed', check);
  return {
    wait: (count: number) =>
      done >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
  };
}

describe('queue and worker (real Redis)', () => {
  it('runs enqueued products once each; a product already queued is deduplicated', async () => {
    const where = names();
    const deployment = fakeDeployment();
    const queue = queueFor(where);
    const finished = await watch(where);
    const result = await queue.enqueue([
      'Steel bottle',
      { asin: 'B0C1234567' },
      'steel  BOTTLE',
      { url: 'https://www.amazon.com/dp/B0C1234567?th=1' },
    ]);
    expect(result.added.map((entry) => entry.index)).toEqual([0, 1]);
    expect(result.duplicates.map((entry) => entry.index)).toEqual([2, 3]);
    workerFor(deployment.pipeline(), where);
    await finished.wait(2);
    expect(deployment.publisher.callCount).toBe(2);
    const counts = await queue.counts();
    expect(counts).toMatchObject({ completed: 2, failed: 0, waiting: 0, active: 0 });
    const [completed] = await queue.queue.getJobs(['completed']);
    expect(completed?.returnvalue.urls.youtube).toMatch(/^https:\/\//);
    expect(completed?.progress).toMatchObject({ phase: expect.any(String) });
  });

  it('runs the same product again once the first run has finished', async () => {
    const where = names();
    const deployment = fakeDeployment();
    const queue = queueFor(where);
    workerFor(deployment.pipeline(), where);
    const finished = await watch(where);
    await queue.enqueue(['Kettle']);
    await finished.wait(1);
    expect((await queue.enqueue(['Kettle'])).added).toHaveLength(1);
    await finished.wait(2);
    expect(deployment.publisher.callCount).toBe(2);
  });

  it('on close, hands a long run back to the queue and another worker resumes it without paying again', async () => {
    const where = names();
    const deployment = fakeDeployment({ renderLatencyMs: 1500 });
    const queue = queueFor(where);
    const first = workerFor(deployment.pipeline(), where, { shutdownTimeoutMs: 100 });
    const rendering = new Promise<void>((resolve) => {
      first.worker.on('progress', (_job, progress) => {
        if ((progress as { phase?: string }).phase === 'render') resolve();
      });
    });
    await queue.enqueue(['Blender']);
    await rendering;
    await first.close();
    expect(await queue.counts()).toMatchObject({ failed: 0, completed: 0 });
    const finished = await watch(where);
    workerFor(deployment.pipeline(), where);
    await finished.wait(1);
    const [job] = await queue.queue.getJobs(['completed']);
    expect(job?.returnvalue.resumed).toBe(true);
    expect(job?.attemptsMade).toBe(1);
    expect(deployment.script.callCount).toBe(1);
    expect(deployment.publisher.callCount).toBe(1);
  });

  it('fails a job at once, without more attempts, when no attempt can fix it', async () => {
    const where = names();
    const deployment = fakeDeployment();
    const inner = deployment.options.script;
    deployment.options.script = {
      ...inner,
      generateScript: async (input, callOptions) => {
        const result = await inner.generateScript(input, callOptions);
        return { ...result, script: { ...result.script, callToAction: 'Only $9.99 today!' } };
      },
    };
    const queue = queueFor(where, 3);
    workerFor(deployment.pipeline(), where);
    const finished = await watch(where);
    await queue.enqueue(['Toaster']);
    await finished.wait(1);
    const [job] = await queue.queue.getJobs(['failed']);
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toContain('spoken-price');
  });

  it('takes jobs from a job source and writes each outcome back', async () => {
    const where = names();
    const deployment = fakeDeployment();
    const inner = deployment.options.script;
    deployment.options.script = {
      ...inner,
      generateScript: async (input, callOptions) => {
        const result = await inner.generateScript(input, callOptions);
        const priced = input.product.title.includes('Priced');
        return priced ? { ...result, script: { ...result.script, hook: 'Just $5!' } } : result;
      },
    };
    const source = createFakeJobSource({
      jobs: [
        { id: 'rec1', title: 'Kettle' },
        { id: 'rec2', title: 'Priced gadget' },
      ],
    });
    const queue = queueFor(where, 2);
    const result = await queue.enqueuePending(source);
    expect(result.added).toHaveLength(2);
    expect(source.record('rec1')).toMatchObject({ status: 'processing', runId: result.added[0]?.runId });
    const finished = await watch(where);
    const worker = createPipelineWorker(deployment.pipeline(), {
      connection: url,
      ...where,
      handleSignals: false,
      jobSource: source,
    });
    open.push(worker);
    await finished.wait(2);
    expect(source.record('rec1')).toMatchObject({ status: 'done', urls: { youtube: expect.any(String) } });
    expect(source.record('rec2')?.status).toBe('failed');
    expect(source.record('rec2')?.error).toContain('spoken-price');
  });
});
