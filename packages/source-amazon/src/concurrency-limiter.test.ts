import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from './concurrency-limiter.js';

describe('createConcurrencyLimiter', () => {
  it('never runs more than the cap at once, and halves the cap after a 429', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrency: 4 });
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const task = () =>
      new Promise<void>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve();
        });
      });
    const all = Array.from({ length: 6 }, () => limiter.run(task));
    await Promise.resolve();
    expect(limiter.active).toBe(4);
    limiter.throttled();
    expect(limiter.limit).toBe(2);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(all);
    expect(peak).toBe(4);
    limiter.throttled();
    limiter.throttled();
    expect(limiter.limit).toBe(1);
    limiter.succeeded();
    expect(limiter.limit).toBe(2);
  });

  it('rejects a waiting task when its signal aborts', async () => {
    const limiter = createConcurrencyLimiter({ maxConcurrency: 1 });
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const second = limiter.run(async () => 'ran', controller.signal);
    controller.abort(new Error('stop'));
    await expect(second).rejects.toThrow('stop');
    release();
    await first;
  });
});
