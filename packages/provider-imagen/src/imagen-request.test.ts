import { ProviderError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { modelSpecFor } from './imagen-models.js';
import { geminiContentRequest, imagenGeminiApiBody, imagenVertexConfig, planCall } from './imagen-request.js';
import type { ImagenSettings } from './imagen-settings.js';

const plan = (
  modelId: string,
  vertexai: boolean,
  input: Parameters<typeof planCall>[0],
  settings: ImagenSettings = {},
) =>
  planCall(input, {
    provider: `imagen:${modelId}`,
    modelId,
    spec: modelSpecFor(modelId),
    vertexai,
    settings,
  });

const photo = { data: new Uint8Array([1, 2, 3]), mediaType: 'image/jpeg' };

describe('planCall', () => {
  it('rejects bad input before any request, naming the field', () => {
    const fails = (input: Parameters<typeof planCall>[0], field: RegExp) => {
      let caught: unknown;
      try {
        plan('imagen-4.0-generate-001', false, input);
      } catch (error) {
        caught = error;
      }
      expect(ProviderError.isInstance(caught) && caught.kind).toBe('invalid_input');
      expect((caught as Error).message).toMatch(field);
    };
    fails({ prompt: '  ' }, /`prompt`/);
    fails({ prompt: 'x', count: 5 }, /`count`.*1–4/);
    fails({ prompt: 'x', width: 0 }, /`width\/height`/);
    fails(
      { prompt: 'x', providerOptions: { imagen: { personGeneration: 'everyone' } } },
      /providerOptions\.imagen\.personGeneration/,
    );
    expect(() =>
      planCall(
        { prompt: 'x', referenceImage: { data: new Uint8Array(11), mediaType: 'image/png' } },
        {
          provider: 'p',
          modelId: 'gemini-3.1-flash-image',
          spec: modelSpecFor('gemini-3.1-flash-image'),
          vertexai: false,
          settings: { maxReferenceImageBytes: 10 },
        },
      ),
    ).toThrow(/`referenceImage`/);
  });

  it('warns about what a model cannot take, and about retirement', () => {
    const imagen = plan('imagen-4.0-generate-001', false, {
      prompt: 'x',
      referenceImage: photo,
      negativePrompt: 'blur',
      seed: 4,
    });
    expect(imagen.warnings.map((warning) => warning.setting ?? warning.type)).toEqual([
      'deprecated',
      'referenceImage',
      'negativePrompt',
      'seed',
    ]);
    expect(imagen.warnings[0]?.message).toMatch(/2026-08-17/);
    const vertex = plan('imagen-4.0-generate-001', true, { prompt: 'x', negativePrompt: 'blur', seed: 4 });
    expect(vertex).toMatchObject({ negativePrompt: 'blur', seed: 4 });
    expect(vertex.warnings[0]?.message).toMatch(/2026-06-30/);
    const gemini = plan(
      'gemini-3.1-flash-image',
      false,
      { prompt: 'x', referenceImage: photo },
      { outputMimeType: 'image/jpeg' },
    );
    expect(gemini.referenceImage).toBe(photo);
    expect(gemini.warnings.map((warning) => warning.setting)).toEqual(['outputMimeType']);
    const fast = plan('imagen-4.0-fast-generate-001', true, { prompt: 'x', width: 1080, height: 1350 });
    expect(fast.warnings.map((warning) => warning.setting ?? warning.type)).toEqual([
      'width/height',
      'other',
      'deprecated',
    ]);
  });
});

describe('request bodies', () => {
  it('Imagen on Vertex AI: SDK names, upper-case person generation, RAI reasons on, seed without watermark', () => {
    const config = imagenVertexConfig(
      plan(
        'imagen-4.0-generate-001',
        true,
        { prompt: 'x', count: 2, seed: 9 },
        { safetyFilterLevel: 'block_only_high' },
      ),
    );
    expect(config).toEqual({
      numberOfImages: 2,
      aspectRatio: '9:16',
      imageSize: '2K',
      personGeneration: 'ALLOW_ADULT',
      includeRaiReason: true,
      outputMimeType: 'image/png',
      safetyFilterLevel: 'BLOCK_ONLY_HIGH',
      seed: 9,
      addWatermark: false,
    });
  });

  it('Imagen on the Gemini API: the REST :predict body of the contracts sheet', () => {
    const body = imagenGeminiApiBody(
      plan(
        'imagen-4.0-generate-001',
        false,
        { prompt: 'a bottle' },
        { outputMimeType: 'image/jpeg', compressionQuality: 80 },
      ),
    );
    expect(body).toEqual({
      instances: [{ prompt: 'a bottle' }],
      parameters: {
        sampleCount: 1,
        aspectRatio: '9:16',
        personGeneration: 'allow_adult',
        includeRaiReason: true,
        outputOptions: { mimeType: 'image/jpeg', compressionQuality: 80 },
        imageSize: '2K',
      },
    });
  });

  it('Gemini image models: the product photo inline before the prompt, image output only', () => {
    const geminiApi = geminiContentRequest(
      plan('gemini-3.1-flash-image', false, { prompt: 'on a table', referenceImage: photo }),
    );
    expect(geminiApi.parts).toEqual([
      { inlineData: { mimeType: 'image/jpeg', data: 'AQID' } },
      { text: 'on a table' },
    ]);
    expect(geminiApi.config).toEqual({
      responseModalities: ['IMAGE'],
      imageConfig: { aspectRatio: '9:16', imageSize: '2K' },
      automaticContinuation: false,
    });
    const vertex = geminiContentRequest(
      plan('gemini-3.1-flash-image', true, { prompt: 'x', seed: 3 }, { personGeneration: 'allow_all' }),
    );
    expect(vertex.config).toMatchObject({
      imageConfig: {
        aspectRatio: '9:16',
        imageSize: '2K',
        personGeneration: 'ALLOW_ALL',
        outputMimeType: 'image/png',
      },
      seed: 3,
    });
    // gemini-2.5-flash-image has one size: none is sent.
    expect(
      geminiContentRequest(plan('gemini-2.5-flash-image', false, { prompt: 'x' })).config.imageConfig,
    ).toEqual({
      aspectRatio: '9:16',
    });
  });
});
