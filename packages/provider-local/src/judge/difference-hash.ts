import { type ImageGrid, type Region, regionMean } from './image-grid.js';

/** Cells per side of the grid the hash compares: (n − 1) × n horizontal + n × (n − 1) vertical bits. */
const cells = 9;

/**
 * A difference hash (dHash) of a region: the region is averaged down to a 9×9 luminance grid
 * and each bit says whether a cell is brighter than its right (or lower) neighbour — 144 bits.
 * `strength` keeps how large each difference was, so comparisons can ignore flat areas where
 * the sign is noise.
 */
export interface DifferenceHash {
  bits: Uint8Array;
  strength: Float32Array;
  /** Standard deviation of the 9×9 grid, 0–255: near zero for a flat region. */
  contrast: number;
}

/** The {@link DifferenceHash} of `region` of `grid`. */
export function differenceHash(grid: ImageGrid, region: Region): DifferenceHash {
  const means = new Float64Array(cells * cells);
  const cellWidth = region.width / cells;
  const cellHeight = region.height / cells;
  for (let row = 0; row < cells; row++) {
    for (let column = 0; column < cells; column++) {
      const left = region.left + column * cellWidth;
      const top = region.top + row * cellHeight;
      means[row * cells + column] = regionMean(grid, left, top, left + cellWidth, top + cellHeight);
    }
  }
  const size = 2 * cells * (cells - 1);
  const bits = new Uint8Array(size);
  const strength = new Float32Array(size);
  let index = 0;
  for (let row = 0; row < cells; row++) {
    for (let column = 0; column < cells - 1; column++) {
      const difference = (means[row * cells + column] ?? 0) - (means[row * cells + column + 1] ?? 0);
      bits[index] = difference > 0 ? 1 : 0;
      strength[index++] = Math.abs(difference);
    }
  }
  for (let row = 0; row < cells - 1; row++) {
    for (let column = 0; column < cells; column++) {
      const difference = (means[row * cells + column] ?? 0) - (means[(row + 1) * cells + column] ?? 0);
      bits[index] = difference > 0 ? 1 : 0;
      strength[index++] = Math.abs(difference);
    }
  }
  return { bits, strength, contrast: standardDeviation(means) };
}

/** Below this grid contrast (0–255) a region is treated as flat: its hash carries no shape. */
const flatContrast = 3;

/**
 * Similarity of two hashes, 0–1: the share of matching bits, each weighted by the stronger of
 * its two differences, rescaled so unrelated images (half the bits match) score about 0 and
 * identical ones 1. A flat region matches only another flat region.
 */
export function hashSimilarity(a: DifferenceHash, b: DifferenceHash): number {
  const aFlat = a.contrast < flatContrast;
  const bFlat = b.contrast < flatContrast;
  if (aFlat || bFlat) return aFlat && bFlat ? 1 : 0;
  let agree = 0;
  let total = 0;
  for (let index = 0; index < a.bits.length; index++) {
    const weight = Math.max(a.strength[index] ?? 0, b.strength[index] ?? 0);
    total += weight;
    if (a.bits[index] === b.bits[index]) agree += weight;
  }
  if (total === 0) return 0;
  return Math.max(0, Math.min(1, (agree / total - 0.5) * 2));
}

function standardDeviation(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return Math.sqrt(squares / values.length);
}
