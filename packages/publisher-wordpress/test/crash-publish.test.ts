// Exactly once across SIGKILL: a child process publishes through the real engine (file
// checkpoints) to a fake WordPress site that lives in this process, is killed at each point,
// and a second child resumes on the same data directory.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPng, type LoopbackService, serveHandlers } from '@reelsmith/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeMp4 } from '../src/testing/draft-fixture.js';
import { createWordPressService, type WordPressService } from '../src/testing/wordpress-service.js';

const worker = fileURLToPath(new URL('./fixtures/crash-worker.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const videoBytes = fakeMp4(600_000);
const thumbnailBytes = createPng({ width: 16, height: 16 });
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/** Starts a worker; `child` is set before any output arrives, for hooks that kill it. */
function runWorker(
  dataDir: string,
  siteUrl: string,
  hang: string,
  onLine?: (line: string, kill: () => void) => void,
) {
  const handle: { child?: ChildProcess; done?: Promise<Run> } = {};
  handle.done = new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dataDir, siteUrl, hang], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    handle.child = child;
    const lines: string[] = [];
    let stderr = '';
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let index = buffer.indexOf('\n'); index >= 0; index = buffer.indexOf('\n')) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        lines.push(line);
        onLine?.(line, () => child.kill('SIGKILL'));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
  });
  return handle as { child: ChildProcess; done: Promise<Run> };
}

async function prepare(): Promise<{ dataDir: string; service: WordPressService; loop: LoopbackService }> {
  expect(existsSync(built), 'build first (npm run build)').toBe(true);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-wp-crash-'));
  await writeFile(path.join(dataDir, 'source.mp4'), videoBytes);
  await writeFile(path.join(dataDir, 'source.png'), thumbnailBytes);
  const service = createWordPressService();
  const loop = await serveHandlers(service.handlers, { origin: service.origin });
  cleanups.push(
    () => rm(dataDir, { recursive: true, force: true }),
    () => loop.close(),
  );
  return { dataDir, service, loop };
}

/** Kills the running worker from inside a fake-site hook and waits until it is gone. */
function killFromHook(state: { current?: { child: ChildProcess; done: Promise<Run> } }) {
  return async () => {
    const running = state.current!;
    running.child.kill('SIGKILL');
    await running.done;
  };
}

async function resume(dataDir: string, loop: LoopbackService) {
  const resumed = await runWorker(dataDir, loop.url, 'none').done;
  expect(resumed.code, resumed.stderr).toBe(0);
  return JSON.parse(resumed.lines.at(-1)!) as { post: { id: string; marker: string }; reconciled: boolean };
}

function expectExactlyOnce(service: WordPressService, report: { post: { id: string; marker: string } }) {
  expect(service.site.posts).toHaveLength(1);
  expect(report.post.id).toBe(String(service.site.posts[0]!.id));
  expect(service.site.posts[0]!.content).toContain(report.post.marker);
  expect(service.site.media.filter((item) => item.mime_type === 'video/mp4')).toHaveLength(1);
  expect(service.site.media.filter((item) => item.mime_type === 'image/png')).toHaveLength(1);
}

describe('exactly-once WordPress publishing across SIGKILL', () => {
  it('killed before the intent write (in validate): the resumed run publishes once', async () => {
    const { dataDir, service, loop } = await prepare();
    const crashed = await runWorker(
      dataDir,
      loop.url,
      'validate',
      (line, kill) => line === 'VALIDATING' && kill(),
    ).done;
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(loop.requests).toHaveLength(0);
    const report = await resume(dataDir, loop);
    expectExactlyOnce(service, report);
    expect(service.site.uploadedBytes.total).toBe(videoBytes.byteLength + thumbnailBytes.byteLength);
  }, 30_000);

  it('killed after the intent write, before any request: reconciliation finds nothing, then publishes once', async () => {
    const { dataDir, service, loop } = await prepare();
    const crashed = await runWorker(
      dataDir,
      loop.url,
      'publish',
      (line, kill) => line === 'PUBLISH-CALLED' && kill(),
    ).done;
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(loop.requests).toHaveLength(0);
    const report = await resume(dataDir, loop);
    expectExactlyOnce(service, report);
    expect(report.reconciled).toBe(false);
  }, 30_000);

  it('killed mid-upload after the site stored the video (answer lost): the resumed run reuses it, no second upload', async () => {
    const { dataDir, service, loop } = await prepare();
    const running: { current?: { child: ChildProcess; done: Promise<Run> } } = {};
    const kill = killFromHook(running);
    service.hooks.mediaStored = async (media) => {
      if (media.mime_type !== 'video/mp4') return;
      service.hooks.mediaStored = undefined;
      await kill();
    };
    running.current = runWorker(dataDir, loop.url, 'none');
    const crashed = await running.current.done;
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(service.site.media).toHaveLength(1);
    const report = await resume(dataDir, loop);
    expectExactlyOnce(service, report);
    // Continued from what the site holds: the video went over the wire once.
    expect(service.site.uploadedBytes.total).toBe(videoBytes.byteLength + thumbnailBytes.byteLength);
    expect(service.site.uploadedBytes.total).toBeLessThan(2 * videoBytes.byteLength);
  }, 30_000);

  it('killed mid-upload before the site stored the video: WordPress keeps no partial upload, so it is sent again once', async () => {
    const { dataDir, service, loop } = await prepare();
    const running: { current?: { child: ChildProcess; done: Promise<Run> } } = {};
    const kill = killFromHook(running);
    service.hooks.uploadReceived = async () => {
      service.hooks.uploadReceived = undefined;
      await kill();
      return 'drop' as const;
    };
    running.current = runWorker(dataDir, loop.url, 'none');
    const crashed = await running.current.done;
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(service.site.media).toHaveLength(0);
    const report = await resume(dataDir, loop);
    expectExactlyOnce(service, report);
    // The discarded body plus one complete upload: never more.
    expect(service.site.uploadedBytes.total).toBe(2 * videoBytes.byteLength + thumbnailBytes.byteLength);
  }, 30_000);

  it('killed after WordPress accepted the post, before the result write: reconciled by slug, no second post', async () => {
    const { dataDir, service, loop } = await prepare();
    const running: { current?: { child: ChildProcess; done: Promise<Run> } } = {};
    const kill = killFromHook(running);
    service.hooks.postStored = async () => {
      service.hooks.postStored = undefined;
      await kill();
    };
    running.current = runWorker(dataDir, loop.url, 'none');
    const crashed = await running.current.done;
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(service.site.posts).toHaveLength(1);
    const report = await resume(dataDir, loop);
    expectExactlyOnce(service, report);
    expect(report.reconciled).toBe(true);
    expect(service.site.uploadedBytes.total).toBe(videoBytes.byteLength + thumbnailBytes.byteLength);
  }, 30_000);
});
