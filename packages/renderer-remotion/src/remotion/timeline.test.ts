import { describe, expect, it } from 'vitest';
import { captionPages, currentWordIndex, duckedVolume, msToFrame, speechIntervals } from './timeline.js';

const word = (text: string, startMs: number, endMs: number) => ({ word: text, startMs, endMs });

describe('timeline helpers', () => {
  it('converts milliseconds to frames', () => {
    expect(msToFrame(1000, 30)).toBe(30);
    expect(msToFrame(1016, 30)).toBe(30);
  });

  it('pages captions by size, sentence end and pause, each page staying until the next', () => {
    const words = [
      word('One', 0, 200),
      word('two', 250, 400),
      word('three.', 450, 600),
      word('Four', 700, 800),
      word('five', 2000, 2100),
    ];
    const pages = captionPages(words, { maxWords: 2, maxChars: 20 });
    expect(pages.map((page) => page.words.map((item) => item.word).join(' '))).toEqual([
      'One two',
      'three.',
      'Four',
      'five',
    ]);
    expect(pages[0]).toMatchObject({ startMs: 0, endMs: 450 });
    expect(pages[2]).toMatchObject({ startMs: 700, endMs: 1200 });
    expect(captionPages(words, { maxWords: 9, maxChars: 9 })[0]?.words).toHaveLength(2);
  });

  it('finds the word being spoken', () => {
    const words = [word('a', 100, 200), word('b', 300, 400)];
    expect([50, 150, 250, 350, 999].map((time) => currentWordIndex(words, time))).toEqual([-1, 0, 0, 1, 1]);
  });

  it('ducks the music while words are spoken, with ramps', () => {
    const intervals = speechIntervals([word('a', 1000, 1200), word('b', 1300, 1500), word('c', 3000, 3200)]);
    expect(intervals).toEqual([
      { startMs: 1000, endMs: 1500 },
      { startMs: 3000, endMs: 3200 },
    ]);
    const music = { volume: 0.2, duckedVolume: 0.06 };
    expect(duckedVolume(0, intervals, music)).toBe(0.2);
    expect(duckedVolume(1100, intervals, music)).toBe(0.06);
    expect(duckedVolume(2500, intervals, music)).toBe(0.2);
    const ramp = duckedVolume(900, intervals, music);
    expect(ramp).toBeGreaterThan(0.06);
    expect(ramp).toBeLessThan(0.2);
  });
});
