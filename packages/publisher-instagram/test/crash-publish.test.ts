import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoopbackService, serveHandlers } from '@reelsmith/testkit';
import { http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createInstagramService, type InstagramService } from '../src/testing/instagram-service.js';

// Exactly-once publishing across SIGKILL. The fake Instagram lives in this process (its state
// survives the child); the child runs the real engine with the BUILT packages and is killed at
// each point of the publish, then a second child resumes on the same data dir.
const worker = fileURLToPath(new URL('./fixtures/crash-publish-worker.mjs', import.meta.url));
const builtPackage = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const builtCore = fileURLToPath(new URL('../../core/dist/index.js', import.meta.url));
const videoBytes = 64 * 1024;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  lines: string[];
  stderr: string;
}

/** A fake Instagram on two loopback servers (Graph and rupload) and a way to kill the current child. */
async function startService() {
  const service: InstagramService = createInstagramService({ switches: { pollsBeforeFinished: 2 } });
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  /** Kills the running child and waits until it is gone, so no answer reaches it. */
  const kill = async () => {
    child?.kill('SIGKILL');
    await exited;
  };
  let killOnRequest: ((method: string, pathname: string) => boolean) | undefined;
  const watch = http.all('*', async ({ request }) => {
    if (killOnRequest?.(request.method, new URL(request.url).pathname)) {
      killOnRequest = undefined;
      await kill();
    }
    return undefined;
  });
  const graph: LoopbackService = await serveHandlers([watch, ...service.handlers], {
    origin: 'https://graph.facebook.com',
  });
  const rupload: LoopbackService = await serveHandlers([watch, ...service.handlers], {
    origin: 'https://rupload.facebook.com',
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-instagram-sigkill-'));
  cleanups.push(graph.close, rupload.close, () => rm(dataDir, { recursive: true, force: true }));

  const run = (extra: string[] = [], onLine?: (line: string) => void) =>
    new Promise<Run>((resolve, reject) => {
      const started = spawn(
        process.execPath,
        [worker, dataDir, graph.url, rupload.url, String(videoBytes), ...extra],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = started;
      exited = new Promise((done) => started.once('exit', () => done()));
      const lines: string[] = [];
      let stderr = '';
      let buffer = '';
      started.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let index = buffer.indexOf('\n'); index >= 0; index = buffer.indexOf('\n')) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 1);
          lines.push(line);
          onLine?.(line);
        }
      });
      started.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      started.on('error', reject);
      started.on('close', (code, signal) => resolve({ code, signal, lines, stderr }));
    });
  return {
    service,
    run,
    kill,
    killWhen: (predicate: (method: string, pathname: string) => boolean) => {
      killOnRequest = predicate;
    },
  };
}

/** Resumes with a second child and checks exactly one post exists and the run reports it. */
async function resumeAndCheck(fake: Awaited<ReturnType<typeof startService>>) {
  const resumed = await fake.run();
  expect(resumed.code, resumed.stderr).toBe(0);
  const report = JSON.parse(resumed.lines.at(-1) ?? '{}') as {
    post: { id: string; url: string };
    reconciled: boolean;
  };
  expect(fake.service.state.media).toHaveLength(1);
  expect(report.post.id).toBe(fake.service.state.media[0]?.id);
  expect(report.post.url).toBe(fake.service.state.media[0]?.permalink);
  expect(resumed.stderr).not.toContain('test-access-token-not-real');
  return report;
}

describe('exactly-once Instagram publishing across a SIGKILL', () => {
  it('the built packages exist', () => {
    expect(existsSync(builtPackage) && existsSync(builtCore), 'build first (npm run build)').toBe(true);
  });

  it('killed before the intent write → the resumed run publishes once', async () => {
    const fake = await startService();
    const crashed = await fake.run(['hold-after-store'], (line) => {
      if (line === 'STORED') void fake.kill();
    });
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(fake.service.state.requests).toEqual([]);
    const report = await resumeAndCheck(fake);
    expect(report.reconciled).toBe(false);
    expect(fake.service.state.containers.size).toBe(1);
  });

  it('killed after the intent write, before any container → one container, one post', async () => {
    const fake = await startService();
    fake.killWhen((method, pathname) => method === 'GET' && pathname.endsWith('/content_publishing_limit'));
    const crashed = await fake.run();
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(fake.service.state.containers.size).toBe(0);
    await resumeAndCheck(fake);
    expect(fake.service.state.containers.size).toBe(1);
  });

  it('killed mid-upload → the resumed upload continues from the server offset', async () => {
    const fake = await startService();
    fake.service.switches.onUploadBytes = async (container) => {
      if (container.received >= 3 * 8192) {
        fake.service.switches.onUploadBytes = undefined;
        await fake.kill();
      }
    };
    const crashed = await fake.run();
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    const [container] = [...fake.service.state.containers.values()];
    expect(container?.received).toBe(3 * 8192);
    await resumeAndCheck(fake);
    expect(fake.service.state.containers.size).toBe(1);
    expect(container?.received).toBe(videoBytes);
    expect(fake.service.state.uploadedBytes).toBeLessThan(2 * videoBytes);
    expect(fake.service.state.uploadedBytes).toBe(videoBytes);
  });

  it('killed after Instagram accepted the post, before the answer → reconciled, no second post', async () => {
    const fake = await startService();
    fake.service.switches.onPublished = async () => {
      fake.service.switches.onPublished = undefined;
      await fake.kill();
    };
    const crashed = await fake.run();
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(fake.service.state.media).toHaveLength(1);
    const report = await resumeAndCheck(fake);
    expect(report.reconciled).toBe(true);
    expect(fake.service.state.containers.size).toBe(1);
  });

  it('killed after the media id was stored, before the result write → reconciled by the stored id', async () => {
    const fake = await startService();
    fake.killWhen(
      (method, pathname) =>
        method === 'GET' && fake.service.state.media.some((media) => pathname.endsWith(`/${media.id}`)),
    );
    const crashed = await fake.run();
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    const report = await resumeAndCheck(fake);
    expect(report.reconciled).toBe(true);
    expect(fake.service.state.requests.filter((line) => line.endsWith('/media?fields=id'))).toEqual([]);
  });
});
