import type { Progress } from '@reelsmith/core';
import { installTestServer } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { createFal } from './fal-provider.js';
import { falHosts } from './testing/fal-routes.js';
import { createFalService } from './testing/fal-service.js';
import { referencePng, sceneInput, testFalKey } from './testing/fal-test-input.js';

const service = createFalService({ apiKey: testFalKey });
const server = installTestServer(service.handlers);
const provider = (settings: Parameters<typeof createFal>[0] = {}) =>
  createFal({ apiKey: testFalKey, pollIntervalMs: 1, ...settings });

describe('FalImageModel.generateImage', () => {
  it('F1: uploads the photo, submits, polls the returned status_url/response_url and downloads the image', async () => {
    const backup = createFalService({ apiKey: testFalKey, returnedHost: falHosts.backupQueue });
    server.use(...backup.handlers);
    const progress: Progress[] = [];
    const result = await provider()
      .image('fal-ai/flux-pro/kontext')
      .generateImage(sceneInput, { onProgress: (event) => progress.push(event) });

    const steps = server.calls.map((call) => `${call.method} ${call.url.split('?')[0]}`);
    const submission = backup.submissions[0]!;
    const requests = `${falHosts.backupQueue}/fal-ai/flux-pro/requests/${submission.requestId}`;
    expect(steps).toEqual([
      `POST ${falHosts.rest}/storage/upload/initiate`,
      expect.stringMatching(/^PUT https:\/\/v3b\.fal\.media\/files\/upload\//),
      `POST ${falHosts.queue}/fal-ai/flux-pro/kontext`,
      ...Array.from({ length: 5 }, () => `GET ${requests}/status`),
      `GET ${requests}`,
      expect.stringMatching(/^GET https:\/\/v3b\.fal\.media\/files\/rabbit\//),
    ]);
    expect(server.calls[3]!.url).toBe(`${requests}/status?logs=1`);
    const [fileUrl, upload] = [...backup.uploads.entries()][0]!;
    expect(upload.bytes).toEqual(referencePng);
    expect(upload.contentType).toBe('image/png');
    expect(submission.input).toEqual({
      prompt: sceneInput.prompt,
      num_images: 1,
      output_format: 'png',
      aspect_ratio: '9:16',
      image_url: fileUrl,
    });
    expect(submission.headers['x-fal-queue-priority']).toBe('normal');

    expect(progress.map((event) => event.message)).toEqual([
      'uploading the product photo to fal storage',
      `fal: queued as request ${submission.requestId}`,
      'fal queue: position 2',
      'fal queue: position 1',
      'fal queue: position 0',
      'fal: Generating image 1/1',
      'fal: completed (inference 2.1 s)',
      'fal: downloaded 1 image(s)',
    ]);
    expect(progress.at(-1)?.fraction).toBe(1);

    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatchObject({ mediaType: 'image/png', width: 752, height: 1392 });
    expect(result.images[0]!.data.subarray(1, 4)).toEqual(new TextEncoder().encode('PNG'));
    expect(JSON.stringify(result)).not.toContain('fal.media');
    expect(result.cost).toEqual({ usd: 0.04, unit: 'image', quantity: 1, priceDate: '2026-11-24' });
    expect(result.warnings).toEqual([]);
  });

  it('sends the key as `Authorization: Key …` and never retries inside the SDK', async () => {
    await provider().image().generateImage(sceneInput);
    expect(service.submissions.at(-1)!.headers.authorization).toBe(`Key ${testFalKey}`);
    expect(server.calls.every((call) => !JSON.stringify(call).includes(testFalKey))).toBe(true);
  });

  it('prices Kontext [max] per image and per-megapixel models per started megapixel', async () => {
    const max = await provider()
      .image('fal-ai/flux-pro/kontext/max')
      .generateImage({ ...sceneInput, count: 2 });
    expect(max.images).toHaveLength(2);
    expect(max.cost).toEqual({ usd: 0.16, unit: 'image', quantity: 2, priceDate: '2026-11-24' });

    const lora = await provider().image('fal-ai/flux-lora/image-to-image').generateImage(sceneInput);
    expect(service.submissions.at(-1)!.input.image_size).toEqual({ width: 1088, height: 1920 });
    // 1088×1920 = 1.99 MP → 2 MP × $0.035
    expect(lora.cost).toEqual({ usd: 0.07, unit: 'megapixel', quantity: 2, priceDate: '2026-11-24' });
    expect(lora.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'width' }),
    ]);
  });

  it('estimateCost() matches the price table', () => {
    const fal = provider();
    expect(fal.image('fal-ai/flux-pro/kontext').estimateCost({ prompt: 'x', count: 3 })).toEqual({
      usd: 0.12,
      unit: 'image',
      quantity: 3,
      priceDate: '2026-11-24',
    });
    // 1080×1920 = 1.98 MP → 2 MP × $0.025
    expect(fal.image('fal-ai/flux/dev/image-to-image').estimateCost({ prompt: 'x' }).usd).toBe(0.05);
  });

  it('uses a user price table, dated', async () => {
    const result = await provider({
      prices: { date: '2027-01-15', models: { 'fal-ai/flux-pro/kontext': { usd: 0.05, per: 'image' } } },
    })
      .image()
      .generateImage(sceneInput);
    expect(result.cost).toEqual({ usd: 0.05, unit: 'image', quantity: 1, priceDate: '2027-01-15' });
  });

  it('warns when the size cannot be honoured', async () => {
    const square = await provider()
      .image()
      .generateImage({ ...sceneInput, width: 1000, height: 1100 });
    expect(service.submissions.at(-1)!.input.aspect_ratio).toBe('1:1');
    expect(square.warnings[0]).toMatchObject({ type: 'unsupported-setting', setting: 'width' });

    const dev = await provider().image('fal-ai/flux/dev/image-to-image').generateImage(sceneInput);
    expect(service.submissions.at(-1)!.input).not.toHaveProperty('image_size');
    expect(dev.warnings[0]!.message).toContain("follows the reference image's size");
  });

  it('skips the upload when providerOptions.fal.image_url names a hosted photo, and passes extra fields', async () => {
    await provider()
      .image()
      .generateImage({
        prompt: sceneInput.prompt,
        providerOptions: {
          fal: { image_url: 'https://v3b.fal.media/files/b/own.png', safety_tolerance: '2' },
        },
      });
    expect(server.calls.some((call) => call.url.includes('/storage/upload'))).toBe(false);
    expect(service.submissions.at(-1)!.input).toMatchObject({
      image_url: 'https://v3b.fal.media/files/b/own.png',
      safety_tolerance: '2',
    });
  });

  it('records a model without a price at 0 USD, with a warning', async () => {
    const result = await provider({
      models: { 'acme/flux-edit': { size: 'aspect_ratio', maxImages: 1, outputFormat: false } },
    })
      .image('acme/flux-edit')
      .generateImage(sceneInput);
    expect(result.cost).toEqual({ usd: 0, unit: 'image', quantity: 1, priceDate: '2026-11-24' });
    expect(result.warnings.at(-1)!.message).toContain('no price for acme/flux-edit');
  });

  it('rejects a bad input before any request, naming the field', async () => {
    const fal = provider();
    await expect(fal.image().generateImage({ prompt: 'x' })).rejects.toMatchObject({
      kind: 'invalid_input',
      message: expect.stringContaining('`referenceImage`'),
    });
    await expect(fal.image().generateImage({ ...sceneInput, count: 9 })).rejects.toMatchObject({
      kind: 'invalid_input',
      message: expect.stringContaining('`count`'),
    });
    expect(server.calls).toHaveLength(0);
  });
});
