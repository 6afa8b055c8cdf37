import type { WordTiming } from '@reelsmith/core';
import { countCharacters } from './split-text.js';

/** ElevenLabs' character alignment, as the SDK returns it (camelCase). */
export interface CharacterAlignment {
  characters: string[];
  characterStartTimesSeconds: number[];
  characterEndTimesSeconds: number[];
}

/** Where a chunk's word timings came from. */
export type TimingSource = 'alignment' | 'normalized_alignment' | 'estimated';

/** The word timings of one chunk, in milliseconds from the chunk's start (not rounded). */
export interface ChunkTimings {
  words: WordTiming[];
  source: TimingSource;
  /** Why `alignment` was not used although present (it was corrupt). */
  skipped?: string;
}

/** Thrown by {@link chunkTimings} when every alignment the service sent is corrupt (E10). */
export class CorruptAlignmentError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'CorruptAlignmentError';
  }
}

/**
 * Returns `undefined` when `alignment` is usable, else what is wrong with it: arrays of
 * different lengths, or times that are not finite numbers ≥ 0.
 */
export function alignmentProblem(alignment: CharacterAlignment): string | undefined {
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = alignment;
  if (!Array.isArray(characters) || !Array.isArray(starts) || !Array.isArray(ends)) {
    return 'characters, start times and end times must all be arrays';
  }
  if (characters.length !== starts.length || characters.length !== ends.length) {
    return `${characters.length} characters but ${starts.length} start times and ${ends.length} end times`;
  }
  const bad = [...starts, ...ends].findIndex((time) => !(Number.isFinite(time) && time >= 0));
  if (bad !== -1) return 'a character time is not a finite number of seconds ≥ 0';
  return undefined;
}

/**
 * Groups characters into whitespace-separated words: a word starts at its first character's
 * start time and ends at its last character's end time. Times are made non-decreasing and, when
 * `durationMs` is given, kept within it.
 */
export function wordsFromAlignment(alignment: CharacterAlignment, durationMs?: number): WordTiming[] {
  const words: WordTiming[] = [];
  let current: WordTiming | undefined;
  alignment.characters.forEach((character, index) => {
    if (character === '' || /^\s+$/u.test(character)) {
      current = undefined;
      return;
    }
    const start = (alignment.characterStartTimesSeconds[index] as number) * 1000;
    const end = (alignment.characterEndTimesSeconds[index] as number) * 1000;
    if (current) {
      current.word += character;
      current.endMs = Math.max(current.endMs, end);
    } else {
      current = { word: character, startMs: start, endMs: end };
      words.push(current);
    }
  });
  return tidy(words, durationMs);
}

/**
 * Spreads `text`'s words over `durationMs` in proportion to their length, for a response that
 * carried no alignment at all.
 */
export function estimateWords(text: string, durationMs: number): WordTiming[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const weights = words.map((word) => countCharacters(word) + 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let cursor = 0;
  return words.map((word, index) => {
    const weight = weights[index] as number;
    const span = (durationMs * weight) / total;
    // The last share of each word's span is the pause before the next word.
    const timing = { word, startMs: cursor, endMs: cursor + (span * (weight - 1)) / weight };
    cursor += span;
    return timing;
  });
}

/**
 * Picks a chunk's word timings: `alignment` (follows the written text), else
 * `normalized_alignment` (follows the text as spoken, e.g. numbers spelled out), else estimated
 * from the text and the audio's duration. Throws {@link CorruptAlignmentError} when an alignment
 * was sent but none is usable.
 */
export function chunkTimings(
  text: string,
  response: { alignment?: CharacterAlignment | null; normalizedAlignment?: CharacterAlignment | null },
  durationMs: number,
): ChunkTimings {
  const problems: string[] = [];
  const candidates: Array<[TimingSource, CharacterAlignment | null | undefined]> = [
    ['alignment', response.alignment],
    ['normalized_alignment', response.normalizedAlignment],
  ];
  for (const [source, alignment] of candidates) {
    if (!alignment || (Array.isArray(alignment.characters) && alignment.characters.length === 0)) continue;
    const problem = alignmentProblem(alignment);
    if (problem) {
      problems.push(`${source}: ${problem}`);
      continue;
    }
    const words = wordsFromAlignment(alignment, durationMs);
    if (words.length === 0) continue;
    return problems.length > 0 ? { words, source, skipped: problems.join('; ') } : { words, source };
  }
  if (problems.length > 0) throw new CorruptAlignmentError(problems.join('; '));
  return { words: estimateWords(text, durationMs), source: 'estimated' };
}

function tidy(words: WordTiming[], durationMs: number | undefined): WordTiming[] {
  let previousStart = 0;
  for (const word of words) {
    const limit = durationMs ?? Number.POSITIVE_INFINITY;
    word.startMs = Math.min(Math.max(word.startMs, previousStart), limit);
    word.endMs = Math.min(Math.max(word.endMs, word.startMs), Math.max(limit, word.startMs));
    previousStart = word.startMs;
  }
  return words;
}
