import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobQueue } from '../src/job-queue.js';
import { createPipelineWorker } from '../src/pipeline-worker.js';
import { fakeDeployment } from '../src/testing/fake-pipeline.js';

// A private Redis (with AOF persistence, like production) that the test can stop and start.
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--save', '', '--dir', dir],
    {
      stdio: 'ignore',
    },
  );
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
  probe.on('error', () => undefined);
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`redis-server did not start on ${port}`);
}

describe('Redis restarted mid-run', () => {
  it('the worker reconnects and finishes the run; nothing is lost', async () => {
    const port = await freePort();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-redis-restart-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    let redis = await startRedis(port, dir);
    cleanups.push(async () => {
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
      redis.kill('SIGKILL');
    });
    const url = `redis://127.0.0.1:${port}`;
    const deployment = fakeDeployment({ renderLatencyMs: 1500 });
    const queue = createJobQueue({ connection: url, name: 'restart', attempts: 2, backoffMs: 10 });
    const worker = createPipelineWorker(deployment.pipeline(), {
      connection: url,
      name: 'restart',
      handleSignals: false,
    });
    cleanups.push(() => queue.close());
    cleanups.push(() => worker.close());
    const rendering = new Promise<void>((resolve) => {
      worker.worker.on('progress', (_job, progress) => {
        if ((progress as { phase?: string }).phase === 'render') resolve();
      });
    });
    await queue.enqueue(['Espresso machine']);
    await rendering;

    // SHUTDOWN writes the append-only file; the same server comes back on the same port.
    spawnSync('redis-cli', ['-p', String(port), 'shutdown']);
    await new Promise((resolve) => redis.once('exit', resolve));
    redis = await startRedis(port, dir);

    const end = Date.now() + 30_000;
    while ((await queue.counts()).completed < 1) {
      if (Date.now() > end) throw new Error(`not completed: ${JSON.stringify(await queue.counts())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await queue.counts()).toMatchObject({ completed: 1, failed: 0, waiting: 0, active: 0 });
    expect(deployment.publisher.callCount).toBe(1);
    expect(deployment.script.callCount).toBe(1);
  }, 60_000);
});
