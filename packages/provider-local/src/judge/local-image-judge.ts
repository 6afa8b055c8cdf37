import {
  type CallOptions,
  type Cost,
  type JudgeInput,
  type JudgeResult,
  type MediaData,
  parseConfig,
  type VisionJudge,
} from '@reelsmith/core';
import { z } from 'zod';
import { invalidInput } from '../shared/invalid-input.js';
import { bestMatch } from './best-match.js';
import { colorHistogram, histogramSimilarity } from './color-histogram.js';
import { differenceHash } from './difference-hash.js';
import { type ImageGrid, loadImageGrid } from './image-grid.js';

/** Settings of {@link createLocalImageJudge}. Every field is optional. */
export interface LocalImageJudgeSettings {
  /** Provider id. Default `local:judge`. */
  id?: string;
  /**
   * Weight of the shape match (difference hash) in the score, 0–1; the colour-histogram match
   * gets the rest. Default 0.6.
   */
  shapeWeight?: number;
}

const settingsSchema = z.strictObject({
  id: z.string().trim().min(1).default('local:judge'),
  shapeWeight: z.number().min(0).max(1).default(0.6),
});

/** Longest side images are shrunk to before comparing. */
const referenceSide = 160;
const imageSide = 192;

/**
 * Creates the offline vision judge: scores how much `input.image` shows the product in
 * `input.reference`, from 0 to 1, with no model and no network. It finds the region of the image
 * whose difference hash (dHash) best matches the product's visible part, then blends that shape
 * match with a colour-histogram match of the same region. A frame composed from the product
 * photo scores about 0.8–1; an unrelated image about 0–0.3. It cannot read `prompt`.
 *
 * @example
 * ```ts
 * const { score, reason } = await createLocalImageJudge().judge({ image: frame, reference: photo });
 * ```
 */
export function createLocalImageJudge(settings: LocalImageJudgeSettings = {}): VisionJudge {
  return new LocalImageJudge(
    parseConfig('createLocalImageJudge', settingsSchema, settings, {
      shapeWeight: 'use a number from 0 (colour only) to 1 (shape only), e.g. 0.6',
    }),
  );
}

class LocalImageJudge implements VisionJudge {
  readonly specificationVersion = 'v1';
  readonly capability = 'vision-judge';
  readonly id: string;
  readonly #shapeWeight: number;

  constructor(settings: z.output<typeof settingsSchema>) {
    this.id = settings.id;
    this.#shapeWeight = settings.shapeWeight;
  }

  estimateCost(): Cost {
    return { usd: 0 };
  }

  async judge(input: JudgeInput, options: CallOptions = {}): Promise<JudgeResult> {
    const { signal } = options;
    signal?.throwIfAborted();
    const reference = await this.#load(input.reference, 'reference', referenceSide);
    signal?.throwIfAborted();
    const image = await this.#load(input.image, 'image', imageSide);
    signal?.throwIfAborted();
    const referenceRegion = reference.visible;
    const match = bestMatch(
      image,
      differenceHash(reference, referenceRegion),
      referenceRegion.width / referenceRegion.height,
    );
    const color = histogramSimilarity(
      colorHistogram(reference, referenceRegion),
      colorHistogram(image, match.region),
    );
    const shape = match.similarity;
    const score = round(this.#shapeWeight * shape + (1 - this.#shapeWeight) * color);
    return { score, reason: explain(score, shape, color), cost: { usd: 0 }, warnings: [] };
  }

  async #load(media: MediaData | undefined, field: string, side: number): Promise<ImageGrid> {
    if (!media || !(media.data instanceof Uint8Array) || media.data.byteLength === 0) {
      throw invalidInput(
        this.id,
        field,
        'is missing or empty',
        `pass the ${field} as \`{ data, mediaType }\` image bytes`,
      );
    }
    try {
      return await loadImageGrid(media.data, side);
    } catch (error) {
      throw invalidInput(
        this.id,
        field,
        `could not be decoded as an image (${error instanceof Error ? error.message : String(error)})`,
        'pass the bytes of a PNG, JPEG, WebP or AVIF file',
      );
    }
  }
}

function explain(score: number, shape: number, color: number): string {
  const figures = `shape ${shape.toFixed(2)}, colour ${color.toFixed(2)}`;
  if (score >= 0.7) return `The product's shape and colours appear in the image (${figures}).`;
  if (score >= 0.4) return `The image partly resembles the product photo (${figures}).`;
  return `The image shows little of the product photo (${figures}).`;
}

function round(value: number): number {
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}

/** A judge with default settings (shape weight 0.6). */
export const localImageJudge: VisionJudge = createLocalImageJudge();
