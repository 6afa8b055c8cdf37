import { describe, expect, it } from 'vitest';
import type { Script } from '../spec/script-provider.js';
import { buildSceneTimeline } from './build-timeline.js';

const script: Script = {
  title: 'Kettle',
  hook: 'Stop waiting.',
  scenes: [
    { text: 'It boils fast.', imagePrompt: 'kettle' },
    { text: 'It pours clean.', imagePrompt: 'pour' },
  ],
  callToAction: 'Link below.',
  description: 'd',
  hashtags: [],
};
const words = ['Stop', 'waiting.', 'It', 'boils', 'fast.', 'It', 'pours', 'clean.', 'Link', 'below.'].map(
  (word, index) => ({
    word,
    startMs: index * 100,
    endMs: index * 100 + 90,
  }),
);

describe('buildSceneTimeline', () => {
  it('starts each scene with its first word; the first covers the hook, the last the call to action', () => {
    expect(buildSceneTimeline(script, words, 1000)).toEqual([
      { startMs: 0, endMs: 500 },
      { startMs: 500, endMs: 1000 },
    ]);
  });

  it('falls back to equal spans when there are no word timings', () => {
    expect(buildSceneTimeline(script, [], 1000)).toEqual([
      { startMs: 0, endMs: 500 },
      { startMs: 500, endMs: 1000 },
    ]);
  });
});
