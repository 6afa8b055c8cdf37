import { registerSecret } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { finishedRun, recordsFrom } from '../test-support/fixtures.js';
import { DashboardState, summarizeRun } from './dashboard-state.js';

const options = { maxRuns: 100, secrets: [] };
const now = Date.parse('2026-11-24T12:00:00.000Z');

describe('DashboardState', () => {
  it('folds a succeeded run: phases, providers, cost, platform and post', () => {
    const state = new DashboardState(options);
    for (const record of recordsFrom('2026-11-24T10:00:00.000Z', finishedRun('r1'))) state.apply(record);
    const run = state.run('r1', now, 3_600_000)!;
    expect(run).toMatchObject({
      status: 'succeeded',
      jobId: 'job-r1',
      title: 'Product r1',
      costUsd: 0.1,
      platforms: ['youtube'],
    });
    expect(run.phases.map((phase) => [phase.name, phase.status, phase.providers])).toEqual([
      ['script', 'succeeded', ['fake:script']],
      ['publish:youtube', 'succeeded', ['youtube']],
    ]);
    expect(run.outputs).toEqual([
      expect.objectContaining({
        platform: 'youtube',
        url: 'https://www.youtube.com/shorts/v-r1',
        reconciled: false,
      }),
    ]);
    expect(summarizeRun(run).timeline).toHaveLength(2);
  });

  it('keeps the error and the failing phase of a failed run', () => {
    const state = new DashboardState(options);
    for (const record of recordsFrom('2026-11-24T10:00:00.000Z', finishedRun('r2', { status: 'failed' }))) {
      state.apply(record);
    }
    const run = state.run('r2', now, 3_600_000)!;
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({
      phase: 'publish:youtube',
      kind: 'auth',
      message: '[youtube] token expired',
    });
    expect(run.phases.find((phase) => phase.name === 'publish:youtube')?.status).toBe('failed');
  });

  it('shows progress, retries and fallbacks of a running run, and marks it stale when silent', () => {
    const state = new DashboardState(options);
    const records = recordsFrom('2026-11-24T10:00:00.000Z', [
      ['run:start', { runId: 'r3', resumed: false }],
      ['phase:start', { runId: 'r3', phase: 'images' }],
      [
        'provider:call',
        {
          runId: 'r3',
          phase: 'images',
          provider: 'imagen',
          capability: 'image',
          method: 'generateImage',
          attempt: 1,
        },
      ],
      [
        'provider:retry',
        {
          runId: 'r3',
          phase: 'images',
          provider: 'imagen',
          capability: 'image',
          method: 'generateImage',
          attempt: 1,
          delayMs: 5,
          error: { name: 'ProviderError', message: 'busy' },
        },
      ],
      [
        'provider:fallback',
        {
          runId: 'r3',
          phase: 'images',
          provider: 'imagen',
          capability: 'image',
          method: 'generateImage',
          from: 'imagen',
          to: 'flux',
          reason: 'billing',
          error: { name: 'ProviderError', message: 'no funds' },
        },
      ],
      [
        'provider:call',
        {
          runId: 'r3',
          phase: 'images',
          provider: 'flux',
          capability: 'image',
          method: 'generateImage',
          attempt: 1,
        },
      ],
      ['progress', { runId: 'r3', phase: 'images', fraction: 0.4, message: 'scene 2 of 5' }],
    ]);
    for (const record of records) state.apply(record);
    const run = state.run('r3', Date.parse('2026-11-24T10:00:10.000Z'), 60_000)!;
    expect(run).toMatchObject({ status: 'running', stale: false, retries: 1, fallbacks: 1 });
    expect(run.current).toEqual({ phase: 'images', fraction: 0.4, message: 'scene 2 of 5' });
    const images = run.phases[0]!;
    expect(images).toMatchObject({ providers: ['flux'], calls: 2, retries: 1 });
    expect(images.fallbacks[0]).toMatchObject({ from: 'imagen', to: 'flux', reason: 'billing' });
    expect(state.run('r3', Date.parse('2026-11-24T11:00:00.000Z'), 60_000)!.stale).toBe(true);
  });

  it('restarts a resumed run: finished phases stay, the failed one runs again', () => {
    const state = new DashboardState(options);
    const first = recordsFrom('2026-11-24T10:00:00.000Z', finishedRun('r4', { status: 'failed' }));
    const second = recordsFrom('2026-11-24T11:00:00.000Z', [
      ['run:start', { runId: 'r4', resumed: true }],
      ['phase:skip', { runId: 'r4', phase: 'script', reason: 'checkpoint' }],
      ['phase:start', { runId: 'r4', phase: 'publish:youtube' }],
    ]);
    for (const record of [...first, ...second]) state.apply(record);
    const run = state.run('r4', now, 3_600_000)!;
    expect(run).toMatchObject({ status: 'running', attempts: 2, startedAt: first[0]!.at });
    expect(run.error).toBeUndefined();
    expect(run.phases.map((phase) => `${phase.name}:${phase.status}`)).toEqual([
      'script:skipped',
      'publish:youtube:running',
    ]);
  });

  it('drops post URLs that are not http(s) and redacts secrets again', () => {
    registerSecret('dashboard-test-secret-value');
    const state = new DashboardState({ maxRuns: 10, secrets: ['extra-secret-123'] });
    const records = recordsFrom('2026-11-24T10:00:00.000Z', [
      ['run:start', { runId: 'r5', resumed: false }],
      [
        'publish:done',
        { runId: 'r5', platform: 'evil', reconciled: false, post: { id: 'x', url: 'javascript:alert(1)' } },
      ],
      [
        'phase:error',
        {
          runId: 'r5',
          phase: 'script',
          error: { name: 'Error', message: 'key dashboard-test-secret-value and extra-secret-123 leaked' },
        },
      ],
    ]);
    for (const record of records) state.apply(record);
    const run = state.run('r5', now, 3_600_000)!;
    expect(run.outputs[0]!.url).toBeUndefined();
    expect(JSON.stringify(run)).not.toContain('dashboard-test-secret-value');
    expect(JSON.stringify(run)).not.toContain('extra-secret-123');
  });

  it('tracks attention items: open breakers and invalid tokens until they recover', () => {
    const state = new DashboardState(options);
    const records = recordsFrom('2026-11-24T10:00:00.000Z', [
      [
        'breaker:open',
        { provider: 'fal', reason: 'billing', cooldownMs: 60_000, at: '2026-11-24T10:00:01.000Z' },
      ],
      [
        'token:invalid',
        {
          account: 'main',
          provider: 'youtube',
          reason: 'invalid_grant: log in again',
          at: '2026-11-24T10:00:02.000Z',
        },
      ],
    ]);
    for (const record of records) state.apply(record);
    expect(
      state
        .attention()
        .map((item) => item.kind)
        .sort(),
    ).toEqual(['breaker', 'token-invalid']);
    state.apply({
      seq: 3,
      name: 'breaker:close',
      payload: { provider: 'fal', at: '2026-11-24T10:05:00.000Z' },
      at: '2026-11-24T10:05:00.000Z',
    });
    state.apply({
      seq: 4,
      name: 'token:refreshed',
      payload: { account: 'main', provider: 'youtube', at: '2026-11-24T10:06:00.000Z' },
      at: '2026-11-24T10:06:00.000Z',
    });
    expect(state.attention()).toEqual([]);
  });

  it('keeps at most maxRuns runs, dropping the oldest', () => {
    const state = new DashboardState({ maxRuns: 2, secrets: [] });
    for (const runId of ['a', 'b', 'c']) {
      for (const record of recordsFrom(
        `2026-11-2${['a', 'b', 'c'].indexOf(runId) + 1}T10:00:00.000Z`,
        finishedRun(runId),
      )) {
        state.apply(record);
      }
    }
    expect(state.runs(now, 1).map((run) => run.runId)).toEqual(['c', 'b']);
  });
});
