import { averageOfPixels } from '../shared/average-color.js';
import { type ImageBytes, readPixels } from '../shared/read-pixels.js';

/** A rectangle in pixels. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A small copy of an image for comparison: opaque RGB (transparent pixels flattened onto the
 * image's alpha-weighted average colour), per-pixel weight (alpha, 0–1), and a summed-area table
 * of luminance for constant-time region means.
 */
export interface ImageGrid {
  width: number;
  height: number;
  rgb: Uint8Array;
  weight: Float32Array;
  /** Summed-area table of luminance, (width + 1) × (height + 1). */
  integral: Float64Array;
  /** The part of the image that is not transparent (the whole image when it is opaque). */
  visible: Region;
}

/** Decodes an image into an {@link ImageGrid} whose longer side is at most `maxSide`. */
export async function loadImageGrid(bytes: ImageBytes, maxSide: number): Promise<ImageGrid> {
  const { data, width, height } = await readPixels(bytes, maxSide);
  const base = averageOfPixels(data, width * height);
  const rgb = new Uint8Array(width * height * 3);
  const weight = new Float32Array(width * height);
  const integral = new Float64Array((width + 1) * (height + 1));
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    for (let x = 0; x < width; x++) {
      const pixel = y * width + x;
      const alpha = (data[pixel * 4 + 3] ?? 0) / 255;
      const channel = (index: number, fallback: number) =>
        Math.round((data[pixel * 4 + index] ?? 0) * alpha + fallback * (1 - alpha));
      const r = channel(0, base.r);
      const g = channel(1, base.g);
      const b = channel(2, base.b);
      rgb[pixel * 3] = r;
      rgb[pixel * 3 + 1] = g;
      rgb[pixel * 3 + 2] = b;
      weight[pixel] = alpha;
      rowSum += 0.299 * r + 0.587 * g + 0.114 * b;
      integral[(y + 1) * (width + 1) + x + 1] = (integral[y * (width + 1) + x + 1] ?? 0) + rowSum;
      if (alpha > 0.05) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  const visible =
    right < 0
      ? { left: 0, top: 0, width, height }
      : { left, top, width: right - left + 1, height: bottom - top + 1 };
  return { width, height, rgb, weight, integral, visible };
}

/** Mean luminance (0–255) of a region, from the summed-area table. Region edges may be fractional. */
export function regionMean(
  grid: ImageGrid,
  left: number,
  top: number,
  right: number,
  bottom: number,
): number {
  const x0 = Math.max(0, Math.min(grid.width, Math.round(left)));
  const y0 = Math.max(0, Math.min(grid.height, Math.round(top)));
  const x1 = Math.max(x0 + 1, Math.min(grid.width, Math.round(right)));
  const y1 = Math.max(y0 + 1, Math.min(grid.height, Math.round(bottom)));
  const stride = grid.width + 1;
  const at = (x: number, y: number) => grid.integral[y * stride + x] ?? 0;
  const sum = at(x1, y1) - at(x0, y1) - at(x1, y0) + at(x0, y0);
  return sum / ((x1 - x0) * (y1 - y0));
}
