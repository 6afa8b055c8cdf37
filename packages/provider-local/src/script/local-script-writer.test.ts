import { readFile } from 'node:fs/promises';
import { ConfigError, type Product, productSchema, type Script, scriptSchema } from '@reelsmith/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashtagPattern } from './hashtags.js';
import {
  amazonAssociatesDisclosure,
  createLocalScriptWriter,
  localScriptWriter,
} from './local-script-writer.js';

const productsUrl = new URL('../../../../examples/offline-demo/products/products.json', import.meta.url);
let products: Product[] = [];

beforeAll(async () => {
  products = productSchema.array().parse(JSON.parse(await readFile(productsUrl, 'utf8')));
});

const bare: Product = productSchema.parse({ title: 'Bamboo Cutting Board' });

function spokenWords(script: Script): number {
  const text = [script.hook, ...script.scenes.map((scene) => scene.text), script.callToAction].join(' ');
  return text.split(/\s+/).filter(Boolean).length;
}

describe('localScriptWriter', () => {
  it('declares itself as a free v1 script provider', () => {
    expect(localScriptWriter).toMatchObject({
      specificationVersion: 'v1',
      id: 'local:script',
      capability: 'script',
    });
    expect(localScriptWriter.estimateCost?.({ product: bare }).usd).toBe(0);
  });

  it('writes a schema-valid script for every demo product', async () => {
    for (const product of products) {
      const result = await localScriptWriter.generateScript({ product, seed: 1 });
      expect(scriptSchema.safeParse(result.script).success).toBe(true);
      expect(result.cost.usd).toBe(0);
      expect(result.warnings).toEqual([expect.objectContaining({ type: 'other' })]); // untagged product url
      expect(result.script.title.length).toBeLessThanOrEqual(100);
      expect(result.script.description).toContain(amazonAssociatesDisclosure);
      expect(result.script.description).toContain(product.url);
      expect(result.script.description).not.toMatch(/\$\s?\d/); // never a price
    }
  });

  it('is deterministic for a product and seed, and varies with the seed', async () => {
    const product = products[0]!;
    const a = await localScriptWriter.generateScript({ product, seed: 7 });
    const b = await createLocalScriptWriter().generateScript({ product, seed: 7 });
    expect(a.script).toEqual(b.script);
    const others = await Promise.all(
      [1, 2, 3].map((seed) => localScriptWriter.generateScript({ product, seed })),
    );
    expect(others.some((other) => JSON.stringify(other.script) !== JSON.stringify(a.script))).toBe(true);
    const [first, second] = others;
    expect(JSON.stringify(first?.script)).not.toBe(JSON.stringify(second?.script));
  });

  it.each([
    { min: 5, max: 8 },
    { min: 3, max: 4 },
    { min: 8, max: 8 },
    { min: 1, max: 1 },
    { min: 6, max: 12 },
  ])('keeps the scene count within $min–$max', async (scenes) => {
    for (const product of [...products, bare]) {
      for (const seed of [0, 1, 2]) {
        const { script } = await localScriptWriter.generateScript({ product, seed, scenes });
        expect(script.scenes.length).toBeGreaterThanOrEqual(scenes.min);
        expect(script.scenes.length).toBeLessThanOrEqual(scenes.max);
        for (const scene of script.scenes)
          expect(scene.imagePrompt.split('\n')[0]?.length).toBeLessThanOrEqual(60);
      }
    }
  });

  it('writes 5–8 scenes and a 20–40 s voice-over by default', async () => {
    for (const product of [...products, bare]) {
      for (const seed of [0, 1, 2, 3]) {
        const { script } = await localScriptWriter.generateScript({ product, seed });
        expect(script.scenes.length).toBeGreaterThanOrEqual(5);
        expect(script.scenes.length).toBeLessThanOrEqual(8);
        // About 2.5 spoken words per second.
        expect(spokenWords(script)).toBeGreaterThanOrEqual(50);
        expect(spokenWords(script)).toBeLessThanOrEqual(100);
      }
    }
  });

  it('writes valid, unique hashtags led by #ad', async () => {
    for (const product of [...products, bare]) {
      const { script } = await createLocalScriptWriter({
        extraHashtags: ['#Kitchen', 'kitchen', 'Deals2025'],
      }).generateScript({
        product,
      });
      expect(script.hashtags[0]).toBe('#ad');
      for (const tag of script.hashtags) expect(tag).toMatch(hashtagPattern);
      const lower = script.hashtags.map((tag) => tag.toLowerCase());
      expect(new Set(lower).size).toBe(lower.length);
      expect(script.hashtags.length).toBeLessThanOrEqual(10);
    }
  });

  it('works for a product with only a title', async () => {
    const result = await localScriptWriter.generateScript({ product: bare, seed: 4 });
    expect(scriptSchema.safeParse(result.script).success).toBe(true);
    expect(result.script.description).toContain(amazonAssociatesDisclosure);
    expect(result.warnings).toEqual([expect.objectContaining({ type: 'shortfall' })]);
  });

  it('builds a tagged affiliate link and writes per-platform captions with both disclosures', async () => {
    const writer = createLocalScriptWriter({ associateTag: 'reelsmith-20' });
    const result = await writer.generateScript({
      product: products[1]!,
      platforms: ['youtube', 'instagram', 'tiktok', 'wordpress'],
    });
    expect(result.warnings).toEqual([]);
    const link = 'https://www.amazon.com/dp/DEMO000002?tag=reelsmith-20';
    expect(result.script.description).toContain(`${link} (paid link)`);
    const captions = result.script.captions ?? {};
    expect(Object.keys(captions).sort()).toEqual(['instagram', 'tiktok', 'wordpress', 'youtube']);
    for (const caption of Object.values(captions)) {
      expect(caption).toContain(amazonAssociatesDisclosure);
      expect(caption).toMatch(/#ad\b|\(paid link\)/);
      expect(caption.length).toBeLessThanOrEqual(2200);
    }
    expect(captions.youtube).toContain('#Shorts');
    expect(captions.wordpress).toContain(link);
    expect(captions.instagram).toContain('Link in bio (paid link)');
    expect((captions.instagram?.match(/#\w+/g) ?? []).length).toBeLessThanOrEqual(30);
  });

  it('uses a custom disclosure and warns about unsupported language and style', async () => {
    const writer = createLocalScriptWriter({ disclosure: 'I earn a commission from these links.' });
    const result = await writer.generateScript({ product: products[2]!, language: 'de', style: 'noir' });
    expect(result.script.description).toContain('I earn a commission from these links.');
    expect(result.warnings.map((warning) => warning.setting)).toEqual(['language', 'style', undefined]);
  });

  it('leaves ratings out when asked', async () => {
    const { script } = await createLocalScriptWriter({ includeRatings: false }).generateScript({
      product: products[0]!,
    });
    expect(JSON.stringify(script)).not.toMatch(/out of 5/);
  });

  it('rejects an empty title and bad scene bounds with a ConfigError naming the field', async () => {
    const error = await localScriptWriter
      .generateScript({ product: { ...bare, title: '  ' } })
      .catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe('product.title');
    await expect(
      localScriptWriter.generateScript({ product: bare, scenes: { min: 6, max: 3 } }),
    ).rejects.toThrow(/scenes\.max.*Fix:/);
  });

  it('validates settings', () => {
    expect(() => createLocalScriptWriter({ associateTag: 'not a tag' })).toThrow(
      /`associateTag`.*Fix: use your tag/,
    );
    expect(() => createLocalScriptWriter({ maxWords: 5 })).toThrow(ConfigError);
  });

  it('rejects with the signal reason when aborted', async () => {
    const signal = AbortSignal.abort();
    await expect(localScriptWriter.generateScript({ product: bare }, { signal })).rejects.toBe(signal.reason);
  });
});
