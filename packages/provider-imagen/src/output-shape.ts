import type { ImageSizeTier } from './imagen-models.js';

/** What to ask the model for, derived from the requested width and height. */
export interface OutputShape {
  /** `W:H`, one the model accepts. */
  aspectRatio: string;
  size: ImageSizeTier;
  /** The pixel size the model returns for that ratio and tier. */
  width: number;
  height: number;
  /** True when the requested ratio is not one the model accepts (off by more than 1 %). */
  ratioChanged: boolean;
}

/** Imagen's published 1K sizes; other ratios are derived from a 1024×1024 pixel budget. */
const knownSizes1K: Readonly<Record<string, [number, number]>> = {
  '1:1': [1024, 1024],
  '3:4': [896, 1280],
  '4:3': [1280, 896],
  '9:16': [768, 1408],
  '16:9': [1408, 768],
};

const tierScale: Readonly<Record<ImageSizeTier, number>> = { '1K': 1, '2K': 2, '4K': 4 };

/** The pixel size of `aspectRatio` at `size`. */
export function pixelSize(aspectRatio: string, size: ImageSizeTier): { width: number; height: number } {
  const scale = tierScale[size];
  const known = knownSizes1K[aspectRatio];
  if (known) return { width: known[0] * scale, height: known[1] * scale };
  const ratio = parseRatio(aspectRatio);
  const height = Math.round(1024 / Math.sqrt(ratio) / 16) * 16;
  const width = Math.round((1024 * Math.sqrt(ratio)) / 16) * 16;
  return { width: width * scale, height: height * scale };
}

/**
 * Picks the accepted aspect ratio nearest to `width / height` (compared on a log scale), and the
 * smallest size tier whose long side covers the requested long side; the largest tier when none does.
 * `forcedSize` (the `imageSize` setting) wins when the model accepts it.
 */
export function chooseOutputShape(
  width: number,
  height: number,
  ratios: readonly string[],
  sizes: readonly ImageSizeTier[],
  forcedSize?: ImageSizeTier,
): OutputShape {
  const wanted = Math.log(width / height);
  let aspectRatio = ratios[0] ?? '1:1';
  let best = Number.POSITIVE_INFINITY;
  for (const candidate of ratios) {
    const distance = Math.abs(Math.log(parseRatio(candidate)) - wanted);
    if (distance < best - 1e-9) {
      best = distance;
      aspectRatio = candidate;
    }
  }
  const ratioChanged = Math.abs(Math.exp(best) - 1) > 0.01;
  const longSide = Math.max(width, height);
  const tiers = sizes.length > 0 ? sizes : (['1K'] as const);
  let size: ImageSizeTier = tiers[tiers.length - 1]!;
  if (forcedSize !== undefined && tiers.includes(forcedSize)) size = forcedSize;
  else {
    for (const tier of tiers) {
      const pixels = pixelSize(aspectRatio, tier);
      if (Math.max(pixels.width, pixels.height) >= longSide) {
        size = tier;
        break;
      }
    }
  }
  return { aspectRatio, size, ...pixelSize(aspectRatio, size), ratioChanged };
}

function parseRatio(ratio: string): number {
  const [w, h] = ratio.split(':').map(Number);
  return w && h ? w / h : 1;
}
