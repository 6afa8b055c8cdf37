import { type Product, scriptSchema } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createFakeImageProvider } from './fake-image-provider.js';
import { createFakeScriptProvider } from './fake-script-provider.js';
import { createFakeVisionJudge } from './fake-vision-judge.js';
import { createFakeVoiceProvider } from './fake-voice-provider.js';

const product: Product = {
  title: 'Steel Kettle 1.7 L',
  bullets: ['Boils in 3 minutes', 'Auto shut-off'],
  reviews: [{ text: 'Quiet and fast.' }],
  imageUrls: [],
  rating: 4.6,
};

describe('createFakeScriptProvider', () => {
  it('writes a scriptSchema-valid script from the product', async () => {
    const scripts = createFakeScriptProvider({ costUsd: 0.01 });
    const { script, cost } = await scripts.generateScript({
      product,
      scenes: { min: 6, max: 8 },
      platforms: ['tiktok'],
    });
    expect(scriptSchema.parse(script)).toEqual(script);
    expect(script.title).toContain('Steel Kettle');
    expect(script.scenes).toHaveLength(6);
    expect(script.captions?.tiktok).toBeDefined();
    expect(cost.usd).toBe(0.01);
    expect(scripts.estimateCost?.({ product })).toEqual({ usd: 0.01 });
    expect([scripts.specificationVersion, scripts.capability, scripts.id]).toEqual([
      'v1',
      'script',
      'fake:script',
    ]);
  });

  it('returns a given script and counts calls', async () => {
    const fixed = await createFakeScriptProvider().generateScript({ product });
    const scripts = createFakeScriptProvider({ script: fixed.script });
    await scripts.generateScript({ product: { ...product, title: 'Other' } });
    expect(scripts.callCount).toBe(1);
    expect(scripts.calls[0]?.product.title).toBe('Other');
  });
});

describe('createFakeImageProvider', () => {
  it('returns count PNGs, deterministic per prompt', async () => {
    const images = createFakeImageProvider();
    const first = await images.generateImage({ prompt: 'a kettle', count: 2 });
    const second = await images.generateImage({ prompt: 'a kettle', count: 2 });
    expect(first.images).toHaveLength(2);
    expect(first.images[0]?.mediaType).toBe('image/png');
    expect(first.images[0]?.data.subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(first.images[0]?.data).toEqual(second.images[0]?.data);
    expect(first.images[0]?.data).not.toEqual(first.images[1]?.data);
    expect(images.callCount).toBe(2);
  });

  it('fails the scripted calls', async () => {
    const images = createFakeImageProvider({ failures: ['content_policy'] });
    await expect(images.generateImage({ prompt: 'x' })).rejects.toMatchObject({ kind: 'content_policy' });
    await expect(images.generateImage({ prompt: 'x' })).resolves.toHaveProperty('images');
  });
});

describe('createFakeVoiceProvider', () => {
  it('returns a WAV and ordered word timings from the text', async () => {
    const voice = createFakeVoiceProvider();
    const result = await voice.synthesize({ text: 'Meet the kettle that boils fast' });
    expect(result.mediaType).toBe('audio/wav');
    expect(String.fromCharCode(...result.audio.subarray(0, 4))).toBe('RIFF');
    expect(result.words.map((word) => word.word)).toEqual(['Meet', 'the', 'kettle', 'that', 'boils', 'fast']);
    for (const [index, word] of result.words.entries()) {
      expect(word.endMs).toBeGreaterThan(word.startMs);
      if (index > 0) expect(word.startMs).toBeGreaterThanOrEqual(result.words[index - 1]!.endMs);
    }
    expect(result.durationMs).toBeGreaterThan(result.words.at(-1)!.endMs);
  });

  it('rejects empty text as invalid_input', async () => {
    await expect(createFakeVoiceProvider().synthesize({ text: '  ' })).rejects.toMatchObject({
      kind: 'invalid_input',
    });
  });
});

describe('createFakeVisionJudge', () => {
  const image = { data: new Uint8Array([1]), mediaType: 'image/png' };

  it('scores 0.9 by default, or as configured', async () => {
    expect((await createFakeVisionJudge().judge({ image, reference: image })).score).toBe(0.9);
    const judge = createFakeVisionJudge({ score: (_input, index) => (index === 0 ? 0.2 : 0.95) });
    expect((await judge.judge({ image, reference: image })).score).toBe(0.2);
    const second = await judge.judge({ image, reference: image });
    expect(second.score).toBe(0.95);
    expect(second.reason).toMatch(/0\.95/);
  });
});
