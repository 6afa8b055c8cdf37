import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, createEventBus, createJsonlEventLog, type ReelsmithEvents } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlerts } from './create-alerts.js';
import { quotaMeters } from './rules/quota-meters.js';
import { createFakeClock, createRecordingChannel } from './testing/test-helpers.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-alerts-'));
  dirs.push(dir);
  return dir;
};

const at = '2026-11-24T08:00:00.000Z';
const failedRun = (runId: string, kind = 'auth', provider = 'fake:voice'): ReelsmithEvents['run:end'] => ({
  runId,
  jobId: `job-${runId}`,
  status: 'failed',
  costUsd: 0.05,
  durationMs: 10,
  at,
  error: {
    name: 'ProviderError',
    message: `[${provider}] scripted ${kind} failure`,
    kind,
    provider,
    status: 401,
  },
});
const succeededRun = (runId: string): ReelsmithEvents['run:end'] => ({
  runId,
  status: 'succeeded',
  costUsd: 0.1,
  durationMs: 10,
  at,
});

function setup(
  rules: Parameters<typeof createAlerts>[0]['rules'] = {},
  extra: Partial<Parameters<typeof createAlerts>[0]> = {},
) {
  const events = createEventBus();
  const clock = createFakeClock();
  const channel = createRecordingChannel();
  const alerts = createAlerts({ events, channels: [channel], clock, rules, ...extra });
  return { events, clock, channel, alerts };
}

describe('createAlerts', () => {
  it('sends one alert per distinct cause per window under a burst of retries and failed runs', async () => {
    const { events, clock, channel, alerts } = setup({ successRate: false });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      events.emit('provider:retry', {
        provider: 'fake:voice',
        capability: 'voice',
        method: 'voice',
        attempt,
        delayMs: 1,
        error: { name: 'ProviderError', message: 'throttled', kind: 'rate_limit', provider: 'fake:voice' },
      });
    }
    for (const runId of ['r1', 'r2', 'r3']) events.emit('run:end', failedRun(runId));
    events.emit('run:end', failedRun('r4', 'billing'));
    await alerts.flush();
    expect(channel.alerts.map((alert) => alert.key)).toEqual([
      'run-failed|fake:voice|auth',
      'run-failed|fake:voice|billing',
    ]);

    clock.advance(60 * 60_000);
    events.emit('run:end', failedRun('r5'));
    await alerts.flush();
    expect(channel.alerts).toHaveLength(3);
    expect(channel.alerts[2]).toMatchObject({ runId: 'r5', repeats: 2 });
  });

  it('names the failed phase, the cause and the fix of a failed run', async () => {
    const { events, channel, alerts } = setup();
    events.emit('phase:error', { runId: 'r1', phase: 'voice', error: failedRun('r1').error!, at });
    events.emit('run:end', failedRun('r1'));
    events.emit('run:end', { ...succeededRun('r2'), status: 'cancelled' });
    await alerts.flush();
    expect(channel.alerts).toHaveLength(1);
    expect(channel.alerts[0]).toMatchObject({
      rule: 'run-failed',
      severity: 'critical',
      title: 'Run failed: job-r1 (fake:voice auth)',
      message: expect.stringContaining('in phase voice failed'),
      fix: expect.stringContaining('reelsmith resume r1'),
      cause: 'auth',
      details: { phase: 'voice' },
    });
  });

  it('alerts on an open breaker at once when no run is in flight', async () => {
    const { events, channel, alerts } = setup();
    events.emit('breaker:open', { provider: 'fal', reason: 'billing', cooldownMs: 600_000, at });
    await alerts.flush();
    expect(channel.alerts[0]).toMatchObject({
      rule: 'breaker-open',
      severity: 'critical',
      provider: 'fal',
      cause: 'billing',
    });
    expect(channel.alerts[0]?.fix).toMatch(/Add funds/);
  });

  it('alerts when a run or the last 24 h go over budget', async () => {
    const { events, channel, alerts } = setup({ budget: { perRunUsd: 1, dailyUsd: 2 } });
    const cost = (runId: string, usd: number, totalUsd: number) =>
      events.emit('cost:add', { runId, provider: 'openai', usd, totalUsd });
    cost('r1', 0.8, 0.8);
    cost('r1', 0.4, 1.2);
    cost('r1', 0.1, 1.3);
    events.emit('run:end', { ...succeededRun('r1'), costUsd: 1.3 });
    cost('r2', 0.9, 0.9);
    await alerts.flush();
    expect(channel.alerts.map((alert) => alert.key)).toEqual(['budget-run', 'budget-daily']);
    expect(channel.alerts[0]?.title).toBe('Run over budget: $1.20 of $1.00');
    expect(channel.alerts[1]?.title).toBe('Daily spending over budget: $2.20 of $2.00');
  });

  it('alerts on expiring tokens within N days and on invalid tokens, with the command to run', async () => {
    const { events, channel, alerts } = setup({ tokenExpiring: { withinDays: 5 } });
    const expiring = (daysLeft: number) =>
      events.emit('token:expiring', {
        account: 'youtube',
        provider: 'google',
        expiresAt: '2026-11-27T00:00:00Z',
        daysLeft,
        at,
      });
    expiring(10);
    expiring(3);
    expiring(3);
    events.emit('token:invalid', {
      account: 'instagram',
      provider: 'instagram',
      reason: 'the long-lived token expired',
      at,
    });
    await alerts.flush();
    expect(channel.alerts.map((alert) => alert.rule)).toEqual(['token-expiring', 'token-invalid']);
    expect(channel.alerts[0]?.fix).toContain('reelsmith auth refresh youtube');
    expect(channel.alerts[1]).toMatchObject({
      severity: 'critical',
      fix: expect.stringContaining('reelsmith auth login instagram'),
    });
  });

  it('warns when a quota is 80 % used and again when it is used up', async () => {
    const { events, channel, alerts } = setup({
      quota: { meters: [quotaMeters.youtube({ unitsPerDay: 10_000, unitsPerUpload: 1_650 })] },
    });
    const publish = (n: number, reconciled = false) =>
      events.emit('publish:done', {
        runId: `r${n}`,
        platform: 'youtube',
        reconciled,
        post: {
          platform: 'youtube',
          id: `v${n}`,
          url: `https://youtu.be/v${n}`,
        } as ReelsmithEvents['publish:done']['post'],
      });
    for (let n = 1; n <= 4; n += 1) publish(n);
    publish(99, true);
    await alerts.flush();
    expect(channel.alerts).toHaveLength(0);
    publish(5);
    publish(6);
    publish(7);
    await alerts.flush();
    expect(channel.alerts.map((alert) => [alert.key, alert.severity])).toEqual([
      ['quota|youtube-units|near', 'warning'],
      ['quota|youtube-units|full', 'critical'],
    ]);
    expect(channel.alerts[0]?.title).toBe('YouTube Data API units: 82 % used');
  });

  it('counts ElevenLabs characters from the quantity of cost events', async () => {
    const { events, channel, alerts } = setup({
      quota: { meters: [quotaMeters.elevenLabs({ characters: 1_000 })] },
    });
    const charge = {
      runId: 'r1',
      provider: 'elevenlabs:eleven_multilingual_v2',
      usd: 0.1,
      totalUsd: 0.1,
      quantity: 850,
    };
    events.emit('cost:add', charge as ReelsmithEvents['cost:add']);
    await alerts.flush();
    expect(channel.alerts[0]).toMatchObject({
      key: 'quota|elevenlabs-characters|near',
      details: { used: '850', limit: '1,000' },
    });
  });

  it('checks the media folder’s free space with statfs', async () => {
    const { channel, alerts } = setup({
      diskSpace: {
        path: '/media',
        minFreeBytes: 1_000_000,
        statfs: async () => ({ bavail: 100, bsize: 4_096, blocks: 1_000_000 }),
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    await alerts.close();
    expect(channel.alerts[0]).toMatchObject({
      rule: 'disk-space',
      severity: 'warning',
      fix: expect.stringContaining('reelsmith cleanup'),
    });
    expect(channel.alerts[0]?.title).toBe('Low disk space: 0.4 MiB free at /media');
  });

  it('reads the real folder with fs.statfs without alerting when space is fine', async () => {
    const dir = await tempDir();
    const { channel, alerts } = setup({ diskSpace: { path: dir, minFreeBytes: 1, minFreeFraction: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await alerts.close();
    expect(channel.alerts).toHaveLength(0);
  });

  it('alerts on a low success rate, with the history read from the event log', async () => {
    const dir = await tempDir();
    const log = createJsonlEventLog(path.join(dir, 'events.jsonl'));
    const before = '2026-11-23T08:00:00.000Z';
    for (const runId of ['h1', 'h2', 'h3'])
      await log.append('run:end', failedRun(runId, 'quota', 'youtube'), before);
    await log.append('run:end', succeededRun('h4'), before);
    const events = createEventBus();
    const channel = createRecordingChannel();
    const alerts = createAlerts({
      events,
      log,
      channels: [channel],
      clock: createFakeClock(),
      rules: { runFailed: false, successRate: { runs: 10, minRate: 0.6, minRuns: 5 } },
    });
    await alerts.ready;
    events.emit('run:end', succeededRun('n1'));
    await alerts.flush();
    expect(channel.alerts).toHaveLength(1);
    expect(channel.alerts[0]).toMatchObject({
      key: 'success-rate',
      title: 'Success rate 40 % over the last 5 runs',
      message: expect.stringContaining('youtube quota ×3'),
    });
  });

  it('keeps a redacted local log of alerts, suppressions and deliveries', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'alerts.jsonl');
    const { events, alerts } = setup({}, { localLog: file });
    events.emit('run:end', {
      ...failedRun('r1'),
      error: { name: 'Error', message: 'used Bearer abcdefghijklmnop' },
    });
    events.emit('run:end', {
      ...failedRun('r2'),
      error: { name: 'Error', message: 'used Bearer abcdefghijklmnop' },
    });
    await alerts.close();
    const lines = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines.map((line) => line.type)).toEqual(['alert', 'suppressed', 'delivery']);
    expect(JSON.stringify(lines)).not.toContain('abcdefghijklmnop');
  });

  it('respects a channel’s minimum severity and rules turned off', async () => {
    const events = createEventBus();
    const critical = createRecordingChannel('memory:critical', 'critical');
    const alerts = createAlerts({
      events,
      channels: [critical],
      rules: { breakerOpen: false, successRate: false },
    });
    expect(alerts.rules).toEqual(['run-failed', 'token-expiring', 'token-invalid']);
    events.emit('token:expiring', { account: 'gdrive', provider: 'google', expiresAt: at, daysLeft: 4, at });
    events.emit('breaker:open', { provider: 'fal', reason: 'auth', cooldownMs: 1, at });
    events.emit('run:end', failedRun('r1'));
    await alerts.close();
    expect(critical.alerts.map((alert) => alert.rule)).toEqual(['run-failed']);
  });

  it('runs custom rules and manual alerts through the same de-duplication', async () => {
    const { events, channel, alerts } = setup({
      custom: [
        {
          name: 'slow-render',
          start: ({ events: bus, raise }) => {
            const listener = (event: ReelsmithEvents['phase:end']) => {
              if (event.phase === 'render' && event.durationMs > 1_000)
                raise('slow-render', {
                  key: 'slow-render',
                  severity: 'warning',
                  title: 'Slow render',
                  message: event.runId,
                });
            };
            bus.on('phase:end', listener);
            return () => bus.off('phase:end', listener);
          },
        },
      ],
    });
    events.emit('phase:end', {
      runId: 'r1',
      phase: 'render',
      durationMs: 5_000,
      costUsd: 0,
      providers: [],
      at,
    });
    const manual = await alerts.notify({ key: 'slow-render', severity: 'info', title: 'again', message: '' });
    await alerts.flush();
    expect(channel.alerts.map((alert) => alert.rule)).toEqual(['slow-render']);
    expect(manual).toEqual([]);
  });

  it('rejects bad options with the field and the fix', () => {
    const events = createEventBus();
    expect(() => createAlerts({ events, channels: [], rules: { budget: { perRunUsd: -1 } } })).toThrow(
      ConfigError,
    );
    expect(() => createAlerts({ events, channels: [], rules: { budget: { perRunUsd: -1 } } })).toThrow(
      /rules\.budget\.perRunUsd.*budget\.perRunUsd/s,
    );
  });
});
