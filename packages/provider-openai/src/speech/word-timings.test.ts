import { describe, expect, it } from 'vitest';
import { estimateWordTimings } from './word-timings.js';

describe('estimateWordTimings', () => {
  it('spreads the duration over the words by length, with pauses after punctuation', () => {
    const words = estimateWordTimings('Hello world. This kettle pours — fast!', 3000);
    expect(words.map((word) => word.word)).toEqual(['Hello', 'world.', 'This', 'kettle', 'pours', 'fast!']);
    expect(words[0]?.startMs).toBe(0);
    expect(words.at(-1)?.endMs).toBeLessThanOrEqual(3000);
    for (const [index, word] of words.entries()) {
      expect(word.endMs).toBeGreaterThan(word.startMs);
      if (index > 0) expect(word.startMs).toBeGreaterThanOrEqual(words[index - 1]!.endMs);
    }
    // The pause after "world." is longer than the gap between "This" and "kettle".
    expect(words[2]!.startMs - words[1]!.endMs).toBeGreaterThan(words[3]!.startMs - words[2]!.endMs);
  });

  it('offsets timings and handles empty input', () => {
    expect(estimateWordTimings('Hi there', 1000, 500)[0]?.startMs).toBe(500);
    expect(estimateWordTimings('  ', 1000)).toEqual([]);
    expect(estimateWordTimings('Hi', 0)).toEqual([]);
  });
});
