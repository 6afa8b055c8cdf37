import { describe, expect, it } from 'vitest';
import { sectionFrames } from './sections.js';

describe('sectionFrames', () => {
  it('caps the opening at 2.4 s and the end card at 2.2 s on long videos', () => {
    expect(sectionFrames(900, 30)).toEqual({ openingEnd: 72, badgeStart: 12, endCardStart: 834 });
  });

  it('scales both down on short videos and keeps them in order', () => {
    expect(sectionFrames(90, 30)).toEqual({ openingEnd: 36, badgeStart: 12, endCardStart: 63 });
    const tiny = sectionFrames(2, 30);
    expect(tiny.endCardStart).toBeGreaterThanOrEqual(tiny.openingEnd);
    expect(tiny.badgeStart).toBeLessThanOrEqual(tiny.endCardStart);
  });
});
