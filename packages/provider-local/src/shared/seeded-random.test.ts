import { describe, expect, it } from 'vitest';
import { hashSeed, pickOne, randomInt, seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    const a = Array.from({ length: 20 }, () => first());
    const b = Array.from({ length: 20 }, () => second());
    expect(a).toEqual(b);
  });

  it('gives a different sequence for a different seed', () => {
    const a = Array.from({ length: 5 }, seededRandom(1));
    const b = Array.from({ length: 5 }, seededRandom(2));
    expect(a).not.toEqual(b);
  });

  it('returns numbers in [0, 1) spread over the range', () => {
    const random = seededRandom('spread');
    const values = Array.from({ length: 2000 }, () => random());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('accepts string seeds through hashSeed', () => {
    expect(seededRandom('abc')()).toBe(seededRandom(hashSeed('abc'))());
  });
});

describe('hashSeed', () => {
  it('separates parts', () => {
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(hashSeed('title', 1)).not.toBe(hashSeed('title', 2));
    expect(hashSeed('title', 1)).toBe(hashSeed('title', 1));
  });
});

describe('pickOne and randomInt', () => {
  it('stay inside their bounds', () => {
    const random = seededRandom(3);
    for (let index = 0; index < 200; index++) {
      expect(['a', 'b', 'c']).toContain(pickOne(random, ['a', 'b', 'c']));
      const value = randomInt(random, 5, 8);
      expect(value).toBeGreaterThanOrEqual(5);
      expect(value).toBeLessThanOrEqual(8);
    }
  });

  it('pickOne rejects an empty list', () => {
    expect(() => pickOne(seededRandom(1), [])).toThrow(RangeError);
  });
});
