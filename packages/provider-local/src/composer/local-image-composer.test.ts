import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { ConfigError, ProviderError } from '@reelsmith/core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { averageColor } from '../shared/average-color.js';
import { createLocalImageComposer } from './local-image-composer.js';

const photoPath = new URL('../../../../examples/offline-demo/products/bottle.png', import.meta.url);
const artifacts = new URL('../../test-artifacts/', import.meta.url);
let photo: Uint8Array;

beforeAll(async () => {
  photo = new Uint8Array(await readFile(photoPath));
  await mkdir(artifacts, { recursive: true });
});

const reference = () => ({ data: photo, mediaType: 'image/png' });

describe('createLocalImageComposer', () => {
  it('declares itself as a v1 image provider that costs nothing', () => {
    const composer = createLocalImageComposer();
    expect(composer).toMatchObject({ specificationVersion: 'v1', id: 'local:composer', capability: 'image' });
    expect(composer.estimateCost?.({ prompt: 'x' }).usd).toBe(0);
  });

  it('composes a 1080×1920 PNG frame from the product photo', async () => {
    const composer = createLocalImageComposer();
    const progress: number[] = [];
    const result = await composer.generateImage(
      {
        prompt: 'Keeps drinks ice-cold for 24 hours & more <on the go>\nstudio shot',
        referenceImage: reference(),
        seed: 1,
      },
      { onProgress: (report) => progress.push(report.fraction ?? -1) },
    );
    expect(result.cost.usd).toBe(0);
    expect(result.warnings).toEqual([]);
    expect(progress).toEqual([1]);
    const [image] = result.images;
    expect(image?.mediaType).toBe('image/png');
    const metadata = await sharp(image?.data).metadata();
    expect(metadata).toMatchObject({ format: 'png', width: 1080, height: 1920 });
    await writeFile(new URL('composed-frame.png', artifacts), image?.data ?? new Uint8Array());
  });

  it('tints the background towards the alpha-weighted average colour of the photo', async () => {
    const composer = createLocalImageComposer({ caption: false });
    const [image] = (await composer.generateImage({ prompt: 'x', referenceImage: reference() })).images;
    const target = await averageColor(photo);
    // A strip along the left edge holds background only: no product, no band.
    const edge = await sharp(image?.data).extract({ left: 0, top: 200, width: 60, height: 900 }).toBuffer();
    const background = await averageColor(edge);
    const distance = Math.hypot(background.r - target.r, background.g - target.g, background.b - target.b);
    expect(distance).toBeLessThan(60);
  });

  it('honours the requested size and count, and varies the layout per scene', async () => {
    const composer = createLocalImageComposer();
    const result = await composer.generateImage({
      prompt: 'Leak-proof lid',
      referenceImage: reference(),
      width: 540,
      height: 960,
      count: 2,
    });
    expect(result.images).toHaveLength(2);
    const [first, second] = result.images;
    expect(await sharp(first?.data).metadata()).toMatchObject({ width: 540, height: 960 });
    expect(Buffer.compare(Buffer.from(first?.data ?? []), Buffer.from(second?.data ?? []))).not.toBe(0);
  });

  it('is deterministic for the same prompt and seed', async () => {
    const composer = createLocalImageComposer({ width: 270, height: 480 });
    const input = { prompt: 'Same scene', referenceImage: reference(), seed: 9 };
    const [a] = (await composer.generateImage(input)).images;
    const [b] = (await composer.generateImage(input)).images;
    expect(Buffer.from(a?.data ?? []).equals(Buffer.from(b?.data ?? []))).toBe(true);
  });

  it('rejects a missing reference image with invalid_input naming the field and the fix', async () => {
    const error = await createLocalImageComposer()
      .generateImage({ prompt: 'x' })
      .catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'invalid_input', provider: 'local:composer', retryable: false });
    expect((error as Error).message).toMatch(/referenceImage.*Fix: pass the product photo/);
  });

  it('rejects bytes that are not an image, and bad sizes', async () => {
    const composer = createLocalImageComposer();
    await expect(
      composer.generateImage({
        prompt: 'x',
        referenceImage: { data: new Uint8Array([1, 2, 3]), mediaType: 'image/png' },
      }),
    ).rejects.toMatchObject({ kind: 'invalid_input', message: expect.stringContaining('referenceImage') });
    await expect(
      composer.generateImage({ prompt: 'x', referenceImage: reference(), width: 0 }),
    ).rejects.toMatchObject({
      kind: 'invalid_input',
      message: expect.stringContaining('`width`'),
    });
  });

  it('rejects with the signal reason when aborted, before or during the call', async () => {
    const composer = createLocalImageComposer();
    const aborted = AbortSignal.abort();
    await expect(
      composer.generateImage({ prompt: 'x', referenceImage: reference() }, { signal: aborted }),
    ).rejects.toBe(aborted.reason);
    const controller = new AbortController();
    const call = composer.generateImage(
      { prompt: 'x', referenceImage: reference(), count: 4 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 5);
    const error = await call.catch((caught: unknown) => caught);
    expect(controller.signal.aborted).toBe(true);
    expect(error).toBe(controller.signal.reason);
  });

  it('warns about settings it ignores and takes a caption from providerOptions', async () => {
    const composer = createLocalImageComposer({ width: 270, height: 480 });
    const result = await composer.generateImage({
      prompt: 'long image prompt',
      negativePrompt: 'blurry',
      referenceImage: reference(),
      providerOptions: { local: { caption: 'Short caption' } },
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-setting', setting: 'negativePrompt' }),
    ]);
  });

  it('validates its settings with a ConfigError naming the field', () => {
    expect(() => createLocalImageComposer({ tint: 2 })).toThrow(ConfigError);
    expect(() => createLocalImageComposer({ concurrency: 0 })).toThrow(/`concurrency`.*Fix:/);
  });
});
