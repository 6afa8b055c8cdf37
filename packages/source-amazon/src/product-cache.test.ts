import { ConfigError, type Product } from '@reelsmith/core';
import { createMemoryCheckpointStore } from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { marketplaces } from './marketplaces.js';
import { createProductCache, productCacheKey, productCacheRunId } from './product-cache.js';

const product: Product = {
  asin: 'B0C1234567',
  title: 'HydroPeak bottle',
  bullets: [],
  reviews: [],
  imageUrls: ['https://m.media-amazon.com/images/I/x.jpg'],
};

describe('createProductCache', () => {
  it('serves a fresh entry and drops it after ttlMs', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const cache = createProductCache({ ttlMs: 60_000, now: () => now });
    await cache.set('k', product);
    expect((await cache.get('k'))?.product).toEqual(product);
    expect((await cache.get('k'))?.storedAt).toBe('2026-11-24T10:00:00.000Z');
    now += 60_001;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('persists in a CheckpointStore under the reserved run id, readable by a new cache', async () => {
    const store = createMemoryCheckpointStore();
    await createProductCache({ store }).set('k', product);
    expect(await store.keys(productCacheRunId)).toEqual(['k']);
    expect((await createProductCache({ store }).get('k'))?.product.title).toBe('HydroPeak bottle');
  });

  it('treats a corrupt or foreign record as a miss', async () => {
    const store = createMemoryCheckpointStore();
    await store.set(productCacheRunId, 'foreign', { something: 'else' });
    await createProductCache({ store }).set('k', product);
    store.corrupt(productCacheRunId, 'k');
    const cache = createProductCache({ store });
    expect(await cache.get('foreign')).toBeUndefined();
    expect(await cache.get('k')).toBeUndefined();
  });

  it('refuses a ttl above 24 h (Amazon data must be refreshed daily)', () => {
    expect(() => createProductCache({ ttlMs: 25 * 3_600_000 })).toThrow(ConfigError);
  });

  it('keys by backend, marketplace and ASIN or normalized title', () => {
    const com = marketplaces.com!;
    expect(productCacheKey('scrapingdog', { kind: 'asin', asin: 'b0c1234567', marketplace: com })).toBe(
      'scrapingdog:www.amazon.com:asin:B0C1234567',
    );
    const a = productCacheKey('scrapingdog', { kind: 'title', title: 'Water  Bottle', marketplace: com });
    const b = productCacheKey('scrapingdog', { kind: 'title', title: 'water bottle', marketplace: com });
    expect(a).toBe(b);
    expect(a).not.toBe(
      productCacheKey('creators-api', { kind: 'title', title: 'water bottle', marketplace: com }),
    );
  });
});
