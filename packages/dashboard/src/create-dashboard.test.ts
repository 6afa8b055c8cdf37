import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { createEventBus, createJsonlEventLog, type EventLog, recordEvents } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createDashboard, type Dashboard } from './create-dashboard.js';
import { finishedRun, pipelineWithFakes, recordsFrom, tempDir } from './test-support/fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Partial<Parameters<typeof createDashboard>[0]> = {}) {
  const temp = await tempDir();
  cleanups.push(temp.remove);
  const file = path.join(temp.dir, 'events.jsonl');
  const log = createJsonlEventLog(file);
  const dashboard = await createDashboard({ log, port: 0, pollMs: 50, ...options });
  cleanups.push(() => dashboard.close());
  return { dashboard, log, file };
}

async function seed(log: EventLog, ...runs: Array<[string, string, Parameters<typeof finishedRun>[1]?]>) {
  for (const [start, runId, options] of runs) {
    for (const record of recordsFrom(start, finishedRun(runId, options)))
      await log.append(record.name, record.payload, record.at);
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const get = (dashboard: Dashboard, pathname: string, init?: RequestInit) =>
  fetch(new URL(pathname, dashboard.url), init);

describe('createDashboard', () => {
  it('rebuilds history from the log at start and serves runs, one run and stats', async () => {
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const log = createJsonlEventLog(path.join(temp.dir, 'events.jsonl'));
    const now = Date.now();
    await seed(
      log,
      [new Date(now - 3_600_000).toISOString(), 'old-ok'],
      [new Date(now - 1_800_000).toISOString(), 'old-bad', { status: 'failed' }],
    );
    const dashboard = await createDashboard({ log, port: 0, budget: { perDayUsd: 1 } });
    cleanups.push(() => dashboard.close());
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const runs = (await (await get(dashboard, '/api/runs')).json()) as {
      runs: Array<{ runId: string }>;
      platforms: string[];
    };
    expect(runs.runs.map((run) => run.runId)).toEqual(['old-bad', 'old-ok']);
    expect(runs.platforms).toEqual(['youtube']);
    const failed = (await (await get(dashboard, '/api/runs?status=failed&platform=youtube')).json()) as {
      runs: unknown[];
    };
    expect(failed.runs).toHaveLength(1);
    const run = (await (await get(dashboard, '/api/runs/old-bad')).json()) as { error: { phase: string } };
    expect(run.error.phase).toBe('publish:youtube');
    const stats = (await (await get(dashboard, '/api/stats?days=7')).json()) as {
      successRate: number;
      cost: { budgetPerDayUsd: number };
    };
    expect(stats.successRate).toBe(0.5);
    expect(stats.cost.budgetPerDayUsd).toBe(1);
    const chart = await get(dashboard, '/api/charts/phase-times.svg');
    expect(chart.headers.get('content-type')).toContain('image/svg+xml');
    expect(await chart.text()).toContain('data-phase="script"');
  });

  it('sends security headers and the page without inline script', async () => {
    const { dashboard } = await setup();
    const page = await get(dashboard, '/');
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    expect(html).not.toMatch(/<script>|<script type="module">|style="/);
    expect((await get(dashboard, '/app.js')).headers.get('content-type')).toContain('javascript');
    expect((await get(dashboard, '/api/runs', { method: 'POST' })).status).toBe(405);
  });

  it('answers bad input with 400 naming the parameter', async () => {
    const { dashboard } = await setup();
    const cases: Array<[string, string]> = [
      ['/api/runs?status=exploded', 'status'],
      ['/api/runs?limit=0', 'limit'],
      ['/api/runs?limit=ten', 'limit'],
      ['/api/runs?from=2026-13-45', 'from'],
      ['/api/runs?colour=red', 'colour'],
      ['/api/runs?status=failed&status=running', 'status'],
      ['/api/stats?days=1000', 'days'],
      ['/api/runs/%0Abad', 'runId'],
      ['/api/runs/%E0%A4%A', 'runId'],
      [`/api/runs/${'x'.repeat(201)}`, 'runId'],
    ];
    for (const [pathname, param] of cases) {
      const response = await get(dashboard, pathname);
      expect(response.status, pathname).toBe(400);
      expect(await response.json(), pathname).toMatchObject({ error: 'bad_request', param });
    }
    expect((await get(dashboard, '/api/runs/unknown-run')).status).toBe(404);
  });

  it('refuses requests whose Host header is not this server (DNS rebinding)', async () => {
    const { dashboard } = await setup();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(dashboard.url);
      request(
        { host: url.hostname, port: url.port, path: '/api/runs', headers: { host: 'attacker.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('requires the bearer token or a one-time login link when a token is set, and never shows it', async () => {
    const token = 'fake-dashboard-token-0123456789abcdef';
    const { dashboard } = await setup({ token });
    expect((await get(dashboard, '/api/runs')).status).toBe(401);
    expect((await get(dashboard, '/')).status).toBe(401);
    expect((await get(dashboard, '/api/runs', { headers: { authorization: 'Bearer nope' } })).status).toBe(
      401,
    );
    expect(
      (await get(dashboard, '/api/runs', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);

    const login = dashboard.createLoginUrl()!;
    expect(login).not.toContain(token);
    const redirect = await fetch(login, { redirect: 'manual' });
    expect(redirect.status).toBe(303);
    const cookie = redirect.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    const page = await get(dashboard, '/', { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(token);
    expect((await fetch(login, { redirect: 'manual' })).status).toBe(401);
  });

  it('refuses to start beyond loopback without a token', async () => {
    const temp = await tempDir();
    cleanups.push(temp.remove);
    await expect(
      createDashboard({ log: createJsonlEventLog(path.join(temp.dir, 'e.jsonl')), host: '0.0.0.0', port: 0 }),
    ).rejects.toThrow(/token/);
  });

  it('follows the log without a bus: events appended by another process appear', async () => {
    const { dashboard, file } = await setup();
    const records = recordsFrom(new Date().toISOString(), finishedRun('other-process'));
    for (const record of records)
      await appendFile(
        file,
        `${JSON.stringify({ at: record.at, name: record.name, payload: record.payload })}\n`,
      );
    const run = await waitFor(async () => {
      const response = await get(dashboard, '/api/runs/other-process');
      return response.status === 200 ? ((await response.json()) as { status: string }) : undefined;
    }, 'the run from the log');
    expect(run.status).toBe('succeeded');
  });

  it('with a bus: records a real pipeline run once, pushes it over SSE, and a restart loses nothing', async () => {
    const events = createEventBus();
    const { dashboard, log, file } = await setup({ events });
    const stream = await get(dashboard, '/api/events');
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const pipeline = pipelineWithFakes({ overrides: { events } });
    await pipeline.run('Steel bottle', { runId: 'live-1' });

    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('"status":"succeeded"')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value);
    }
    await reader.cancel();
    expect(text).toContain('event: hello');
    expect(text).toMatch(/event: run\ndata: \{"runId":"live-1"/);

    await dashboard.close();
    const starts = (await log.read()).filter((record) => record.name === 'run:start');
    expect(starts).toHaveLength(1);
    const again = await createDashboard({ log: createJsonlEventLog(file), port: 0 });
    cleanups.push(() => again.close());
    const run = (await (await get(again, '/api/runs/live-1')).json()) as {
      status: string;
      phases: unknown[];
      outputs: unknown[];
    };
    expect(run.status).toBe('succeeded');
    expect(run.phases.length).toBeGreaterThanOrEqual(10);
    expect(run.outputs).toHaveLength(1);
  });

  it('with record: false, relies on the app’s own recorder and does not write twice', async () => {
    const events = createEventBus();
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const log = createJsonlEventLog(path.join(temp.dir, 'events.jsonl'));
    const recorder = recordEvents(events, log);
    const dashboard = await createDashboard({ log, events, record: false, port: 0 });
    cleanups.push(() => dashboard.close());
    await pipelineWithFakes({ overrides: { events } }).run('Steel bottle', { runId: 'app-records' });
    await recorder.flushed();
    expect((await log.read()).filter((record) => record.name === 'run:start')).toHaveLength(1);
    const run = await waitFor(async () => {
      const body = (await (await get(dashboard, '/api/runs/app-records')).json()) as { status?: string };
      return body.status === 'succeeded' ? body : undefined;
    }, 'the run');
    expect(run.status).toBe('succeeded');
  });

  it('re-redacts payloads: registered and extra secrets never reach an answer', async () => {
    const webhook = 'https://hooks.slack.com/services/T000/B000/XXXXtest';
    const temp = await tempDir();
    cleanups.push(temp.remove);
    const log = createJsonlEventLog(path.join(temp.dir, 'events.jsonl'));
    await log.append('run:start', { runId: 'leaky', resumed: false }, new Date().toISOString());
    await log.append(
      'phase:error',
      {
        runId: 'leaky',
        phase: 'report',
        error: { name: 'Error', message: `posting to ${webhook} failed; key my-extra-secret-42` },
      },
      new Date().toISOString(),
    );
    const dashboard = await createDashboard({ log, port: 0, secrets: ['my-extra-secret-42'] });
    cleanups.push(() => dashboard.close());
    const body = await (await get(dashboard, '/api/runs/leaky')).text();
    expect(body).not.toContain('XXXXtest');
    expect(body).not.toContain('my-extra-secret-42');
    expect(body).toContain('[redacted]');
  });
});
