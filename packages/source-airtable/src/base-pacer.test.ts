import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBasePacer, PausedError, pacerFor } from './base-pacer.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('base pacer', () => {
  it('spaces starts 1000 / rps ms apart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const pacer = createBasePacer(5);
    const started: number[] = [];
    const t0 = Date.now();
    const all = Array.from({ length: 6 }, () =>
      pacer.acquire({ maxWaitMs: 0 }).then(() => started.push(Date.now() - t0)),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    expect(started).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('holds requests during a pause, or refuses them when the pause is longer than the caller waits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const pacer = createBasePacer(5);
    pacer.pause(30_000);
    await expect(pacer.acquire({ maxWaitMs: 1_000 })).rejects.toBeInstanceOf(PausedError);
    let started = false;
    const waiting = pacer.acquire({ maxWaitMs: 60_000 }).then(() => {
      started = true;
    });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(started).toBe(true);
  });

  it('rejects with the abort reason while waiting', async () => {
    const pacer = createBasePacer(1);
    await pacer.acquire({ maxWaitMs: 0 });
    const controller = new AbortController();
    const waiting = pacer.acquire({ maxWaitMs: 0, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });

  it('shares one pacer per base, at the slowest rate asked for', () => {
    const a = pacerFor('https://api.airtable.com', 'appPacerShare0001', 5);
    const b = pacerFor('https://api.airtable.com', 'appPacerShare0001', 2);
    const other = pacerFor('https://api.airtable.com', 'appPacerShare0002', 5);
    expect(a).toBe(b);
    expect(other).not.toBe(a);
  });
});
