import { definePhase } from '../pipeline/phase.js';
import type { AffiliateSettings } from './affiliate-options.js';
import { buildSceneTimeline } from './build-timeline.js';
import type { CaptionsOutput } from './outputs.js';

/** `captions`: the word-timed caption track and the scene timeline. */
export function captionsPhase(_settings: AffiliateSettings) {
  return definePhase({
    name: 'captions',
    needs: ['voice', 'script'],
    run: (ctx): CaptionsOutput => {
      const { words, durationMs } = ctx.inputs.voice;
      const clean = words
        .filter((word) => word.word.trim() !== '' && word.endMs >= word.startMs)
        .map((word) => ({
          word: word.word,
          startMs: Math.max(0, word.startMs),
          endMs: Math.min(durationMs, word.endMs),
        }));
      return {
        words: clean,
        scenes: buildSceneTimeline(ctx.inputs.script.script, clean, durationMs),
        durationMs,
      };
    },
  });
}
