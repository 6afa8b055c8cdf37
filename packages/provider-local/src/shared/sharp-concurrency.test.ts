import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { applySharpConcurrency, defaultSharpConcurrency } from './sharp-concurrency.js';

const initial = sharp.concurrency();

afterEach(() => {
  sharp.concurrency(initial);
});

describe('sharp concurrency', () => {
  it('defaults to one thread per core, at most 4', () => {
    expect(defaultSharpConcurrency(1)).toBe(1);
    expect(defaultSharpConcurrency(2)).toBe(2);
    expect(defaultSharpConcurrency(16)).toBe(4);
  });

  it('applies an explicit thread count every time', () => {
    expect(applySharpConcurrency(3)).toBe(3);
    expect(sharp.concurrency()).toBe(3);
    // An explicit value was set: the default is not applied over it.
    expect(applySharpConcurrency()).toBe(3);
  });
});
