import { describe, expect, it } from 'vitest';
import { defaultFalPrices, priceImages } from './fal-prices.js';

describe('priceImages', () => {
  const kontext = defaultFalPrices.models['fal-ai/flux-pro/kontext'];
  const dev = defaultFalPrices.models['fal-ai/flux/dev/image-to-image'];

  it('charges per image', () => {
    expect(
      priceImages(defaultFalPrices, kontext, [
        { width: 1, height: 1 },
        { width: 1, height: 1 },
      ]),
    ).toEqual({
      usd: 0.08,
      unit: 'image',
      quantity: 2,
      priceDate: '2026-11-24',
    });
  });

  it('charges per started megapixel of each image (1024×1024 = 1 MP)', () => {
    const images = [
      { width: 1024, height: 1024 },
      { width: 1025, height: 1024 },
      { width: 512, height: 512 },
    ];
    expect(priceImages(defaultFalPrices, dev, images)).toEqual({
      usd: 0.1,
      unit: 'megapixel',
      quantity: 4,
      priceDate: '2026-11-24',
    });
  });

  it('has no figure for a model without a price', () => {
    expect(priceImages(defaultFalPrices, undefined, [{ width: 1, height: 1 }])).toBeUndefined();
  });
});
