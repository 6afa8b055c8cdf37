import type { ImageModelFamily } from '../openai-models.js';

/** The size sent to the API and whether it equals the one asked for. */
export interface ImageSizeChoice {
  size: string;
  width: number;
  height: number;
  exact: boolean;
}

/** The fixed sizes of each family (the flexible `gpt-image-2` family takes any valid `WxH`). */
export const fixedImageSizes: Readonly<
  Record<Exclude<ImageModelFamily, 'gpt-image-flexible'>, readonly string[]>
> = {
  'gpt-image': ['1024x1024', '1536x1024', '1024x1536'],
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
};

/** The limits of arbitrary `gpt-image-2` sizes (API reference, 2026-11). */
export const flexibleSizeLimits = {
  multiple: 16,
  maxEdge: 3840,
  maxPixels: 3840 * 2160,
  minPixels: 655_360,
  maxAspectRatio: 3,
} as const;

/**
 * The supported size nearest to `width`×`height`: the closest aspect ratio (then the closest
 * area) among a family's fixed sizes, or for `gpt-image-2` the same shape rounded to multiples
 * of 16 within its pixel, edge and ratio limits.
 */
export function chooseImageSize(family: ImageModelFamily, width: number, height: number): ImageSizeChoice {
  if (family === 'gpt-image-flexible') return flexibleSize(width, height);
  let best: ImageSizeChoice | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const size of fixedImageSizes[family]) {
    const [w, h] = size.split('x').map(Number) as [number, number];
    const ratioDistance = Math.abs(Math.log(w / h) - Math.log(width / height));
    const areaDistance = Math.abs(Math.log((w * h) / (width * height)));
    const score = ratioDistance * 1000 + areaDistance;
    if (score < bestScore) {
      bestScore = score;
      best = { size, width: w, height: h, exact: w === width && h === height };
    }
  }
  return best!;
}

function flexibleSize(width: number, height: number): ImageSizeChoice {
  const limits = flexibleSizeLimits;
  const ratio = Math.min(limits.maxAspectRatio, Math.max(1 / limits.maxAspectRatio, width / height));
  let w = ratio >= width / height ? width : height * ratio;
  let h = w / ratio;
  const shrink = Math.min(1, limits.maxEdge / Math.max(w, h), Math.sqrt(limits.maxPixels / (w * h)));
  const grow = Math.max(1, Math.sqrt(limits.minPixels / (w * h)));
  w *= shrink * grow;
  h *= shrink * grow;
  let roundedWidth = roundTo(w, limits.multiple);
  let roundedHeight = roundTo(h, limits.multiple);
  if (
    roundedWidth * roundedHeight > limits.maxPixels ||
    Math.max(roundedWidth, roundedHeight) > limits.maxEdge
  ) {
    roundedWidth = Math.floor(w / limits.multiple) * limits.multiple;
    roundedHeight = Math.floor(h / limits.multiple) * limits.multiple;
  } else if (roundedWidth * roundedHeight < limits.minPixels) {
    roundedWidth = Math.ceil(w / limits.multiple) * limits.multiple;
    roundedHeight = Math.ceil(h / limits.multiple) * limits.multiple;
  }
  return {
    size: `${roundedWidth}x${roundedHeight}`,
    width: roundedWidth,
    height: roundedHeight,
    exact: roundedWidth === width && roundedHeight === height,
  };
}

function roundTo(value: number, multiple: number): number {
  return Math.max(multiple, Math.round(value / multiple) * multiple);
}
