import type { Progress } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { progressReporter } from './poll-queue.js';

describe('progressReporter', () => {
  it('reports each new message once and always reports a fraction', () => {
    const seen: Progress[] = [];
    const report = progressReporter((progress) => seen.push(progress));
    report({ message: 'fal queue: position 1' });
    report({ message: 'fal queue: position 1' });
    report({ message: 'fal: generating' });
    report({ message: 'fal: generating', fraction: 1 });
    expect(seen.map((progress) => progress.message)).toEqual([
      'fal queue: position 1',
      'fal: generating',
      'fal: generating',
    ]);
  });

  it('ignores a throwing listener and a missing one', () => {
    expect(() =>
      progressReporter(() => {
        throw new Error('listener bug');
      })({ message: 'x' }),
    ).not.toThrow();
    expect(() => progressReporter(undefined)({ message: 'x' })).not.toThrow();
  });
});
