import { fileURLToPath } from 'node:url';
import { ConfigError, ProviderError } from '@reelsmith/core';
import { describe, expect, it } from 'vitest';
import { createLocalCatalog } from './local-catalog.js';

const demoCatalog = fileURLToPath(
  new URL('../../../examples/offline-demo/products/products.json', import.meta.url),
);
const products = [
  { title: 'Insulated steel water bottle', asin: 'B000000001', imageUrls: ['https://example.test/a.png'] },
  { title: 'Steel travel mug', asin: 'B000000002', imageUrls: [] },
  { title: 'Ceramic travel mug', asin: 'B000000003', imageUrls: [] },
];

describe('createLocalCatalog', () => {
  it('finds products by ASIN, product URL, exact title and closest title', async () => {
    const catalog = createLocalCatalog({ products: products as never });
    expect((await catalog.getProduct({ asin: 'b000000002' })).product.title).toBe('Steel travel mug');
    expect(
      (await catalog.getProduct({ url: 'https://www.amazon.de/dp/B000000003?tag=x' })).product.title,
    ).toBe('Ceramic travel mug');
    expect((await catalog.getProduct({ title: 'insulated steel water bottle' })).product.asin).toBe(
      'B000000001',
    );
    const close = await catalog.getProduct({ title: 'steel water bottle 1L' });
    expect(close.product.asin).toBe('B000000001');
    expect(close.warnings[0]?.message).toContain('matched');
  });

  it('says when nothing or several products match', async () => {
    const catalog = createLocalCatalog({ products: products as never });
    const none = await catalog.getProduct({ title: 'garden hose' }).catch((e: unknown) => e);
    expect(ProviderError.isInstance(none) && none.kind).toBe('invalid_input');
    await expect(catalog.getProduct({ title: 'travel mug' })).rejects.toThrow(/matches several products/);
    await expect(catalog.getProduct({ asin: 'B999999999' })).rejects.toThrow(/no product with ASIN/);
  });

  it('reads a JSON catalog and resolves photo paths against the file', async () => {
    const catalog = createLocalCatalog({ products: demoCatalog });
    const { product } = await catalog.getProduct({ asin: 'DEMO000001' });
    expect(product.imageUrls[0]).toMatch(/^file:\/\/.*examples\/offline-demo\/products\/bottle\.png$/);
  });

  it('names the bad field of an invalid catalog', async () => {
    const catalog = createLocalCatalog({ products: [{ title: '' }] as never });
    const error = await catalog.getProduct({ title: 'x' }).catch((e: unknown) => e);
    expect(ConfigError.isInstance(error) && error.field).toBe('products[0].title');
  });
});
