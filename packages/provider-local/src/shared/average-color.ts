import type { MediaData } from '@reelsmith/core';
import { readPixels } from './read-pixels.js';

/** An sRGB colour with the share of the image that is not transparent. */
export interface AverageColor {
  /** 0–255 each. */
  r: number;
  g: number;
  b: number;
  /** `#rrggbb`. */
  hex: string;
  /** Mean alpha, 0–1: 0 for a fully transparent image (the colour is then black). */
  coverage: number;
}

/** Longest side the image is shrunk to before averaging; plenty for a mean. */
const sampleSide = 256;

/**
 * The alpha-weighted average colour of an image: each pixel counts in proportion to its
 * opacity, so a product photo on a transparent background gives the product's colour.
 * (sharp's `stats().dominant` counts transparent pixels as black or their hidden RGB, which
 * skews it.)
 *
 * @example
 * ```ts
 * const { hex } = await averageColor(await readFile('bottle.png'));
 * ```
 */
export async function averageColor(image: MediaData | Uint8Array): Promise<AverageColor> {
  const bytes = image instanceof Uint8Array ? image : image.data;
  const { data, width, height } = await readPixels(bytes, sampleSide);
  return averageOfPixels(data, width * height);
}

/** The alpha-weighted average of raw RGBA pixels. */
export function averageOfPixels(data: Uint8Array, pixels: number): AverageColor {
  let red = 0;
  let green = 0;
  let blue = 0;
  let weight = 0;
  for (let offset = 0; offset < pixels * 4; offset += 4) {
    const alpha = data[offset + 3] ?? 0;
    if (alpha === 0) continue;
    red += (data[offset] ?? 0) * alpha;
    green += (data[offset + 1] ?? 0) * alpha;
    blue += (data[offset + 2] ?? 0) * alpha;
    weight += alpha;
  }
  if (weight === 0) return { r: 0, g: 0, b: 0, hex: '#000000', coverage: 0 };
  const r = Math.round(red / weight);
  const g = Math.round(green / weight);
  const b = Math.round(blue / weight);
  return { r, g, b, hex: toHex(r, g, b), coverage: weight / (255 * pixels) };
}

function toHex(...channels: number[]): string {
  return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
