import { readFile } from 'node:fs/promises';
import type { MediaData } from '@reelsmith/core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalImageComposer } from '../composer/local-image-composer.js';
import { seededRandom } from '../shared/seeded-random.js';
import { createLocalImageJudge } from './local-image-judge.js';

const products = ['bottle', 'earbuds', 'kettle'] as const;
const photos = new Map<string, MediaData>();
const frames = new Map<string, MediaData>();

beforeAll(async () => {
  const composer = createLocalImageComposer({ width: 540, height: 960 });
  for (const name of products) {
    const url = new URL(`../../../../examples/offline-demo/products/${name}.png`, import.meta.url);
    const photo = { data: new Uint8Array(await readFile(url)), mediaType: 'image/png' };
    photos.set(name, photo);
    const [frame] = (
      await composer.generateImage({ prompt: `A scene about the ${name}`, referenceImage: photo, seed: 3 })
    ).images;
    if (frame) frames.set(name, frame);
  }
});

async function noise(): Promise<MediaData> {
  const random = seededRandom(11);
  const data = Buffer.alloc(540 * 960 * 3);
  for (let index = 0; index < data.length; index++) data[index] = Math.floor(random() * 256);
  return {
    data: await sharp(data, { raw: { width: 540, height: 960, channels: 3 } })
      .png()
      .toBuffer(),
    mediaType: 'image/png',
  };
}

async function solid(color: string): Promise<MediaData> {
  const data = await sharp({ create: { width: 540, height: 960, channels: 3, background: color } })
    .png()
    .toBuffer();
  return { data, mediaType: 'image/png' };
}

describe('createLocalImageJudge', () => {
  const judge = createLocalImageJudge();

  it('declares itself as a v1 vision judge that costs nothing', () => {
    expect(judge).toMatchObject({
      specificationVersion: 'v1',
      id: 'local:judge',
      capability: 'vision-judge',
    });
  });

  it.each(products)('scores a frame composed from the %s photo high (≥ 0.7)', async (name) => {
    const result = await judge.judge({ image: frames.get(name)!, reference: photos.get(name)! });
    expect(result.score).toBeGreaterThanOrEqual(0.7);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.reason).toMatch(/shape .* colour/);
    expect(result).toMatchObject({ cost: { usd: 0 }, warnings: [] });
  });

  it.each(products)('ranks the %s photo above the other products for its own frame', async (name) => {
    const scores = await Promise.all(
      products.map(
        async (other) =>
          (await judge.judge({ image: frames.get(name)!, reference: photos.get(other)! })).score,
      ),
    );
    const own = scores[products.indexOf(name)] ?? 0;
    expect(Math.max(...scores.filter((_, index) => products[index] !== name))).toBeLessThan(own - 0.2);
  });

  it('scores the photo against itself at the top', async () => {
    const photo = photos.get('kettle')!;
    expect((await judge.judge({ image: photo, reference: photo })).score).toBeGreaterThanOrEqual(0.95);
  });

  it.each(products)('scores random noise low (≤ 0.4) against the %s photo', async (name) => {
    const result = await judge.judge({ image: await noise(), reference: photos.get(name)! });
    expect(result.score).toBeLessThanOrEqual(0.4);
  });

  it.each(products)('scores a solid unrelated colour low (≤ 0.4) against the %s photo', async (name) => {
    const result = await judge.judge({ image: await solid('#e11d48'), reference: photos.get(name)! });
    expect(result.score).toBeLessThanOrEqual(0.4);
    expect(result.reason).toMatch(/little/);
  });

  it('rejects a missing or undecodable image with invalid_input', async () => {
    const reference = photos.get('bottle')!;
    await expect(judge.judge({ image: undefined as unknown as MediaData, reference })).rejects.toMatchObject({
      kind: 'invalid_input',
      message: expect.stringContaining('`image`'),
    });
    await expect(
      judge.judge({ image: { data: new Uint8Array([9, 9, 9]), mediaType: 'image/png' }, reference }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
  });

  it('rejects with the signal reason when already aborted', async () => {
    const signal = AbortSignal.abort();
    const photo = photos.get('bottle')!;
    await expect(judge.judge({ image: photo, reference: photo }, { signal })).rejects.toBe(signal.reason);
  });

  it('validates its settings', () => {
    expect(() => createLocalImageJudge({ shapeWeight: 1.5 })).toThrow(/`shapeWeight`.*Fix:/);
  });
});
