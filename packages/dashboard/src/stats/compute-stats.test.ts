import { describe, expect, it } from 'vitest';
import { defaultQuotaLimits, type QuotaLimit } from '../dashboard-defaults.js';
import { DashboardState } from '../state/dashboard-state.js';
import { finishedRun, recordsFrom } from '../test-support/fixtures.js';
import { computeStats } from './compute-stats.js';
import { percentile } from './percentile.js';
import { quotaUsage } from './quota-usage.js';

const now = Date.parse('2026-11-24T20:00:00.000Z');

function stateWith(...runs: Array<[string, string, Parameters<typeof finishedRun>[1]]>) {
  const state = new DashboardState({ maxRuns: 100, secrets: [] });
  for (const [start, runId, options] of runs)
    for (const record of recordsFrom(start, finishedRun(runId, options))) state.apply(record);
  return state;
}

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 95)).toBeCloseTo(95.5);
  });
});

describe('computeStats', () => {
  it('computes success rate, phase times, cost per video and per day', () => {
    const state = stateWith(
      ['2026-11-23T09:00:00.000Z', 'a', { costUsd: 0.2, scriptMs: 1_000 }],
      ['2026-11-24T09:00:00.000Z', 'b', { costUsd: 0.4, scriptMs: 3_000 }],
      ['2026-11-24T10:00:00.000Z', 'c', { status: 'failed', costUsd: 0.1 }],
    );
    const stats = computeStats({
      runs: state.runs(now, 3_600_000),
      usage: state.usage(),
      attention: state.attention(),
      limits: [],
      budget: { perRunUsd: 0.5, perDayUsd: 0.4 },
      days: 7,
      now,
    });
    expect(stats.runs).toMatchObject({ total: 3, succeeded: 2, failed: 1 });
    expect(stats.successRate).toBeCloseTo(2 / 3);
    expect(stats.phaseTimes[0]).toEqual({ phase: 'script', count: 3, p50Ms: 1_000, p95Ms: 2_800 });
    expect(stats.phaseTimes.map((row) => row.phase)).toEqual(['script', 'publish:youtube']);
    expect(stats.cost).toMatchObject({
      totalUsd: 0.7,
      perVideoUsd: 0.3,
      todayUsd: 0.5,
      budgetPerDayUsd: 0.4,
    });
    expect(stats.byDay).toHaveLength(7);
    expect(stats.byDay.at(-1)).toMatchObject({
      day: '2026-11-24',
      succeeded: 1,
      failed: 1,
      successRate: 0.5,
    });
    expect(stats.byDay.at(-2)).toMatchObject({ day: '2026-11-23', costUsd: 0.2, successRate: 1 });
    expect(stats.providers.find((row) => row.provider === 'fake:script')).toMatchObject({
      calls: 3,
      costUsd: 0.7,
    });
  });
});

describe('quotaUsage', () => {
  it('counts YouTube units per Pacific day, Instagram posts in 24 h and ElevenLabs credits per month', () => {
    const usage = [
      // 2026-11-24T07:30Z is 23:30 on the 23rd in Los Angeles: yesterday's quota day.
      {
        at: Date.parse('2026-11-24T07:30:00.000Z'),
        kind: 'call' as const,
        key: 'youtube',
        method: 'publish',
      },
      {
        at: Date.parse('2026-11-24T09:00:00.000Z'),
        kind: 'call' as const,
        key: 'youtube',
        method: 'publish',
      },
      {
        at: Date.parse('2026-11-24T09:01:00.000Z'),
        kind: 'call' as const,
        key: 'youtube:main',
        method: 'findExisting',
      },
      { at: Date.parse('2026-11-23T19:00:00.000Z'), kind: 'publish' as const, key: 'instagram' },
      { at: Date.parse('2026-11-24T19:00:00.000Z'), kind: 'publish' as const, key: 'instagram' },
      {
        at: Date.parse('2026-11-02T00:00:00.000Z'),
        kind: 'cost' as const,
        key: 'elevenlabs:eleven_v3',
        usd: 0.05,
      },
      {
        at: Date.parse('2026-11-03T00:00:00.000Z'),
        kind: 'cost' as const,
        key: 'elevenlabs:eleven_v3',
        usd: 9,
        unit: 'character',
        quantity: 1_200,
      },
      {
        at: Date.parse('2026-10-30T00:00:00.000Z'),
        kind: 'cost' as const,
        key: 'elevenlabs:eleven_v3',
        usd: 1,
      },
    ];
    const [youtube, instagram, elevenlabs] = quotaUsage(defaultQuotaLimits, usage, now);
    expect(youtube).toMatchObject({ used: 1_652, limit: 10_000, period: '2026-11-24 (America/Los_Angeles)' });
    expect(instagram).toMatchObject({ used: 1, limit: 100, period: 'last 24 h' });
    expect(elevenlabs).toMatchObject({ used: 1_700, unit: 'credits', period: '2026-11 (UTC)' });
  });

  it('reports a fraction above 1 when over the limit', () => {
    const limit: QuotaLimit = {
      label: 'X',
      match: 'x',
      unit: 'calls',
      limit: 1,
      window: 'rolling-24h',
      counter: { from: 'calls' },
      date: '2026-11-24',
    };
    const [usage] = quotaUsage(
      [limit],
      [
        { at: now - 1, kind: 'call', key: 'x' },
        { at: now - 2, kind: 'call', key: 'x:y' },
        { at: now - 3, kind: 'call', key: 'xy' },
      ],
      now,
    );
    expect(usage).toMatchObject({ used: 2, fraction: 2 });
  });
});
