// Pure timing helpers shared by the compositions (browser) and the renderer (Node).
import type { ReelMusic, ReelWord } from './reel-props.js';

/** The frame at which `ms` falls, at `fps`. */
export function msToFrame(ms: number, fps: number): number {
  return Math.round((ms / 1000) * fps);
}

/** A group of words shown together on screen. */
export type CaptionPage = {
  words: ReelWord[];
  startMs: number;
  /** When the page leaves the screen. */
  endMs: number;
};

/** Options of {@link captionPages}. */
export type CaptionPageOptions = {
  /** Most words on one page. */
  maxWords: number;
  /** Most characters on one page (spaces included). */
  maxChars: number;
  /** A pause at least this long starts a new page. Default 600 ms. */
  pauseMs?: number;
  /** How long the last page of a phrase lingers after its last word. Default 400 ms. */
  lingerMs?: number;
};

/**
 * Splits word timings into caption pages: a new page starts when the current one is full, after
 * a sentence end (`.`, `!`, `?`) or after a pause. Each page stays until the next one starts or
 * `lingerMs` after its last word, whichever comes first.
 */
export function captionPages(words: readonly ReelWord[], options: CaptionPageOptions): CaptionPage[] {
  const pauseMs = options.pauseMs ?? 600;
  const lingerMs = options.lingerMs ?? 400;
  const groups: ReelWord[][] = [];
  let current: ReelWord[] = [];
  let chars = 0;
  for (const word of words) {
    const previous = current[current.length - 1];
    const full =
      current.length >= options.maxWords ||
      (current.length > 0 && chars + 1 + word.word.length > options.maxChars);
    const paused = previous !== undefined && word.startMs - previous.endMs >= pauseMs;
    const sentenceEnded = previous !== undefined && /[.!?]$/.test(previous.word);
    if (current.length > 0 && (full || paused || sentenceEnded)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(word);
    chars += (current.length > 1 ? 1 : 0) + word.word.length;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, index) => {
    const last = group[group.length - 1]!;
    const next = groups[index + 1]?.[0];
    const endMs = Math.min(last.endMs + lingerMs, next?.startMs ?? Number.POSITIVE_INFINITY);
    return { words: group, startMs: group[0]!.startMs, endMs: Math.max(endMs, last.endMs) };
  });
}

/** A stretch of continuous speech. */
export type SpeechInterval = { startMs: number; endMs: number };

/** Merges word timings into speech intervals, joining words less than `mergeGapMs` apart. */
export function speechIntervals(words: readonly ReelWord[], mergeGapMs = 350): SpeechInterval[] {
  const out: SpeechInterval[] = [];
  for (const word of words) {
    const last = out[out.length - 1];
    if (last !== undefined && word.startMs - last.endMs < mergeGapMs) {
      last.endMs = Math.max(last.endMs, word.endMs);
    } else {
      out.push({ startMs: word.startMs, endMs: word.endMs });
    }
  }
  return out;
}

/**
 * The music volume at `timeMs`: `music.volume` in silence, `music.duckedVolume` while words are
 * spoken, with linear ramps of `rampMs` (the duck starts ramping down before the first word).
 */
export function duckedVolume(
  timeMs: number,
  intervals: readonly SpeechInterval[],
  music: Pick<ReelMusic, 'volume' | 'duckedVolume'>,
  rampMs = 250,
): number {
  let duck = 0; // 0 = full volume, 1 = fully ducked
  for (const interval of intervals) {
    if (timeMs >= interval.startMs && timeMs <= interval.endMs) return music.duckedVolume;
    const before = interval.startMs - timeMs;
    const after = timeMs - interval.endMs;
    if (before > 0 && before < rampMs) duck = Math.max(duck, 1 - before / rampMs);
    if (after > 0 && after < rampMs) duck = Math.max(duck, 1 - after / rampMs);
  }
  return music.volume + (music.duckedVolume - music.volume) * duck;
}

/** The index of the page word being spoken at `timeMs`, or the last word already spoken; -1 before the first. */
export function currentWordIndex(words: readonly ReelWord[], timeMs: number): number {
  let index = -1;
  for (let position = 0; position < words.length; position += 1) {
    if (words[position]!.startMs <= timeMs) index = position;
  }
  return index;
}
