import type { WordTiming } from '@reelsmith/core';

/** Extra weight (in letters) for the pause after punctuation. */
const pauseWeights: ReadonlyArray<[RegExp, number]> = [
  [/[.!?…]["'”’)\]]*$/u, 4],
  [/[,;:—–]["'”’)\]]*$/u, 2],
];

/**
 * Estimates when each word is spoken from the text and the audio's duration: the time is shared
 * out by letter count, with pauses after sentence ends and commas. OpenAI TTS returns no
 * timestamps, so these are estimates (the result's `warnings` say so).
 */
export function estimateWordTimings(text: string, durationMs: number, offsetMs = 0): WordTiming[] {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0 || !(durationMs > 0)) return [];
  const weights = words.map((word) => {
    const letters = Math.max(1, [...word.replace(/[^\p{L}\p{N}]/gu, '')].length);
    const pause = pauseWeights.find(([pattern]) => pattern.test(word))?.[1] ?? 0;
    return { letters, pause };
  });
  const total = weights.reduce((sum, weight) => sum + weight.letters + weight.pause, 0);
  const perUnit = durationMs / total;
  const timings: WordTiming[] = [];
  let cursor = offsetMs;
  words.forEach((word, index) => {
    const weight = weights[index]!;
    const startMs = Math.round(cursor);
    cursor += weight.letters * perUnit;
    timings.push({ word, startMs, endMs: Math.round(cursor) });
    cursor += weight.pause * perUnit;
  });
  return timings;
}
