import { fallback, ProviderError } from '@reelsmith/core';
import { createPng, installTestServer } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOpenAI } from '../openai-provider.js';
import { openAIError } from '../testing/openai-faults.js';
import { fixturePngBase64, imagesResponse, openAIHeaders } from '../testing/openai-fixtures.js';
import {
  imageEditsUrl,
  imageGenerationsUrl,
  imagesRoute,
  imagesSuccess,
} from '../testing/openai-handlers.js';
import { testApiKey } from '../testing/test-keys.js';

const server = installTestServer();
const openai = () => createOpenAI({ apiKey: testApiKey });
const prompt = 'A matte black gooseneck kettle on a wooden counter';
const photo = { data: createPng({ width: 16, height: 16 }), mediaType: 'image/png' };

function captureJson(url: string): { body?: any } {
  const captured: { body?: any } = {};
  server.use(
    http.post(url, async ({ request }) => {
      captured.body = await request.clone().json();
      return undefined;
    }),
    ...imagesSuccess,
  );
  return captured;
}

function captureForm(): { fields?: Record<string, string | File> } {
  const captured: { fields?: Record<string, string | File> } = {};
  server.use(
    http.post(imageEditsUrl, async ({ request }) => {
      captured.fields = Object.fromEntries((await request.clone().formData()).entries()) as Record<
        string,
        string | File
      >;
      return undefined;
    }),
    ...imagesSuccess,
  );
  return captured;
}

describe('openai.image() generate', () => {
  it('sends the nearest size, quality, format and moderation, and decodes the base64 PNG', async () => {
    const captured = captureJson(imageGenerationsUrl);
    const result = await openai().image().generateImage({ prompt, width: 1080, height: 1920 });
    expect(captured.body).toEqual({
      model: 'gpt-image-2',
      prompt,
      n: 1,
      size: '1088x1920',
      quality: 'medium',
      output_format: 'png',
      moderation: 'auto',
    });
    const [image] = result.images;
    expect(image?.mediaType).toBe('image/png');
    expect(Buffer.from(image!.data).toString('base64')).toBe(fixturePngBase64);
    expect(image).toMatchObject({ width: 1088, height: 1920 });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'width' }),
    ]);
  });

  it('bills the token usage at the table’s rates', async () => {
    server.use(...imagesSuccess);
    const { cost } = await openai().image().generateImage({ prompt, width: 1088, height: 1920 });
    // 50 text tokens × $5/1M + 1584 image output tokens × $30/1M
    expect(cost).toEqual({ usd: 0.04777, unit: 'image', quantity: 1, priceDate: '2026-11-24' });
  });

  it('estimates from the per-image table', () => {
    expect(openai().image('gpt-image-1').estimateCost({ prompt, width: 1024, height: 1536 }).usd).toBe(0.063);
    expect(openai().image('gpt-image-1').estimateCost({ prompt, count: 2 }).usd).toBe(0.126);
    expect(openai().image('dall-e-3').estimateCost({ prompt }).usd).toBe(0.08);
    expect(
      createOpenAI({ image: { quality: 'high' } })
        .image('dall-e-3')
        .estimateCost({ prompt }).usd,
    ).toBe(0.12);
  });

  it('folds the negative prompt into the prompt and warns about seed', async () => {
    const captured = captureJson(imageGenerationsUrl);
    const result = await openai()
      .image()
      .generateImage({ prompt, negativePrompt: 'text, watermark', seed: 7 });
    expect(captured.body.prompt).toBe(`${prompt}\nAvoid: text, watermark`);
    expect(result.warnings.map((warning) => warning.setting)).toEqual(
      expect.arrayContaining(['negativePrompt', 'seed']),
    );
  });

  it('uses dall-e-3 one image per request, as b64_json, hd for high quality, priced per image', async () => {
    const bodies: any[] = [];
    server.use(
      http.post(imageGenerationsUrl, async ({ request }) => {
        bodies.push(await request.clone().json());
        return undefined;
      }),
      ...imagesSuccess,
    );
    const result = await createOpenAI({ apiKey: testApiKey, image: { quality: 'high' } })
      .image('dall-e-3')
      .generateImage({ prompt, count: 2, referenceImage: photo });
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toEqual({
      model: 'dall-e-3',
      prompt,
      n: 1,
      size: '1024x1792',
      quality: 'hd',
      response_format: 'b64_json',
    });
    expect(result.images).toHaveLength(2);
    expect(result.images[0]?.revisedPrompt).toContain('gooseneck');
    expect(result.cost).toEqual({ usd: 0.24, unit: 'image', quantity: 2, priceDate: '2026-11-24' });
    expect(result.warnings.map((warning) => warning.setting)).toContain('referenceImage');
  });

  it('rejects bad input before any request', async () => {
    const error = await openai()
      .image()
      .generateImage({ prompt: '', count: 1 })
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.kind).toBe('invalid_input');
    const tooMany = await openai()
      .image()
      .generateImage({ prompt, count: 11 })
      .catch((caught: unknown) => caught);
    expect((tooMany as Error).message).toContain('`count`');
    const tooLong = await openai()
      .image('dall-e-3')
      .generateImage({ prompt: 'x'.repeat(4001) })
      .catch((caught: unknown) => caught);
    expect((tooLong as Error).message).toContain('at most 4000');
    expect(server.calls).toHaveLength(0);
  });

  it('treats an answer without images as an error', async () => {
    server.use(
      ...imagesRoute(() =>
        HttpResponse.json({ ...imagesResponse({}), data: [] }, { headers: openAIHeaders() }),
      ),
    );
    const error = await openai()
      .image()
      .generateImage({ prompt })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'unknown', code: 'no_images', status: 200 });
  });
});

describe('openai.image() edit with the product photo', () => {
  it('uploads the photo to images.edit with input_fidelity on gpt-image-1', async () => {
    const captured = captureForm();
    const result = await openai().image('gpt-image-1').generateImage({ prompt, referenceImage: photo });
    const fields = captured.fields!;
    expect(fields.image).toBeInstanceOf(File);
    expect((fields.image as File).type).toBe('image/png');
    expect((fields.image as File).name).toBe('product.png');
    expect(fields).toMatchObject({
      model: 'gpt-image-1',
      size: '1024x1536',
      quality: 'medium',
      input_fidelity: 'high',
      n: '1',
    });
    expect(String(fields.prompt)).toContain('exact product from the reference photo');
    // 60 text × $5 + 388 image input × $10 + 1584 output × $40, per 1M tokens
    expect(result.cost.usd).toBe(0.06754);
  });

  it('leaves input_fidelity out for gpt-image-2', async () => {
    const captured = captureForm();
    await openai().image().generateImage({ prompt, referenceImage: photo });
    expect(captured.fields?.input_fidelity).toBeUndefined();
    expect(captured.fields?.size).toBe('1088x1920');
  });
});

describe('openai.image() in a fallback chain', () => {
  it('moves on from a retired model (404 model_not_found) to the configured one (O7)', async () => {
    server.use(
      http.post(imageGenerationsUrl, async ({ request }) => {
        const body = (await request.clone().json()) as { model: string };
        if (body.model !== 'dall-e-3') return undefined;
        return openAIError(404, {
          message: 'The model `dall-e-3` has been deprecated.',
          type: 'invalid_request_error',
          code: 'model_not_found',
        })({} as never);
      }),
      ...imagesSuccess,
    );
    const chain = fallback([openai().image('dall-e-3'), openai().image('gpt-image-2')]);
    const result = await chain.generateImage({ prompt });
    expect(result.images).toHaveLength(1);
    expect(server.calls.map((call) => JSON.parse(call.body).model)).toEqual(['dall-e-3', 'gpt-image-2']);
  });
});
