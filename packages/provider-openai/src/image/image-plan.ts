import type { CallWarning, ImageInput } from '@reelsmith/core';
import { type ImageModelFamily, imageModelFamily } from '../openai-models.js';
import type { ResolvedOpenAISettings } from '../openai-settings.js';
import { chooseImageSize, type ImageSizeChoice } from './image-size.js';

/** Per-call options under `providerOptions.openai`. */
export interface OpenAIImageCallOptions {
  quality?: 'low' | 'medium' | 'high' | 'auto';
  /** An exact `WxH` to send, bypassing the nearest-size mapping. */
  size?: string;
  background?: 'opaque' | 'auto' | 'transparent';
  moderation?: 'auto' | 'low';
  inputFidelity?: 'high' | 'low';
  /** dall-e-3 only. */
  style?: 'vivid' | 'natural';
}

const knownOptions = new Set(['quality', 'size', 'background', 'moderation', 'inputFidelity', 'style']);
const promptLimits: Record<ImageModelFamily, number> = {
  'gpt-image-flexible': 32_000,
  'gpt-image': 32_000,
  'dall-e-3': 4000,
  'dall-e-2': 1000,
};

/** Everything one `generateImage` call sends, decided before any request. */
export interface ImagePlan {
  family: ImageModelFamily;
  size: ImageSizeChoice;
  /** The `quality` sent: `low`/`medium`/`high`/`auto` (GPT) or `standard`/`hd` (dall-e). */
  apiQuality: string;
  /** The price-table quality key (`auto` is priced as `high`). */
  priceQuality: string;
  outputFormat: 'png' | 'jpeg' | 'webp';
  count: number;
  prompt: string;
  /** True when the product photo goes to `images.edit`. */
  edit: boolean;
  options: OpenAIImageCallOptions;
  warnings: CallWarning[];
}

/**
 * Plans a call: the nearest supported size (with a warning when it differs), quality, output
 * format, edit-with-reference or plain generation, and warnings for settings OpenAI lacks.
 * `invalid(field, message)` throws the provider's `invalid_input` error.
 */
export function planImage(
  model: string,
  input: ImageInput,
  settings: ResolvedOpenAISettings['image'],
  invalid: (field: string, message: string) => never,
): ImagePlan {
  const family = imageModelFamily(model);
  const warnings: CallWarning[] = [];
  const raw = (input.providerOptions?.openai ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!knownOptions.has(key)) {
      warnings.push({
        type: 'unsupported-setting',
        setting: `providerOptions.openai.${key}`,
        message: `\`${key}\` is not an OpenAI image option; it was ignored`,
      });
    }
  }
  const options = raw as OpenAIImageCallOptions;
  if (typeof input.prompt !== 'string' || input.prompt.trim() === '') invalid('prompt', 'is empty');
  const width = input.width ?? 1080;
  const height = input.height ?? 1920;
  if (!isPositiveInteger(width) || !isPositiveInteger(height))
    invalid('width', 'and `height` must be positive whole numbers of pixels');
  const count = input.count ?? 1;
  if (!isPositiveInteger(count) || count > 10) invalid('count', 'must be a whole number from 1 to 10');
  if (input.referenceImage && !input.referenceImage.mediaType?.startsWith('image/')) {
    invalid(
      'referenceImage.mediaType',
      `must be an image type (png, jpeg or webp), got "${input.referenceImage.mediaType}"`,
    );
  }

  let prompt = input.prompt.trim();
  if (input.negativePrompt) {
    prompt += `\nAvoid: ${input.negativePrompt.trim()}`;
    warnings.push({
      type: 'unsupported-setting',
      setting: 'negativePrompt',
      message: 'OpenAI has no negative prompt; it was added to the prompt as "Avoid: …"',
    });
  }
  if (input.seed !== undefined) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'seed',
      message: 'OpenAI image models take no seed; it was ignored',
    });
  }
  const edit =
    input.referenceImage !== undefined && (family === 'gpt-image' || family === 'gpt-image-flexible');
  if (input.referenceImage && !edit) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'referenceImage',
      message: `${model} cannot edit with a reference image; the image was generated from the prompt alone`,
    });
  }
  if (edit) {
    prompt = `Show the exact product from the reference photo (same shape, colours, labels and logo). ${prompt}`;
  }
  const limit = settings.maxPromptCharacters ?? promptLimits[family];
  if (prompt.length > limit)
    invalid('prompt', `has ${prompt.length} characters; ${model} takes at most ${limit}`);

  const size = options.size ? explicitSize(options.size, invalid) : chooseImageSize(family, width, height);
  if (!options.size && !size.exact) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'width',
      message: `${model} cannot make ${width}x${height}; it made ${size.size} (the nearest supported size): crop or pad it to the frame`,
    });
  }
  const quality = options.quality ?? settings.quality;
  const dallE = family === 'dall-e-3' || family === 'dall-e-2';
  const apiQuality = dallE ? (quality === 'high' && family === 'dall-e-3' ? 'hd' : 'standard') : quality;
  return {
    family,
    size,
    apiQuality,
    priceQuality: dallE ? apiQuality : quality === 'auto' ? 'high' : quality,
    outputFormat: settings.outputFormat,
    count,
    prompt,
    edit,
    options,
    warnings,
  };
}

function explicitSize(size: string, invalid: (field: string, message: string) => never): ImageSizeChoice {
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (!match) return invalid('providerOptions.openai.size', `must look like "1024x1536", got "${size}"`);
  return { size, width: Number(match[1]), height: Number(match[2]), exact: true };
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
