import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createJobQueue } from '../src/job-queue.js';

const url = process.env.REELSMITH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const workerFile = fileURLToPath(new URL('./fixtures/crash-worker.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Starts a worker process; resolves `line(prefix)` when it prints a line starting with it. */
function startWorker(args: string[]) {
  const child = spawn(process.execPath, [workerFile, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const line = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = output.split('\n').find((entry) => entry.startsWith(prefix));
        if (found) resolve(found);
      };
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        check();
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`worker exited (${code}) before "${prefix}": ${errors}`));
      });
      check();
    });
  return { child, line, killed: () => new Promise((resolve) => child.once('exit', resolve)) };
}

async function setup() {
  expect(existsSync(built), 'build @reelsmith/queue-bullmq first (npm run build)').toBe(true);
  const prefix = `reelsmith-crash:${randomUUID().slice(0, 8)}`;
  const name = 'crash';
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-crash-media-'));
  const redis = new Redis(url);
  const queue = createJobQueue({
    connection: url,
    name,
    prefix: `${prefix}:bull`,
    attempts: 2,
    backoffMs: 10,
  });
  cleanups.push(async () => {
    await queue.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await rm(mediaDir, { recursive: true, force: true });
  });
  const until = async (condition: () => Promise<boolean>, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!(await condition())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const calls = async (what: string) => Number((await redis.get(`${prefix}:calls:${what}`)) ?? 0);
  const posts = () => redis.llen(`${prefix}:posts`);
  return { prefix, name, mediaDir, queue, until, calls, posts, args: [url, name, prefix, mediaDir] };
}

describe('a worker killed with SIGKILL (child processes, real Redis)', () => {
  it('mid-render: another worker takes the stalled job over, resumes from its checkpoints and publishes once', async () => {
    const { queue, until, calls, posts, args } = await setup();
    await queue.enqueue(['Steel bottle']);
    const first = startWorker(args);
    await first.line('RENDERING');
    // The same product enqueued while it runs: one run.
    expect((await queue.enqueue(['steel bottle'])).duplicates).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.killed();
    startWorker(args);
    await until(async () => (await queue.counts()).completed === 1, 45_000);
    expect(await posts()).toBe(1);
    expect(await calls('script')).toBe(1);
    expect(await calls('images')).toBe(1);
    const [job] = await queue.queue.getJobs(['completed']);
    expect(job?.returnvalue.resumed).toBe(true);
  }, 60_000);

  it('after the platform accepted the post but before the result was saved: reconciled, not posted again', async () => {
    const { queue, until, posts, args } = await setup();
    await queue.enqueue(['Kettle']);
    const first = startWorker([...args, 'crash-after-post']);
    await first.line('POSTED');
    first.child.kill('SIGKILL');
    await first.killed();
    expect(await posts()).toBe(1);
    startWorker(args);
    await until(async () => (await queue.counts()).completed === 1, 45_000);
    expect(await posts()).toBe(1);
  }, 60_000);
});
