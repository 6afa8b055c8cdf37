import { describe, expect, it } from 'vitest';
import { alignWordTimings, type TimedEvent } from './align-word-timings.js';
import { splitWords } from './split-words.js';

const word = (position: number, timeMs: number): TimedEvent => ({ type: 'word', position, timeMs });
const phoneme = (timeMs: number): TimedEvent => ({ type: 'phoneme', position: 0, timeMs });
const pause = (timeMs: number): TimedEvent => ({ type: 'pause', position: 0, timeMs });

describe('alignWordTimings', () => {
  it('ends a word at the pause after its sounds or where the next word starts', () => {
    const words = splitWords('Wow, this is great.');
    const events = [
      word(0, 0),
      phoneme(10),
      pause(380),
      { type: 'clause-end', position: 0, timeMs: 550 } as TimedEvent,
      word(5, 550),
      phoneme(560),
      word(10, 800),
      word(13, 950),
      phoneme(960),
      pause(1400),
    ];
    expect(alignWordTimings(words, events, 1600)).toEqual({
      words: [
        { word: 'Wow,', startMs: 0, endMs: 380 },
        { word: 'this', startMs: 550, endMs: 800 },
        { word: 'is', startMs: 800, endMs: 950 },
        { word: 'great.', startMs: 950, endMs: 1400 },
      ],
      interpolated: 0,
      estimated: false,
    });
  });

  it('extends a word read as several and lets skipped words share a neighbour’s span by length', () => {
    const words = splitWords('in the moment $24.99 now');
    const events = [
      word(0, 0),
      phoneme(5),
      word(7, 300),
      word(14, 600),
      pause(700),
      word(15, 750),
      phoneme(760),
      word(21, 1200),
    ];
    const { words: timings, interpolated } = alignWordTimings(words, events, 1500);
    expect(interpolated).toBe(1);
    expect(timings).toEqual([
      { word: 'in', startMs: 0, endMs: 120 },
      { word: 'the', startMs: 120, endMs: 300 },
      { word: 'moment', startMs: 300, endMs: 600 },
      { word: '$24.99', startMs: 600, endMs: 1200 },
      { word: 'now', startMs: 1200, endMs: 1500 },
    ]);
  });

  it('estimates from word lengths over the whole audio when there is no word event', () => {
    const result = alignWordTimings(splitWords('aa bbbb cc'), [pause(100)], 800);
    expect(result).toEqual({
      words: [
        { word: 'aa', startMs: 0, endMs: 200 },
        { word: 'bbbb', startMs: 200, endMs: 600 },
        { word: 'cc', startMs: 600, endMs: 800 },
      ],
      interpolated: 0,
      estimated: true,
    });
  });
});
