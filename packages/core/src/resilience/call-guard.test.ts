import { describe, expect, it } from 'vitest';
import { createCallGuard } from './call-guard.js';

const never = () => new Promise<never>(() => {});

describe('createCallGuard', () => {
  it('rejects a call that ignores its signal as soon as the timeout passes', async () => {
    const guard = createCallGuard(undefined, 30);
    const started = Date.now();
    await expect(guard.run(never())).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(guard.timedOut()).toBe(true);
    expect(guard.signal.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    guard.dispose();
  });

  it('rejects with the caller’s reason when the caller aborts, and is not a timeout', async () => {
    const controller = new AbortController();
    const guard = createCallGuard(controller.signal, 10_000);
    setTimeout(() => controller.abort(new Error('user stop')), 10);
    await expect(guard.run(never())).rejects.toThrow('user stop');
    expect(guard.timedOut()).toBe(false);
    guard.dispose();
  });

  it('passes results and errors through and rejects at once when already aborted', async () => {
    const guard = createCallGuard(undefined, 1000);
    await expect(guard.run(Promise.resolve(7))).resolves.toBe(7);
    await expect(guard.run(Promise.reject(new Error('sdk failed')))).rejects.toThrow('sdk failed');
    guard.dispose();
    const controller = new AbortController();
    controller.abort(new Error('before'));
    const aborted = createCallGuard(controller.signal, 1000);
    await expect(aborted.run(Promise.resolve(1))).rejects.toThrow('before');
    aborted.dispose();
  });
});
