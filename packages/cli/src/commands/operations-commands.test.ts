import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileTokenStore } from '@reelsmith/auth';
import { createJobQueue } from '@reelsmith/queue-bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli.js';
import { dashboardCommand } from './dashboard-command.js';
import { workerCommand } from './worker-command.js';

const redis = process.env.REELSMITH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const config = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../test/fixtures/pending-config.ts',
);
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function capture() {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
    },
  };
  return { io: { stdout: stream, stderr: stream }, stream, text: () => text };
}

async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-cli-ops-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function queueName() {
  const name = `cli-${randomUUID().slice(0, 8)}`;
  cleanups.push(async () => {
    const queue = createJobQueue({ connection: redis, name });
    await queue.queue.obliterate({ force: true });
    await queue.close();
  });
  return name;
}

describe('reelsmith enqueue, queue status and worker (real Redis)', () => {
  it('queues products once, shows them waiting, and a worker makes them', async () => {
    const name = queueName();
    const enqueue = capture();
    expect(
      await runCli(
        ['enqueue', '--title', 'Kettle', '--title', 'kettle', '--queue', name, '--redis', redis],
        enqueue.io,
      ),
    ).toBe(0);
    expect(enqueue.text()).toContain('1 queued, 1 already queued');
    const status = capture();
    expect(await runCli(['queue', 'status', '--queue', name, '--redis', redis], status.io)).toBe(0);
    expect(status.text()).toContain(`queue "${name}": 1 waiting, 0 active`);

    const dataDir = await tempDir();
    // An Instagram token 3 days from expiry: the worker's token check raises an alert at start.
    await createFileTokenStore(path.join(dataDir, 'tokens.json')).set({
      provider: 'instagram',
      account: 'instagram',
      accessToken: 'test-worker-ig-token-not-real',
      obtainedAt: new Date(Date.now() - 57 * 86_400_000).toISOString(),
      expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    const stop = new AbortController();
    const output = capture();
    const running = workerCommand({ config, queue: name, redis, dataDir }, output.stream, {}, stop.signal);
    const queue = createJobQueue({ connection: redis, name });
    cleanups.push(() => queue.close());
    const end = Date.now() + 20_000;
    while ((await queue.counts()).completed < 1 && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 100));
    stop.abort();
    expect(await running).toBe(0);
    expect(output.text()).toMatch(/✓ Kettle \(kettle-[0-9a-f]{8}\)/);
    expect(output.text()).toContain('Stopping: finishing or handing back running videos');
    const alerts = await readFile(path.join(dataDir, 'alerts.jsonl'), 'utf8');
    expect(alerts).toContain('instagram');
    expect(alerts).not.toContain('test-worker-ig-token-not-real');
  });
});

describe('reelsmith report and dashboard', () => {
  it('reports the runs `run --pending` recorded, and the dashboard serves them', async () => {
    const dataDir = await tempDir();
    await runCli(
      ['run', '--pending', '--config', config, '--data-dir', dataDir, '--limit', '1'],
      capture().io,
    );
    const report = capture();
    expect(await runCli(['report', '--since', '1h', '--data-dir', dataDir], report.io)).toBe(0);
    expect(report.text()).toMatch(/1 (video|run)/i);
    const json = capture();
    await runCli(['report', '--json', '--data-dir', dataDir], json.io);
    expect(JSON.parse(json.text())).toBeTypeOf('object');

    const stop = new AbortController();
    const output = capture();
    const serving = dashboardCommand({ dataDir, port: 0 }, output.stream, {}, stop.signal);
    const end = Date.now() + 10_000;
    while (!output.text().includes('Dashboard: ') && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const url = /Dashboard: (\S+)/.exec(output.text())?.[1];
    const runs = (await (await fetch(`${url?.replace(/\/$/, '')}/api/runs`)).json()) as
      | { runs?: unknown[] }
      | unknown[];
    expect(JSON.stringify(runs)).toContain('"title":"Steel bottle"');
    stop.abort();
    expect(await serving).toBe(0);
  });

  it('refuses to serve the dashboard on a public address without a token', async () => {
    const result = capture();
    expect(
      await runCli(
        ['dashboard', '--host', '0.0.0.0', '--port', '0', '--data-dir', await tempDir()],
        result.io,
      ),
    ).toBe(2);
    expect(result.text()).toContain('token');
  });
});
