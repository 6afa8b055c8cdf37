import { describe, expect, it } from 'vitest';
import {
  alignmentProblem,
  type CharacterAlignment,
  CorruptAlignmentError,
  chunkTimings,
  estimateWords,
  wordsFromAlignment,
} from './word-timings.js';

function alignment(text: string, msPerCharacter = 100): CharacterAlignment {
  const characters = Array.from(text);
  return {
    characters,
    characterStartTimesSeconds: characters.map((_, index) => (index * msPerCharacter) / 1000),
    characterEndTimesSeconds: characters.map((_, index) => ((index + 1) * msPerCharacter) / 1000),
  };
}

describe('wordsFromAlignment', () => {
  it('groups characters between whitespace into words (the sheet’s example)', () => {
    const hi = {
      characters: ['H', 'i', '!'],
      characterStartTimesSeconds: [0, 0.07, 0.12],
      characterEndTimesSeconds: [0.07, 0.12, 0.3],
    };
    expect(wordsFromAlignment(hi)).toEqual([{ word: 'Hi!', startMs: 0, endMs: 300 }]);
  });

  it('skips runs of spaces and line breaks, and padding at the start', () => {
    expect(wordsFromAlignment(alignment(' Buy  it\nnow'))).toEqual([
      { word: 'Buy', startMs: 100, endMs: 400 },
      { word: 'it', startMs: 600, endMs: 800 },
      { word: 'now', startMs: 900, endMs: 1200 },
    ]);
  });

  it('keeps times in order and within the audio', () => {
    const shuffled = {
      characters: ['a', ' ', 'b', ' ', 'c'],
      characterStartTimesSeconds: [0.5, 0.6, 0.2, 0.7, 0.9],
      characterEndTimesSeconds: [0.6, 0.7, 0.3, 0.8, 1.4],
    };
    expect(wordsFromAlignment(shuffled, 1000)).toEqual([
      { word: 'a', startMs: 500, endMs: 600 },
      { word: 'b', startMs: 500, endMs: 500 },
      { word: 'c', startMs: 900, endMs: 1000 },
    ]);
  });
});

describe('alignmentProblem', () => {
  it('accepts a consistent alignment and describes a corrupt one', () => {
    expect(alignmentProblem(alignment('ok'))).toBeUndefined();
    const short = { ...alignment('abc'), characterEndTimesSeconds: [0.1] };
    expect(alignmentProblem(short)).toBe('3 characters but 3 start times and 1 end times');
    const negative = { ...alignment('ab'), characterStartTimesSeconds: [0, -1] };
    expect(alignmentProblem(negative)).toMatch(/finite number/);
  });
});

describe('estimateWords', () => {
  it('spreads words over the duration by length, in order', () => {
    const words = estimateWords('a bbb cc', 1000);
    expect(words.map((word) => word.word)).toEqual(['a', 'bbb', 'cc']);
    expect(words[0]?.startMs).toBe(0);
    expect(words[1]?.startMs).toBeCloseTo(222.2, 1);
    expect(words[2]?.endMs).toBeCloseTo(1000 - 1000 / 9, 5);
  });
});

describe('chunkTimings', () => {
  const text = 'Hi there';
  it('prefers alignment, then normalized_alignment, then estimates', () => {
    expect(chunkTimings(text, { alignment: alignment(text) }, 900).source).toBe('alignment');
    expect(
      chunkTimings(text, { alignment: null, normalizedAlignment: alignment(` ${text}`) }, 900).source,
    ).toBe('normalized_alignment');
    expect(chunkTimings(text, { alignment: null, normalizedAlignment: null }, 900).source).toBe('estimated');
    const empty = { characters: [], characterStartTimesSeconds: [], characterEndTimesSeconds: [] };
    expect(chunkTimings(text, { alignment: empty }, 900).source).toBe('estimated');
  });

  it('skips a corrupt alignment when the other is usable, and throws when none is', () => {
    const corrupt = { ...alignment(text), characterEndTimesSeconds: [] };
    const timings = chunkTimings(text, { alignment: corrupt, normalizedAlignment: alignment(text) }, 900);
    expect(timings).toMatchObject({
      source: 'normalized_alignment',
      skipped: expect.stringMatching(/^alignment:/),
    });
    expect(() => chunkTimings(text, { alignment: corrupt, normalizedAlignment: null }, 900)).toThrow(
      CorruptAlignmentError,
    );
  });
});
