/**
 * fal.ai image models this package knows how to drive, as typed suggestions. Any other
 * `owner/app[/path]` id is accepted too (models come and go on fal): describe it in
 * `createFal({ models })` so the provider knows how it takes the output size.
 */
export type FalImageModelId =
  | 'fal-ai/flux-pro/kontext'
  | 'fal-ai/flux-pro/kontext/max'
  | 'fal-ai/flux-kontext/dev'
  | 'fal-ai/flux/dev/image-to-image'
  | 'fal-ai/flux-lora/image-to-image'
  | (string & {});

/**
 * How a model takes the output size:
 * - `aspect_ratio`: a ratio string such as `9:16` (FLUX Kontext [pro]/[max]);
 * - `resolution_mode`: the same ratios, or `match_input` (FLUX Kontext [dev]);
 * - `image_size`: `{ width, height }` in pixels (flux-lora endpoints);
 * - `input`: none; the output follows the reference image's size (FLUX.1 [dev] image-to-image).
 */
export type FalSizeControl = 'aspect_ratio' | 'resolution_mode' | 'image_size' | 'input';

/** What the provider needs to know about one fal model. */
export interface FalModelSpec {
  /** How the model takes the output size. */
  size: FalSizeControl;
  /** Most images one request may ask for (`num_images`). */
  maxImages: number;
  /** Supports `output_format` (`png` | `jpeg`). */
  outputFormat: boolean;
}

/** The model used when `image()` is called without an id. */
export const defaultFalImageModel = 'fal-ai/flux-pro/kontext';

/**
 * The built-in model table, checked against fal's model pages on 2026-11-24. None of these
 * is announced for retirement; a retired id answers 404 and maps to `model_unavailable`.
 * Override or extend it with `createFal({ models })`.
 */
export const defaultFalModels: Readonly<Record<string, FalModelSpec>> = {
  'fal-ai/flux-pro/kontext': { size: 'aspect_ratio', maxImages: 4, outputFormat: true },
  'fal-ai/flux-pro/kontext/max': { size: 'aspect_ratio', maxImages: 4, outputFormat: true },
  'fal-ai/flux-kontext/dev': { size: 'resolution_mode', maxImages: 4, outputFormat: true },
  'fal-ai/flux/dev/image-to-image': { size: 'input', maxImages: 4, outputFormat: true },
  'fal-ai/flux-lora/image-to-image': { size: 'image_size', maxImages: 4, outputFormat: true },
};

/** The spec used for a model id missing from the table: no size control, one image per request. */
export const unknownModelSpec: FalModelSpec = { size: 'input', maxImages: 1, outputFormat: false };
