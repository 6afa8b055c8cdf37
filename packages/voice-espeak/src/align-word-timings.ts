import type { WordTiming } from '@reelsmith/core';
import { type TextWord, wordIndexAt } from './split-words.js';

/** An eSpeak NG event placed on the whole text and the whole audio. */
export interface TimedEvent {
  type: 'word' | 'phoneme' | 'pause' | 'clause-end';
  /** UTF-16 offset in the input text (`word` events). */
  position: number;
  /** Milliseconds from the start of the audio. */
  timeMs: number;
}

/** Word timings and how they were obtained. */
export interface AlignedWords {
  words: WordTiming[];
  /** Words eSpeak reported no event for, timed by splitting a neighbour's span. */
  interpolated: number;
  /** True when eSpeak gave no word event at all and every timing is an estimate. */
  estimated: boolean;
}

/**
 * Maps eSpeak NG's events onto the input words. A word starts at its first `word` event; it
 * ends at the first pause (a silent phoneme or the end of a clause) after its sounds, or where
 * the next word starts. Several events on one word (`$24.99` is read as five words) extend it;
 * words eSpeak skipped share the span of the word before them by length; with no word event at
 * all, timings are spread over the audio in proportion to word length.
 */
export function alignWordTimings(
  words: readonly TextWord[],
  events: readonly TimedEvent[],
  durationMs: number,
): AlignedWords {
  const starts: (number | undefined)[] = words.map(() => undefined);
  const ends: (number | undefined)[] = words.map(() => undefined);
  let current = -1;
  for (const event of events) {
    if (event.type === 'word') {
      // Never step back: a stray position must not reorder the words.
      const index = Math.max(wordIndexAt(words, event.position), current);
      if (index !== current) {
        if (current >= 0) ends[current] ??= event.timeMs;
        starts[index] ??= event.timeMs;
        current = index;
      }
      ends[current] = undefined;
    } else if (current >= 0 && event.type === 'phoneme') {
      ends[current] = undefined;
    } else if (current >= 0) {
      ends[current] ??= event.timeMs;
    }
  }
  if (current >= 0) ends[current] ??= durationMs;

  const timed = starts.flatMap((start, index) => (start === undefined ? [] : [index]));
  if (timed.length === 0) {
    return { words: tidy(spread(words, 0, durationMs), durationMs), interpolated: 0, estimated: true };
  }
  const result: WordTiming[] = [];
  let interpolated = 0;
  timed.forEach((index, position) => {
    const first = position === 0 ? 0 : index;
    const last = (timed[position + 1] ?? words.length) - 1;
    interpolated += last - first;
    result.push(...spread(words.slice(first, last + 1), starts[index] as number, ends[index] as number));
  });
  return { words: tidy(result, durationMs), interpolated, estimated: false };
}

/** Spreads `words` over `[fromMs, toMs]` in proportion to their length. */
export function spread(words: readonly TextWord[], fromMs: number, toMs: number): WordTiming[] {
  const total = words.reduce((sum, word) => sum + weight(word), 0);
  let cursor = fromMs;
  let done = 0;
  return words.map((word) => {
    done += weight(word);
    const endMs = fromMs + ((toMs - fromMs) * done) / total;
    const timing = { word: word.text, startMs: cursor, endMs };
    cursor = endMs;
    return timing;
  });
}

// ---------------------------------------------------------------------------------------------

function weight(word: TextWord): number {
  return Math.max(1, word.text.replace(/[^\p{L}\p{N}]/gu, '').length);
}

/** Whole milliseconds, in order, inside the audio, each word ending no later than the next starts. */
function tidy(words: WordTiming[], durationMs: number): WordTiming[] {
  const limit = Math.round(durationMs);
  const rounded = words.map((word) => ({
    word: word.word,
    startMs: Math.min(Math.round(word.startMs), limit),
    endMs: Math.min(Math.round(word.endMs), limit),
  }));
  for (let index = 0; index < rounded.length; index += 1) {
    const word = rounded[index] as WordTiming;
    const previous = rounded[index - 1];
    if (previous && word.startMs < previous.endMs) word.startMs = previous.endMs;
    const next = rounded[index + 1];
    if (next && word.endMs > next.startMs) word.endMs = Math.max(word.startMs, next.startMs);
    if (word.endMs < word.startMs) word.endMs = word.startMs;
  }
  return rounded;
}
