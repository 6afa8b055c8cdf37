import { hashSeed, pickOne, seededRandom } from '../shared/seeded-random.js';

/** Where things go in one composed frame; varies slightly per scene so frames differ. */
export interface FrameLayout {
  /** Multiplier of the product's base size, 0.86–1. */
  productScale: number;
  /** Horizontal and vertical offset of the product, as fractions of the frame size. */
  offsetX: number;
  offsetY: number;
  /** Top of the caption band, as a fraction of the frame height. */
  bandTop: number;
  /** Which part of the photo the blurred background is cut from. */
  backgroundPosition: 'centre' | 'top' | 'bottom' | 'left' | 'right';
  /** Centre of the soft light behind the product, as fractions of the frame size. */
  lightX: number;
  lightY: number;
}

/**
 * The layout for one frame, deterministic for a prompt, a seed and the image's index in the
 * call: the same scene always looks the same, different scenes differ a little.
 */
export function frameLayout(prompt: string, seed: number | undefined, index: number): FrameLayout {
  const random = seededRandom(hashSeed(prompt, seed ?? 0, index));
  const between = (min: number, max: number) => min + (max - min) * random();
  return {
    productScale: between(0.86, 1),
    offsetX: between(-0.04, 0.04),
    offsetY: between(-0.025, 0.025),
    bandTop: between(0.665, 0.7),
    backgroundPosition: pickOne(random, ['centre', 'top', 'bottom', 'left', 'right'] as const),
    lightX: between(0.3, 0.7),
    lightY: between(0.2, 0.38),
  };
}
