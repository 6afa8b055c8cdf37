import { productSchema } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createFakeProductSource } from './fake-product-source.js';

describe('createFakeProductSource', () => {
  it('returns a valid product titled after the query', async () => {
    const source = createFakeProductSource({ costUsd: 0.001 });
    const { product, cost } = await source.getProduct({ title: 'Steel Kettle' });
    expect(productSchema.parse(product)).toEqual(product);
    expect(product.title).toBe('Steel Kettle');
    expect(product.affiliateUrl).toContain('tag=');
    expect(cost.usd).toBe(0.001);
    expect((await source.getProduct({ asin: 'B000TEST01' })).product).toMatchObject({
      title: 'Product B000TEST01',
      asin: 'B000TEST01',
    });
    expect(source.calls).toEqual([{ title: 'Steel Kettle' }, { asin: 'B000TEST01' }]);
  });

  it('applies overrides and rejects an empty query', async () => {
    const source = createFakeProductSource({
      product: (query) => ({ brand: `Brand of ${query.title}`, rating: 2 }),
    });
    expect((await source.getProduct({ title: 'Mug' })).product).toMatchObject({
      brand: 'Brand of Mug',
      rating: 2,
    });
    await expect(source.getProduct({})).rejects.toMatchObject({ kind: 'invalid_input' });
  });
});
