import { fallback, ProviderError, type RetryInfo, withRetry } from '@reelsmith/core';
import { createFakeImageProvider, installTestServer, sequence } from '@reelsmith/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createForMode, endpointOf, type ImagenMode } from './testing/contract-options.js';
import {
  generateContentSuccess,
  imageSafetyFinish,
  modelNotFound,
  notAllowlisted,
  oneOfFour,
  perMinuteQuota,
  predictSuccess,
  raiFilteredOnly,
  raiReason,
  unavailable,
} from './testing/google-answers.js';
import { postTo, tokenHandler, tokenUrl } from './testing/google-routes.js';

// Behaviour of the contracts sheet's rows 13.1 beyond the error kinds (which the contract suites check).

const server = installTestServer();
const prompt = 'Lifestyle photo of a family packing a lunchbox, vertical';
const geminiApi: ImagenMode = { vertex: false, model: 'gemini-3.1-flash-image' };
const vertexImagen: ImagenMode = { vertex: true, model: 'imagen-4.0-generate-001', location: 'us-central1' };

beforeEach(() => {
  vi.stubEnv('GEMINI_API_KEY', '');
  vi.stubEnv('GOOGLE_API_KEY', '');
});
afterEach(() => vi.unstubAllEnvs());

const modelCalls = () => server.calls.filter((call) => call.url !== tokenUrl);
function bodyOf(index: number) {
  return JSON.parse(modelCalls()[index]?.body ?? 'null');
}
const serve = (mode: ImagenMode, resolver: Parameters<typeof postTo>[1]) =>
  server.use(...(mode.vertex ? [tokenHandler()] : []), postTo(endpointOf(mode), resolver));

describe('I4: 429 per-minute quota', () => {
  it('is retried by the core after the server’s delay and succeeds on the second attempt', async () => {
    serve(geminiApi, sequence(perMinuteQuota(geminiApi.model, 7), generateContentSuccess(geminiApi.model)));
    const provider = createForMode(geminiApi);
    const retries: RetryInfo[] = [];
    const result = await withRetry(() => provider.generateImage({ prompt }), {
      retries: 3,
      maxRetryAfterMs: 5,
      onRetry: (info) => retries.push(info),
    });
    expect(result.images).toHaveLength(1);
    expect(modelCalls()).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]?.error).toMatchObject({ kind: 'rate_limit', retryAfterMs: 7000 });
  });
});

describe('I6: 200 with no image bytes', () => {
  it('is content_policy with the filter reason captured (Imagen)', async () => {
    serve(vertexImagen, raiFilteredOnly());
    const error = await createForMode(vertexImagen)
      .generateImage({ prompt })
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'content_policy',
      status: 200,
      code: 'NO_IMAGES',
      body: { filtered: [raiReason] },
    });
    expect((error as Error).message).toMatch(/Support codes: 39322892/);
  });

  it('is content_policy with the finish reason captured (Gemini image model)', async () => {
    serve(geminiApi, imageSafetyFinish(geminiApi.model));
    await expect(createForMode(geminiApi).generateImage({ prompt })).rejects.toMatchObject({
      kind: 'content_policy',
      requestId: 'resp-filtered-01',
      message: expect.stringMatching(/IMAGE_SAFETY/),
    });
  });
});

describe('I7: fewer images than asked', () => {
  it('returns the 1 image of 4, a shortfall warning, and the cost of 1 image (Imagen)', async () => {
    serve(vertexImagen, oneOfFour());
    const result = await createForMode(vertexImagen).generateImage({ prompt, count: 4 });
    expect(bodyOf(0).parameters.sampleCount).toBe(4);
    expect(result.images).toHaveLength(1);
    expect(result.warnings).toContainEqual({
      type: 'shortfall',
      message: expect.stringMatching(/asked for 4 images, got 1: .*39322892/),
    });
    expect(result.cost).toMatchObject({ usd: 0.04, quantity: 1 });
  });

  it('makes one call per image on a Gemini image model and keeps what came back', async () => {
    serve(geminiApi, sequence(generateContentSuccess(geminiApi.model), imageSafetyFinish(geminiApi.model)));
    const result = await createForMode(geminiApi).generateImage({ prompt, count: 4 });
    expect(modelCalls()).toHaveLength(4);
    expect(result.images).toHaveLength(1);
    expect(result.warnings.find((warning) => warning.type === 'shortfall')?.message).toMatch(
      /got 1: finishReason IMAGE_SAFETY/,
    );
    expect(result.cost).toMatchObject({ usd: 0.101, quantity: 1 });
  });
});

describe('I8: allow_all refused (child-detection allowlist)', () => {
  it('retries once with allow_adult and warns', async () => {
    serve(vertexImagen, sequence(notAllowlisted(), predictSuccess(1)));
    const provider = createForMode(vertexImagen, { personGeneration: 'allow_all' });
    const result = await provider.generateImage({ prompt });
    expect(modelCalls().map((_, index) => bodyOf(index).parameters.personGeneration)).toEqual([
      'ALLOW_ALL',
      'ALLOW_ADULT',
    ]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ setting: 'personGeneration' }));
  });

  it('is invalid_input after the one retry, or at once when retrying is off or allow_all was not asked', async () => {
    serve(vertexImagen, notAllowlisted());
    const asked = createForMode(vertexImagen, { personGeneration: 'allow_all' });
    await expect(asked.generateImage({ prompt })).rejects.toMatchObject({
      kind: 'invalid_input',
      status: 400,
    });
    expect(modelCalls()).toHaveLength(2);
    server.resetCalls();
    const off = createForMode(vertexImagen, {
      personGeneration: 'allow_all',
      retryWithAdultPersonGeneration: false,
    });
    await expect(off.generateImage({ prompt })).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(modelCalls()).toHaveLength(1);
    server.resetCalls();
    await expect(createForMode(vertexImagen).generateImage({ prompt })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
    expect(modelCalls()).toHaveLength(1);
  });
});

describe('I9: 404 model', () => {
  it('is model_unavailable and a fallback chain moves to the next provider', async () => {
    serve(vertexImagen, modelNotFound(vertexImagen.model, true, 'predict'));
    const next = createFakeImageProvider({ id: 'fake:images' });
    const chain = fallback([createForMode(vertexImagen), next], { breaker: false });
    const result = await chain.generateImage({ prompt });
    expect(result.images).toHaveLength(1);
    expect(next.callCount).toBe(1);
    expect(modelCalls()).toHaveLength(1);
  });
});

describe('I10: 503 twice, then 200', () => {
  it('is retried by the core and succeeds on the third attempt', async () => {
    serve(vertexImagen, sequence(unavailable(), unavailable(), predictSuccess(1)));
    const provider = createForMode(vertexImagen);
    const result = await withRetry(() => provider.generateImage({ prompt }), { retries: 3, baseDelayMs: 1 });
    expect(result.images).toHaveLength(1);
    expect(modelCalls()).toHaveLength(3);
  });
});
