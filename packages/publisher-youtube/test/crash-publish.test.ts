import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoopbackService, serveHandlers } from '@reelsmith/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeYouTube, type FakeYouTube, googleApiOrigin } from '../src/testing/youtube-service.js';
import { hasMarkerLine } from '../src/video-metadata.js';

// Exactly-once publishing across SIGKILL. The fake YouTube lives in THIS process (served on
// loopback by serveHandlers, not msw, so its state survives the child); each child runs the real
// engine on the built packages with file stores in a temp dir, and is killed at one point.
const worker = fileURLToPath(new URL('./crash-worker.mjs', import.meta.url));
const built = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const coreBuilt = fileURLToPath(new URL('../../core/dist/index.js', import.meta.url));
const chunk = 256 * 1024;
const videoBytes = 4 * chunk + 100_000; // five chunks, the last one short

type Mode = 'run' | 'kill-before-intent' | 'kill-after-intent' | 'kill-before-result';
interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setUp(): Promise<{ fake: FakeYouTube; service: LoopbackService; dataDir: string }> {
  expect(existsSync(built), 'build first (npm run build): the worker imports ../dist/index.js').toBe(true);
  expect(existsSync(coreBuilt), 'build first (npm run build): the worker imports @reelsmith/core').toBe(true);
  const fake = createFakeYouTube();
  const service = await serveHandlers(fake.handlers, { origin: googleApiOrigin });
  fake.setPublicOrigin(service.url);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-youtube-crash-'));
  cleanups.push(
    () => service.close(),
    () => rm(dataDir, { recursive: true, force: true }),
  );
  return { fake, service, dataDir };
}

let current: ChildProcess | undefined;
function runWorker(dataDir: string, serviceUrl: string, mode: Mode): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dataDir, serviceUrl, mode, String(videoBytes)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    current = child;
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (data: Buffer) => {
      stdout += data.toString();
    });
    child.stderr?.on('data', (data: Buffer) => {
      stderr += data.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Kills the running child from inside the fake's handler, and waits until it is gone. */
async function killChild(): Promise<void> {
  const child = current;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

async function crashThenResume(dataDir: string, service: LoopbackService, mode: Mode) {
  const crashed = await runWorker(dataDir, service.url, mode);
  expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
  const resumed = await runWorker(dataDir, service.url, 'run');
  expect(resumed.code, resumed.stderr).toBe(0);
  const report = JSON.parse(resumed.stdout.trim().split('\n').at(-1) ?? '{}') as {
    post: { id: string; marker: string };
    reconciled: boolean;
  };
  return report;
}

function expectOnePost(fake: FakeYouTube, report: { post: { id: string; marker: string } }) {
  expect(fake.videos).toHaveLength(1);
  expect(fake.videos[0]?.id).toBe(report.post.id);
  expect(hasMarkerLine(fake.videos[0]?.snippet.description, report.post.marker)).toBe(true);
}

describe('YouTube publish exactly once across SIGKILL (real engine, built packages)', () => {
  it('killed before the intent write: the resumed run uploads once', async () => {
    const { fake, service, dataDir } = await setUp();
    const report = await crashThenResume(dataDir, service, 'kill-before-intent');
    expectOnePost(fake, report);
    expect(fake.sessionsStarted()).toBe(1);
    expect(report.reconciled).toBe(false);
  }, 30_000);

  it('killed after the intent write: findExisting finds nothing, the resumed run uploads once', async () => {
    const { fake, service, dataDir } = await setUp();
    const report = await crashThenResume(dataDir, service, 'kill-after-intent');
    expectOnePost(fake, report);
    expect(fake.sessionsStarted()).toBe(1);
    expect(service.requests.some((request) => request.url.includes('/youtube/v3/playlistItems'))).toBe(true);
  }, 30_000);

  it('killed mid-upload: the resumed run continues the same session from the server offset', async () => {
    const { fake, service, dataDir } = await setUp();
    fake.hooks.onChunkStored = async (session) => {
      if (session.received >= 2 * chunk) {
        fake.hooks.onChunkStored = undefined;
        await killChild();
      }
    };
    const before = () => fake.chunks.length;
    const crashed = await runWorker(dataDir, service.url, 'run');
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    const sentBeforeCrash = before();
    const resumed = await runWorker(dataDir, service.url, 'run');
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse(resumed.stdout.trim().split('\n').at(-1) ?? '{}');
    expectOnePost(fake, report);
    expect(fake.sessionsStarted()).toBe(1);
    expect(fake.chunks.slice(sentBeforeCrash)[0]?.start).toBe(2 * chunk);
    expect(fake.bytesReceived()).toBeLessThan(2 * videoBytes);
    expect(report.reconciled).toBe(false);
  }, 30_000);

  it('killed after YouTube accepted the last byte, before the answer arrived: the session yields the video', async () => {
    const { fake, service, dataDir } = await setUp();
    fake.hooks.onVideoCreated = async () => {
      fake.hooks.onVideoCreated = undefined;
      await killChild();
    };
    const report = await crashThenResume(dataDir, service, 'run');
    expectOnePost(fake, report);
    expect(report.reconciled).toBe(true);
    expect(fake.sessionsStarted()).toBe(1);
    expect(fake.bytesReceived()).toBe(videoBytes);
  }, 30_000);

  it('killed before the result write: the stored video id reconciles without a second upload', async () => {
    const { fake, service, dataDir } = await setUp();
    const report = await crashThenResume(dataDir, service, 'kill-before-result');
    expectOnePost(fake, report);
    expect(report.reconciled).toBe(true);
    expect(fake.sessionsStarted()).toBe(1);
    expect(fake.bytesReceived()).toBe(videoBytes);
  }, 30_000);
});
