import type { ImageGrid, Region } from './image-grid.js';

/** Bins per channel: 6 × 6 × 6 = 216 colour bins. */
const bins = 6;

/**
 * A normalized colour histogram of `region` of `grid`, each pixel weighted by its alpha so
 * transparent background does not count. Empty (all zeros) when the region is transparent.
 */
export function colorHistogram(grid: ImageGrid, region: Region): Float64Array {
  const histogram = new Float64Array(bins * bins * bins);
  const x0 = Math.max(0, Math.round(region.left));
  const y0 = Math.max(0, Math.round(region.top));
  const x1 = Math.min(grid.width, Math.round(region.left + region.width));
  const y1 = Math.min(grid.height, Math.round(region.top + region.height));
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const pixel = y * grid.width + x;
      const weight = grid.weight[pixel] ?? 0;
      if (weight === 0) continue;
      const bin = (channel: number) =>
        Math.min(bins - 1, Math.floor(((grid.rgb[pixel * 3 + channel] ?? 0) * bins) / 256));
      histogram[(bin(0) * bins + bin(1)) * bins + bin(2)] =
        (histogram[(bin(0) * bins + bin(1)) * bins + bin(2)] ?? 0) + weight;
      total += weight;
    }
  }
  if (total > 0)
    for (let index = 0; index < histogram.length; index++) histogram[index] = (histogram[index] ?? 0) / total;
  return histogram;
}

/** Bhattacharyya coefficient of two normalized histograms: 1 for the same colours, 0 for disjoint ones. */
export function histogramSimilarity(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += Math.sqrt((a[index] ?? 0) * (b[index] ?? 0));
  return Math.max(0, Math.min(1, sum));
}
