import { describe, expect, it } from 'vitest';
import { createRateGate } from './rate-gate.js';

describe('createRateGate', () => {
  it('spaces starts 1000 ms apart at 1 request per second (fake clock)', async () => {
    let now = 0;
    const waits: number[] = [];
    const gate = createRateGate({
      requestsPerSecond: 1,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await gate.wait();
    await gate.wait();
    await gate.wait();
    expect(waits).toEqual([1000, 2000]);
    now = 5000;
    await gate.wait();
    expect(waits).toEqual([1000, 2000]);
  });

  it('rejects at once with an aborted signal', async () => {
    const gate = createRateGate({ requestsPerSecond: 1 });
    await expect(gate.wait(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
