import { describe, expect, it } from 'vitest';
import { nearestAspectRatio, snapToGrid } from './image-size.js';

describe('nearestAspectRatio / snapToGrid', () => {
  it.each([
    [1080, 1920, '9:16', true],
    [1920, 1080, '16:9', true],
    [1024, 1024, '1:1', true],
    [1000, 1500, '2:3', true],
    [900, 2100, '9:21', true],
    [1000, 1700, '9:16', false],
  ] as const)('%i×%i → %s (exact %s)', (width, height, ratio, exact) => {
    expect(nearestAspectRatio(width, height)).toEqual({ ratio, exact });
  });

  it('snaps to multiples of 16 within FLUX limits', () => {
    expect([snapToGrid(1080), snapToGrid(1920), snapToGrid(10), snapToGrid(20_000)]).toEqual([
      1088, 1920, 256, 14_336,
    ]);
  });
});
