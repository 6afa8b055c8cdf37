import { type DifferenceHash, differenceHash, hashSimilarity } from './difference-hash.js';
import type { ImageGrid, Region } from './image-grid.js';

/** The region of an image that looks most like the reference, and how much. */
export interface Match {
  region: Region;
  /** {@link hashSimilarity} of the region, 0–1. */
  similarity: number;
}

/** Each smaller crop size is this fraction of the previous one. */
const sizeStep = 0.88;
/** The smallest crop tried, as a fraction of the largest. */
const smallestCrop = 0.15;
/** Crop positions are this fraction of the crop size apart. */
const positionStep = 1 / 10;

/**
 * Slides crops with the reference's aspect ratio over `image`, at sizes from the largest that
 * fits down to 15 % of it, and returns the crop whose difference hash best matches `reference`.
 * A generated scene usually shows the product smaller than the frame and off-centre; this finds
 * it wherever it is.
 */
export function bestMatch(image: ImageGrid, reference: DifferenceHash, aspect: number): Match {
  const largestHeight = Math.min(image.height, image.width / aspect);
  let best: Match = { region: { left: 0, top: 0, width: image.width, height: image.height }, similarity: -1 };
  for (
    let height = largestHeight;
    height >= largestHeight * smallestCrop && height >= 4;
    height *= sizeStep
  ) {
    const width = height * aspect;
    const step = Math.max(1, Math.min(width, height) * positionStep);
    for (let top = 0; top + height <= image.height + 0.01; top += step) {
      for (let left = 0; left + width <= image.width + 0.01; left += step) {
        const region = { left, top, width, height };
        const similarity = hashSimilarity(reference, differenceHash(image, region));
        if (similarity > best.similarity) best = { region, similarity };
      }
    }
  }
  best = refine(image, reference, best);
  return { region: best.region, similarity: Math.max(0, best.similarity) };
}

/** Nudges the best crop's position and size in ever smaller steps while that improves the match. */
function refine(image: ImageGrid, reference: DifferenceHash, start: Match): Match {
  let best = start;
  for (let step = Math.min(start.region.width, start.region.height) * positionStep; step >= 0.5; step /= 2) {
    const { left, top, width, height } = best.region;
    const scales = [1 - step / height, 1, 1 + step / height];
    for (const scale of scales) {
      const scaledWidth = width * scale;
      const scaledHeight = height * scale;
      for (const dy of [-step, 0, step]) {
        for (const dx of [-step, 0, step]) {
          const region = {
            left: left + dx - (scaledWidth - width) / 2,
            top: top + dy - (scaledHeight - height) / 2,
            width: scaledWidth,
            height: scaledHeight,
          };
          if (region.left < 0 || region.top < 0) continue;
          if (region.left + region.width > image.width || region.top + region.height > image.height) continue;
          const similarity = hashSimilarity(reference, differenceHash(image, region));
          if (similarity > best.similarity) best = { region, similarity };
        }
      }
    }
  }
  return best;
}
