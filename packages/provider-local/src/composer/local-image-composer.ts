import {
  type CallOptions,
  type CallWarning,
  type Cost,
  type GeneratedImage,
  type ImageInput,
  type ImageProvider,
  type ImageResult,
  parseConfig,
} from '@reelsmith/core';
import sharp from 'sharp';
import { z } from 'zod';
import { invalidInput } from '../shared/invalid-input.js';
import { applySharpConcurrency } from '../shared/sharp-concurrency.js';
import { composeFrame } from './compose-frame.js';
import { frameLayout } from './frame-layout.js';

/** Settings of {@link createLocalImageComposer}. Every field is optional. */
export interface LocalImageComposerSettings {
  /** Provider id, for breakers, limits and costs. Default `local:composer`. */
  id?: string;
  /** Frame size when the call gives none. Default 1080×1920 (9:16). */
  width?: number;
  height?: number;
  /**
   * libvips threads per image operation (sharp's process-wide `sharp.concurrency`), applied
   * on the composer's first call. Default: 1 on ≤ 2 cores, else cores − 1 (at most 8).
   */
  concurrency?: number;
  /** CSS font family of the caption band. Default `'DejaVu Sans', 'Liberation Sans', sans-serif`. */
  fontFamily?: string;
  /** Opacity of the photo's average colour over the blurred background, 0–1. Default 0.35. */
  tint?: number;
  /** Draw the caption band. Default true. */
  caption?: boolean;
}

const settingsSchema = z.strictObject({
  id: z.string().trim().min(1).default('local:composer'),
  width: z.int().min(16).max(4096).default(1080),
  height: z.int().min(16).max(4096).default(1920),
  concurrency: z.int().min(1).max(64).optional(),
  fontFamily: z.string().trim().min(1).default("'DejaVu Sans', 'Liberation Sans', sans-serif"),
  tint: z.number().min(0).max(1).default(0.35),
  caption: z.boolean().default(true),
});

const hints = {
  width: 'use a whole number of pixels from 16 to 4096, e.g. 1080',
  height: 'use a whole number of pixels from 16 to 4096, e.g. 1920',
  concurrency: 'use a whole number of threads from 1 to 64, or leave it out for the default',
  tint: 'use a number from 0 (no tint) to 1 (solid colour), e.g. 0.35',
};

/** Most images one call may ask for. */
const maxCount = 8;

/**
 * Creates the offline image provider: each image is a frame composed with sharp from the
 * product photo in `input.referenceImage` — blurred, colour-matched background, the product
 * with a soft shadow, and a caption band showing `providerOptions.local.caption` or the
 * prompt's first line. Costs nothing; no network.
 *
 * @example
 * ```ts
 * const composer = createLocalImageComposer({ tint: 0.4 });
 * const { images } = await composer.generateImage({
 *   prompt: 'Keeps drinks cold for 24 hours',
 *   referenceImage: { data: await readFile('bottle.png'), mediaType: 'image/png' },
 * });
 * ```
 */
export function createLocalImageComposer(settings: LocalImageComposerSettings = {}): ImageProvider {
  return new LocalImageComposer(parseConfig('createLocalImageComposer', settingsSchema, settings, hints));
}

class LocalImageComposer implements ImageProvider {
  readonly specificationVersion = 'v1';
  readonly capability = 'image';
  readonly id: string;
  readonly #settings: z.output<typeof settingsSchema>;
  #concurrencyApplied = false;

  constructor(settings: z.output<typeof settingsSchema>) {
    this.id = settings.id;
    this.#settings = settings;
  }

  estimateCost(): Cost {
    return { usd: 0, unit: 'image', quantity: 1 };
  }

  async generateImage(input: ImageInput, options: CallOptions = {}): Promise<ImageResult> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    if (!this.#concurrencyApplied) {
      applySharpConcurrency(this.#settings.concurrency);
      this.#concurrencyApplied = true;
    }
    const { width, height, count, photo } = await this.#readInput(input);
    const warnings: CallWarning[] = [];
    if (input.negativePrompt) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'negativePrompt',
        message: 'the local composer draws no generated content, so negativePrompt is ignored',
      });
    }
    const caption = this.#caption(input, warnings);
    const images: GeneratedImage[] = [];
    for (let index = 0; index < count; index++) {
      signal?.throwIfAborted();
      const data = await composeFrame(photo, {
        width,
        height,
        caption,
        layout: frameLayout(input.prompt, input.seed, index),
        fontFamily: this.#settings.fontFamily,
        tint: this.#settings.tint,
        signal,
      });
      images.push({ data, mediaType: 'image/png', width, height });
      onProgress?.({ fraction: (index + 1) / count, message: `composed frame ${index + 1} of ${count}` });
    }
    return { images, cost: { usd: 0, unit: 'image', quantity: count }, warnings };
  }

  #caption(input: ImageInput, warnings: CallWarning[]): string | undefined {
    if (!this.#settings.caption) return undefined;
    const override = input.providerOptions?.local?.caption;
    if (typeof override === 'string') return override;
    if (override !== undefined) {
      warnings.push({
        type: 'unsupported-setting',
        setting: 'providerOptions.local.caption',
        message: 'providerOptions.local.caption must be a string; the prompt was used instead',
      });
    }
    return input.prompt.split('\n')[0]?.trim();
  }

  async #readInput(
    input: ImageInput,
  ): Promise<{ width: number; height: number; count: number; photo: Buffer }> {
    const width = input.width ?? this.#settings.width;
    const height = input.height ?? this.#settings.height;
    const count = input.count ?? 1;
    for (const [field, value, max] of [
      ['width', width, 4096],
      ['height', height, 4096],
      ['count', count, maxCount],
    ] as const) {
      if (!Number.isInteger(value) || value < (field === 'count' ? 1 : 16) || value > max) {
        throw invalidInput(
          this.id,
          field,
          `is ${String(value)}`,
          `use a whole number from ${field === 'count' ? 1 : 16} to ${max}`,
        );
      }
    }
    const reference = input.referenceImage;
    if (!reference || !(reference.data instanceof Uint8Array) || reference.data.byteLength === 0) {
      throw invalidInput(
        this.id,
        'referenceImage',
        'is missing: the local composer builds every frame from the product photo',
        'pass the product photo as `referenceImage: { data, mediaType }` (PNG, JPEG or WebP bytes)',
      );
    }
    const photo = Buffer.from(reference.data.buffer, reference.data.byteOffset, reference.data.byteLength);
    try {
      const metadata = await sharp(photo).metadata();
      if (!metadata.width || !metadata.height) throw new Error('no image size');
    } catch (error) {
      throw invalidInput(
        this.id,
        'referenceImage',
        `could not be decoded as an image (${error instanceof Error ? error.message : String(error)})`,
        'pass the bytes of a PNG, JPEG, WebP or AVIF file',
      );
    }
    return { width, height, count, photo };
  }
}

/**
 * A composer with default settings: 1080×1920 frames. sharp's thread count is set on its first
 * call, not at import.
 */
export const localImageComposer: ImageProvider = createLocalImageComposer();
