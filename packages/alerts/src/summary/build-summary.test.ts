import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createJsonlEventLog, type EventLog, type ReelsmithEventName } from '@reelsmith/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingChannel } from '../testing/test-helpers.js';
import { buildSummary } from './build-summary.js';
import { formatSummary, summaryAlert } from './format-summary.js';
import { sendSummary } from './schedule-daily-summary.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function sampleLog(): Promise<EventLog> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-summary-'));
  dirs.push(dir);
  const log = createJsonlEventLog(path.join(dir, 'events.jsonl'));
  const add = (name: ReelsmithEventName, payload: unknown, at: string) => log.append(name, payload, at);
  // Before the period: ignored.
  await add(
    'run:end',
    { runId: 'old', status: 'failed', costUsd: 9, durationMs: 1, at: '2026-11-22T10:00:00Z' },
    '2026-11-22T10:00:00Z',
  );
  const t = (hour: number) => `2026-11-23T${String(hour).padStart(2, '0')}:00:00.000Z`;
  await add(
    'phase:end',
    { runId: 'a', phase: 'render', durationMs: 40_000, costUsd: 0, providers: [], at: t(9) },
    t(9),
  );
  await add(
    'phase:end',
    { runId: 'b', phase: 'render', durationMs: 60_000, costUsd: 0, providers: [], at: t(10) },
    t(10),
  );
  await add(
    'phase:end',
    { runId: 'a', phase: 'voice', durationMs: 3_000, costUsd: 0, providers: [], at: t(9) },
    t(9),
  );
  await add('cost:add', { runId: 'a', provider: 'openai', usd: 0.5, totalUsd: 0.5 }, t(9));
  await add('cost:add', { runId: 'b', provider: 'elevenlabs', usd: 0.25, totalUsd: 0.25 }, t(10));
  await add('publish:done', { runId: 'a', platform: 'youtube', reconciled: false, post: {} }, t(9));
  await add('publish:done', { runId: 'b', platform: 'youtube', reconciled: false, post: {} }, t(10));
  await add('publish:done', { runId: 'b', platform: 'instagram', reconciled: false, post: {} }, t(10));
  await add('publish:done', { runId: 'b', platform: 'instagram', reconciled: true, post: {} }, t(11));
  await add('run:end', { runId: 'a', status: 'succeeded', costUsd: 0.5, durationMs: 1, at: t(9) }, t(9));
  await add('run:end', { runId: 'b', status: 'succeeded', costUsd: 0.25, durationMs: 1, at: t(10) }, t(10));
  const failure = { name: 'ProviderError', message: '[fal] key revoked', kind: 'auth', provider: 'fal' };
  await add(
    'run:end',
    { runId: 'c', status: 'failed', costUsd: 0, durationMs: 1, at: t(11), error: failure },
    t(11),
  );
  await add(
    'run:end',
    { runId: 'd', status: 'failed', costUsd: 0, durationMs: 1, at: t(12), error: failure },
    t(12),
  );
  await add('run:end', { runId: 'e', status: 'cancelled', costUsd: 0, durationMs: 1, at: t(12) }, t(12));
  await add('breaker:open', { provider: 'fal', reason: 'auth', cooldownMs: 1, at: t(11) }, t(11));
  await add(
    'token:expiring',
    { account: 'youtube', provider: 'google', expiresAt: t(20), daysLeft: 2, at: t(8) },
    t(8),
  );
  // After the period: ignored.
  await add('cost:add', { runId: 'f', provider: 'openai', usd: 5, totalUsd: 5 }, '2026-11-24T09:00:00Z');
  return log;
}

describe('buildSummary', () => {
  it('summarizes videos, posts per platform, failures by cause, cost and slowest phases', async () => {
    const summary = await buildSummary(await sampleLog(), {
      since: '2026-11-23T08:00:00.000Z',
      until: '2026-11-24T08:00:00.000Z',
    });
    expect(summary).toMatchObject({
      runs: { total: 5, succeeded: 2, failed: 2, cancelled: 1 },
      videos: 2,
      published: { youtube: 2, instagram: 1 },
      cost: { totalUsd: 0.75, perVideoUsd: 0.375, byProvider: { openai: 0.5, elevenlabs: 0.25 } },
      breakers: [{ provider: 'fal', reason: 'auth', count: 1 }],
      tokens: [{ account: 'youtube', state: 'expiring', detail: '2 days left' }],
    });
    expect(summary.failures).toEqual([
      {
        cause: 'fal auth',
        count: 2,
        example: '[fal] key revoked',
        fix: expect.stringContaining('fal refused the credentials'),
        runIds: ['d', 'c'],
      },
    ]);
    expect(summary.slowestPhases).toEqual([
      { phase: 'render', count: 2, averageMs: 50_000, maxMs: 60_000 },
      { phase: 'voice', count: 1, averageMs: 3_000, maxMs: 3_000 },
    ]);
  });

  it('formats text, Markdown and Slack mrkdwn, and sends as an info alert', async () => {
    const summary = await buildSummary(await sampleLog(), {
      since: '2026-11-23T08:00:00.000Z',
      until: '2026-11-24T08:00:00.000Z',
    });
    const text = formatSummary(summary, { style: 'text' });
    expect(text).toContain(
      'Reelsmith report 2026-11-23 08:00 → 2026-11-24 08:00 UTC: 2 videos, 3 posts, 2 failed runs, $0.75',
    );
    expect(text).toContain('PUBLISHED\n  - youtube: 2\n  - instagram: 1');
    expect(text).toContain('render: average 50.0 s, max 60.0 s (2×)');
    expect(formatSummary(summary)).toContain('## Failures by cause\n- fal auth ×2');
    expect(formatSummary(summary, { style: 'slack' })).toContain('*Cost*\n• $0.75 in all, $0.38 per video');

    const alert = summaryAlert(summary);
    expect(alert).toMatchObject({ rule: 'daily-summary', severity: 'info' });
    const critical = createRecordingChannel('memory:critical', 'critical');
    const records = await sendSummary(summary, [critical]);
    expect(records).toHaveLength(1);
    expect(critical.alerts[0]?.sections?.map((section) => section.title)).toContain('Slowest phases');
  });

  it('gives an empty summary for an empty log', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'reelsmith-summary-'));
    dirs.push(dir);
    const summary = await buildSummary(createJsonlEventLog(path.join(dir, 'none.jsonl')), {
      since: '2026-11-23T00:00:00Z',
    });
    expect(summary).toMatchObject({ videos: 0, runs: { total: 0 }, cost: { totalUsd: 0 }, failures: [] });
    expect(summary.cost.perVideoUsd).toBeUndefined();
    expect(formatSummary(summary, { style: 'text' })).toContain('FAILURES BY CAUSE\n  - none');
  });
});
