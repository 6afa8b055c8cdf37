import type { Script } from '../spec/script-provider.js';
import type { WordTiming } from '../spec/voice-provider.js';
import type { TimelineSpan } from './outputs.js';
import { spokenSegments } from './voice-phase.js';

const countWords = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

/**
 * When each scene is on screen, from the voice's word timings: scene i spans from the first
 * word of its line to the first word of the next. The first scene also covers the hook and the
 * last one the call to action, so images fill the whole video.
 */
export function buildSceneTimeline(
  script: Script,
  words: readonly WordTiming[],
  durationMs: number,
): TimelineSpan[] {
  const segments = spokenSegments(script);
  const starts: number[] = [];
  let wordIndex = 0;
  for (const segment of segments) {
    const timing = words[Math.min(wordIndex, Math.max(0, words.length - 1))];
    starts.push(words.length > 0 ? (timing?.startMs ?? 0) : 0);
    wordIndex += countWords(segment);
  }
  const sceneCount = script.scenes.length;
  const spans: TimelineSpan[] = [];
  for (let scene = 0; scene < sceneCount; scene++) {
    const segment = scene + 1; // segment 0 is the hook
    const startMs = scene === 0 ? 0 : (starts[segment] ?? 0);
    const endMs = scene === sceneCount - 1 ? durationMs : (starts[segment + 1] ?? durationMs);
    spans.push({ startMs, endMs });
  }
  // Words may be missing (estimated timings); fall back to equal spans when times do not increase.
  const valid = spans.every(
    (span, index) => span.endMs > span.startMs && (index === 0 || span.startMs >= spans[index - 1]!.endMs),
  );
  if (valid) return spans;
  const each = durationMs / sceneCount;
  return Array.from({ length: sceneCount }, (_, index) => ({
    startMs: Math.round(index * each),
    endMs: index === sceneCount - 1 ? durationMs : Math.round((index + 1) * each),
  }));
}
