import { type CallWarning, type ImageInput, ProviderError } from '@reelsmith/core';
import type { FalModelSpec } from './fal-models.js';
import { nearestAspectRatio, snapToGrid } from './image-size.js';

/** The size Reelsmith asks for when the input gives none: a vertical 1080×1920 frame. */
export const defaultImageSize = { width: 1080, height: 1920 } as const;

/** What {@link buildModelInput} needs besides the input. */
export interface ModelInputContext {
  provider: string;
  modelId: string;
  spec: FalModelSpec;
  outputFormat: 'png' | 'jpeg';
}

/** A model input, minus the reference image URL that the upload provides. */
export interface BuiltModelInput {
  input: Record<string, unknown>;
  warnings: CallWarning[];
  /** Images asked for. */
  count: number;
  /** The size the caller asked for (or the default), used to price images without dimensions. */
  size: { width: number; height: number };
  /** True when `providerOptions.fal.image_url` already names a hosted image (no upload). */
  hasImageUrl: boolean;
}

/**
 * Maps a Reelsmith `ImageInput` to a fal model input: prompt, `num_images`, seed, the output
 * size in the model's own terms (aspect ratio, resolution mode or pixel size) with a warning
 * when it cannot be exact, and `providerOptions.fal` merged last. Throws an `invalid_input`
 * `ProviderError` naming the field before any request when the input cannot work.
 */
export function buildModelInput(input: ImageInput, context: ModelInputContext): BuiltModelInput {
  const { spec } = context;
  const fail = (field: string, message: string) =>
    new ProviderError({
      kind: 'invalid_input',
      provider: context.provider,
      code: 'invalid_input',
      message: `\`${field}\` ${message}`,
    });
  const extra = (input.providerOptions?.fal ?? {}) as Record<string, unknown>;
  if (typeof input.prompt !== 'string' || input.prompt.trim() === '') {
    throw fail(
      'prompt',
      'must be a non-empty edit instruction, e.g. "place this bottle on a marble counter"',
    );
  }
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > spec.maxImages) {
    throw fail(
      'count',
      `must be a whole number from 1 to ${spec.maxImages} for ${context.modelId}, got ${count}`,
    );
  }
  const hasImageUrl = typeof extra.image_url === 'string' && extra.image_url !== '';
  if (!hasImageUrl) {
    if (input.referenceImage === undefined) {
      throw fail(
        'referenceImage',
        `is required: ${context.modelId} edits the product photo (or pass providerOptions.fal.image_url)`,
      );
    }
    if (!input.referenceImage.mediaType.startsWith('image/') || input.referenceImage.data.length === 0) {
      throw fail('referenceImage', `must be non-empty image bytes, got ${input.referenceImage.mediaType}`);
    }
  }

  const warnings: CallWarning[] = [];
  const size = {
    width: input.width ?? defaultImageSize.width,
    height: input.height ?? defaultImageSize.height,
  };
  const modelInput: Record<string, unknown> = { prompt: input.prompt, num_images: count };
  if (input.seed !== undefined) modelInput.seed = input.seed;
  if (spec.outputFormat) modelInput.output_format = context.outputFormat;
  if (input.negativePrompt !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'negativePrompt',
      message: 'FLUX models on fal take no negative prompt; it was ignored. Say what you want in `prompt`.',
    });
  }
  Object.assign(modelInput, sizeInput(spec, size, input, warnings));
  Object.assign(modelInput, extra);
  return { input: modelInput, warnings, count, size, hasImageUrl };
}

function sizeInput(
  spec: FalModelSpec,
  size: { width: number; height: number },
  input: ImageInput,
  warnings: CallWarning[],
): Record<string, unknown> {
  const asked = `${size.width}×${size.height}`;
  switch (spec.size) {
    case 'aspect_ratio':
    case 'resolution_mode': {
      const { ratio, exact } = nearestAspectRatio(size.width, size.height);
      if (!exact) {
        warnings.push({
          type: 'unsupported-setting',
          setting: 'width',
          message: `${asked} is not a supported aspect ratio; asked for the nearest, ${ratio}. Crop or pad the result.`,
        });
      }
      return { [spec.size]: ratio };
    }
    case 'image_size': {
      const width = snapToGrid(size.width);
      const height = snapToGrid(size.height);
      if (width !== size.width || height !== size.height) {
        warnings.push({
          type: 'unsupported-setting',
          setting: 'width',
          message: `FLUX sizes are multiples of 16: asked for ${width}×${height} instead of ${asked}.`,
        });
      }
      return { image_size: { width, height } };
    }
    case 'input':
      if (input.width !== undefined || input.height !== undefined) {
        warnings.push({
          type: 'unsupported-setting',
          setting: 'width',
          message: `this model's output follows the reference image's size; ${asked} was not applied.`,
        });
      }
      return {};
  }
}
