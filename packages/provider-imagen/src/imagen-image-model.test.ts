import { ConfigError } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultImagenPrices } from './imagen-prices.js';
import { createImagen, imagen } from './imagen-provider.js';
import { createForMode } from './testing/contract-options.js';
import {
  generateContentSuccess,
  modelNotFound,
  pngBase64,
  predictSuccess,
} from './testing/google-answers.js';
import {
  geminiApiUrl,
  postTo,
  testAccessToken,
  testApiKey,
  tokenHandler,
  tokenUrl,
  vertexUrl,
} from './testing/google-routes.js';

const server = installTestServer();
const prompt = 'Studio photo of a stainless steel water bottle on a kitchen counter';
const photo = { data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), mediaType: 'image/jpeg' };

beforeEach(() => {
  // Keep this machine's own keys out of the SDK's environment lookups.
  vi.stubEnv('GEMINI_API_KEY', '');
  vi.stubEnv('GOOGLE_API_KEY', '');
  vi.stubEnv('GOOGLE_GENAI_USE_VERTEXAI', '');
});
afterEach(() => vi.unstubAllEnvs());

const bodyOf = (index = 0) =>
  JSON.parse(server.calls.filter((call) => call.url !== tokenUrl)[index]?.body ?? 'null');

describe('requests on the wire', () => {
  it('Imagen on the Gemini API: :predict with x-goog-api-key, priced per image from the table', async () => {
    let key: string | null = null;
    server.use(
      postTo(geminiApiUrl('imagen-4.0-generate-001', 'predict'), ({ request }) => {
        key = request.headers.get('x-goog-api-key');
        return HttpResponse.json({ predictions: [{ mimeType: 'image/png', bytesBase64Encoded: pngBase64 }] });
      }),
    );
    const provider = createForMode({ vertex: false, model: 'imagen-4.0-generate-001' });
    const result = await provider.generateImage({ prompt });
    expect(key).toBe(testApiKey);
    expect(bodyOf()).toEqual({
      instances: [{ prompt }],
      parameters: {
        sampleCount: 1,
        aspectRatio: '9:16',
        personGeneration: 'allow_adult',
        includeRaiReason: true,
        outputOptions: { mimeType: 'image/png' },
        imageSize: '2K',
      },
    });
    expect(result.images[0]).toMatchObject({ mediaType: 'image/png', width: 9, height: 16 });
    expect(result.cost).toEqual({
      usd: defaultImagenPrices.perImage['imagen-4.0-generate-001']?.['2K'],
      unit: 'image (2K)',
      quantity: 1,
      priceDate: defaultImagenPrices.date,
    });
    expect(provider.estimateCost({ prompt })).toEqual(result.cost);
    expect(result.warnings).toContainEqual(expect.objectContaining({ type: 'deprecated' }));
  });

  it('Imagen on Vertex AI: generateImages in the region, with a service-account Bearer token', async () => {
    let authorization: string | null = null;
    const url = vertexUrl('imagen-4.0-generate-001', 'predict', 'us-central1');
    server.use(
      tokenHandler(),
      postTo(url, (info) => {
        authorization = info.request.headers.get('authorization');
        return predictSuccess(2)(info);
      }),
    );
    const provider = createForMode({
      vertex: true,
      model: 'imagen-4.0-generate-001',
      location: 'us-central1',
    });
    const result = await provider.generateImage({ prompt, count: 2, negativePrompt: 'text, logos' });
    expect(authorization).toBe(`Bearer ${testAccessToken}`);
    expect(bodyOf()).toEqual({
      instances: [{ prompt }],
      parameters: {
        sampleCount: 2,
        aspectRatio: '9:16',
        personGeneration: 'ALLOW_ADULT',
        includeRaiReason: true,
        outputOptions: { mimeType: 'image/png' },
        sampleImageSize: '2K',
        negativePrompt: 'text, logos',
      },
    });
    expect(result.images).toHaveLength(2);
    expect(result.cost).toMatchObject({ usd: 0.08, quantity: 2 });
  });

  it('Gemini image model on Vertex AI: generateContent with the product photo inline and IMAGE output', async () => {
    const model = 'gemini-3.1-flash-image';
    server.use(
      tokenHandler(),
      postTo(vertexUrl(model, 'generateContent', 'global'), generateContentSuccess(model)),
    );
    const result = await createForMode({ vertex: true, model }).generateImage({
      prompt,
      referenceImage: photo,
    });
    expect(bodyOf()).toEqual({
      contents: [
        {
          role: 'user',
          parts: [{ inlineData: { mimeType: 'image/jpeg', data: '/9j/2Q==' } }, { text: prompt }],
        },
      ],
      generationConfig: {
        responseModalities: ['IMAGE'],
        imageConfig: {
          aspectRatio: '9:16',
          imageSize: '2K',
          personGeneration: 'ALLOW_ADULT',
          imageOutputOptions: { mimeType: 'image/png' },
        },
      },
    });
    expect(result.cost).toEqual({ usd: 0.101, unit: 'image (2K)', quantity: 1, priceDate: '2026-11-24' });
    expect(result.warnings).toEqual([]);
  });

  it('sends no retries of its own: one 503 is one request', async () => {
    const model = 'gemini-3.1-flash-image';
    server.use(postTo(geminiApiUrl(model, 'generateContent'), () => HttpResponse.json({}, { status: 503 })));
    await expect(createForMode({ vertex: false, model }).generateImage({ prompt })).rejects.toMatchObject({
      kind: 'transient',
      status: 503,
    });
    expect(server.calls).toHaveLength(1);
  });

  it('uses baseURL, headers and an injected fetch', async () => {
    const fetchSpy = vi.fn((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
    let team: string | null = null;
    server.use(
      postTo('https://proxy.example.test/v1beta/models/gemini-3.1-flash-image:generateContent', (info) => {
        team = info.request.headers.get('x-team');
        return generateContentSuccess('gemini-3.1-flash-image')(info);
      }),
    );
    const provider = createImagen({
      apiKey: testApiKey,
      baseURL: 'https://proxy.example.test',
      headers: { 'x-team': 'video' },
      fetch: fetchSpy,
    }).image();
    const progress: (number | undefined)[] = [];
    await provider.generateImage({ prompt }, { onProgress: (event) => progress.push(event.fraction) });
    expect(team).toBe('video');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(progress).toEqual([0, 1]);
  });
});

describe('models, prices and the default instance', () => {
  it('prices a count from the table exactly, with the table date', () => {
    const provider = createImagen({ apiKey: testApiKey }).image();
    expect(provider.id).toBe('imagen:gemini-3.1-flash-image');
    expect(provider.estimateCost({ prompt, count: 2 })).toEqual({
      usd: 0.202,
      unit: 'image (2K)',
      quantity: 2,
      priceDate: '2026-11-24',
    });
    const cheap = createImagen({ apiKey: testApiKey, imageSize: '1K' }).image();
    expect(cheap.estimateCost({ prompt }).usd).toBe(0.067);
  });

  it('an unknown model needs a price; with one it is called, and a 404 is model_unavailable', async () => {
    expect(() => createImagen({ apiKey: testApiKey }).image('imagen-9.0-generate-001')).toThrow(ConfigError);
    const provider = createImagen({
      apiKey: testApiKey,
      prices: { date: '2026-12-01', perImage: { 'imagen-9.0-generate-001': { '1K': 0.05 } } },
    }).image('imagen-9.0-generate-001');
    server.use(
      postTo(
        geminiApiUrl('imagen-9.0-generate-001', 'predict'),
        modelNotFound('imagen-9.0-generate-001', false, 'predict'),
      ),
    );
    await expect(provider.generateImage({ prompt })).rejects.toMatchObject({
      kind: 'model_unavailable',
      status: 404,
    });
    expect(provider.estimateCost({ prompt })).toMatchObject({ usd: 0.05, priceDate: '2026-12-01' });
  });

  it('reads the key at the first call, not at creation, and names the variable when it is missing', async () => {
    const provider = createImagen().image();
    await expect(provider.generateImage({ prompt })).rejects.toThrow(/GEMINI_API_KEY/);
    expect(server.calls).toHaveLength(0);
  });

  it('the default instance uses GEMINI_API_KEY', async () => {
    const envKey = 'AIzaFAKE-env-reelsmith-key-01';
    vi.stubEnv('GEMINI_API_KEY', envKey);
    let key: string | null = null;
    server.use(
      postTo(geminiApiUrl('gemini-3.1-flash-image', 'generateContent'), (info) => {
        key = info.request.headers.get('x-goog-api-key');
        return generateContentSuccess('gemini-3.1-flash-image')(info);
      }),
    );
    const result = await imagen.image().generateImage({ prompt });
    expect(key).toBe(envKey);
    expect(result.images).toHaveLength(1);
  });
});
