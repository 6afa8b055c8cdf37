import type { ImageInput } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { buildModelInput } from './build-model-input.js';
import { defaultFalModels, type FalModelSpec } from './fal-models.js';

const reference = { data: new Uint8Array([137, 80, 78, 71]), mediaType: 'image/png' };
const build = (input: Partial<ImageInput>, modelId = 'fal-ai/flux-pro/kontext', spec?: FalModelSpec) =>
  buildModelInput(
    { prompt: 'put it on a table', referenceImage: reference, ...input },
    { provider: `fal:${modelId}`, modelId, spec: spec ?? defaultFalModels[modelId]!, outputFormat: 'png' },
  );

describe('buildModelInput', () => {
  it('maps a default vertical frame to aspect_ratio 9:16 without warnings', () => {
    const built = build({});
    expect(built.input).toEqual({
      prompt: 'put it on a table',
      num_images: 1,
      output_format: 'png',
      aspect_ratio: '9:16',
    });
    expect(built.warnings).toEqual([]);
    expect(built.size).toEqual({ width: 1080, height: 1920 });
  });

  it('uses resolution_mode for Kontext [dev] and the 16-pixel grid for flux-lora', () => {
    expect(build({}, 'fal-ai/flux-kontext/dev').input.resolution_mode).toBe('9:16');
    const lora = build({ width: 720, height: 1280 }, 'fal-ai/flux-lora/image-to-image');
    expect(lora.input.image_size).toEqual({ width: 720, height: 1280 });
    expect(lora.warnings).toEqual([]);
  });

  it('warns when the ratio is not supported, naming the one used', () => {
    const built = build({ width: 1000, height: 1700 });
    expect(built.input.aspect_ratio).toBe('9:16');
    expect(built.warnings).toEqual([
      expect.objectContaining({
        type: 'unsupported-setting',
        message: expect.stringContaining('nearest, 9:16'),
      }),
    ]);
  });

  it('passes count and seed, warns on negativePrompt, merges providerOptions.fal last', () => {
    const built = build({
      count: 3,
      seed: 7,
      negativePrompt: 'blurry',
      providerOptions: { fal: { guidance_scale: 4, aspect_ratio: '3:4' } },
    });
    expect(built.input).toMatchObject({ num_images: 3, seed: 7, guidance_scale: 4, aspect_ratio: '3:4' });
    expect(built.warnings.map((warning) => warning.setting)).toEqual(['negativePrompt']);
  });

  it('rejects what cannot work before any request, naming the field', () => {
    expect(() => build({ prompt: ' ' })).toThrow(/`prompt`/);
    expect(() => build({ count: 5 })).toThrow(/`count` must be a whole number from 1 to 4/);
    expect(() => build({ referenceImage: undefined })).toThrow(/`referenceImage` is required/);
    expect(() => build({ referenceImage: { data: new Uint8Array(0), mediaType: 'image/png' } })).toThrow(
      /`referenceImage` must be non-empty image bytes/,
    );
  });

  it('needs no reference when providerOptions.fal.image_url is given', () => {
    const built = build({
      referenceImage: undefined,
      providerOptions: { fal: { image_url: 'https://x.test/a.png' } },
    });
    expect(built.hasImageUrl).toBe(true);
    expect(built.input.image_url).toBe('https://x.test/a.png');
  });
});
