import { ProviderError, productSchema } from '@reelsmith/core';
import { createMemoryCheckpointStore, installTestServer, sequence } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createProductCache } from '../product-cache.js';
import { scrapingDogProducts } from '../testing/scrapingdog-fixtures.js';
import {
  type ScrapingDogReceived,
  scrapingDogFailure,
  scrapingDogProductUrl,
  scrapingDogSuccess,
  scrapingDogTestKey,
} from '../testing/scrapingdog-service.js';
import { createScrapingDogSource } from './scrapingdog-source.js';

const server = installTestServer();
const apiKey = scrapingDogTestKey;

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  if (!ProviderError.isInstance(error)) throw error;
  return error;
}

describe('createScrapingDogSource', () => {
  it('normalizes a product by ASIN, with cost, affiliate link and price read time', async () => {
    const received: ScrapingDogReceived[] = [];
    server.use(...scrapingDogSuccess({ received }));
    const source = createScrapingDogSource({ apiKey, associateTag: 'mychannel-20' });
    const { product, cost, warnings } = await source.getProduct({ asin: 'b0c1234567' });
    expect(source.id).toBe('scrapingdog:com');
    expect(productSchema.parse(product)).toEqual(product);
    expect(product).toMatchObject({
      asin: 'B0C1234567',
      brand: 'HydroPeak',
      price: { amount: 24.99, currency: 'USD' },
      rating: 4.7,
      reviewCount: 12345,
      availability: 'in_stock',
      marketplace: 'www.amazon.com',
      url: 'https://www.amazon.com/dp/B0C1234567',
      affiliateUrl: 'https://www.amazon.com/dp/B0C1234567?tag=mychannel-20',
      category: 'Home & Kitchen › Kitchen & Dining › Water Bottles',
    });
    expect(product.bullets).toHaveLength(2);
    expect(product.reviews[0]).toMatchObject({ author: 'Sam', rating: 5, title: 'Cold all day' });
    expect(Date.parse(product.price!.readAt)).not.toBeNaN();
    expect(cost).toEqual({ usd: 0.0002, unit: 'credit', quantity: 1, priceDate: '2026-11-24' });
    expect(warnings).toEqual([]);
    expect(received[0]?.params).toMatchObject({ asin: 'B0C1234567', domain: 'com', country: 'us' });
  });

  it('reads the marketplace of a product URL and its locale price (about_this_item, "1.299,99 €")', async () => {
    const received: ScrapingDogReceived[] = [];
    server.use(...scrapingDogSuccess({ received }));
    const source = createScrapingDogSource({ apiKey });
    const { product } = await source.getProduct({
      url: 'https://www.amazon.de/BrewMaster-Wasserkocher/dp/B0D2222222/ref=sr_1_3?th=1',
    });
    expect(received[0]?.params.domain).toBe('de');
    expect(product).toMatchObject({
      marketplace: 'www.amazon.de',
      price: { amount: 1299.99, currency: 'EUR' },
      rating: 4.5,
      reviewCount: 2031,
      bullets: ['Boils a litre in ninety seconds', 'Keeps water hot for an hour'],
      availability: 'in_stock',
    });
  });

  it('rejects a non-Amazon URL and an amzn.to short link as invalid_input naming the field and fix, without a request', async () => {
    const source = createScrapingDogSource({ apiKey });
    const other = await rejection(source.getProduct({ url: 'https://www.ebay.com/itm/12345' }));
    expect(other.kind).toBe('invalid_input');
    expect(other.message).toMatch(/`url`.*not on an Amazon store.*Fix:/);
    const short = await rejection(source.getProduct({ url: 'https://amzn.to/3xYzAbC' }));
    expect(short.message).toMatch(/short link.*pass the ASIN/);
    expect(server.calls).toHaveLength(0);
  });

  it('S1: 403 (credits exhausted) → billing, not retried, one request', async () => {
    server.use(http.get(scrapingDogProductUrl, scrapingDogFailure(403, 'You have exhausted your credits.')));
    const error = await rejection(createScrapingDogSource({ apiKey }).getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'billing', status: 403, retryable: false });
    expect(server.calls).toHaveLength(1);
  });

  it('S2: 410 → transient (retryable; the core retry budget bounds it)', async () => {
    server.use(http.get(scrapingDogProductUrl, scrapingDogFailure(410, 'Request timed out')));
    const error = await rejection(createScrapingDogSource({ apiKey }).getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'transient', status: 410, retryable: true });
  });

  it('S3: 429 → rate_limit with Retry-After, and the source halves its concurrency', async () => {
    server.use(
      http.get(
        scrapingDogProductUrl,
        scrapingDogFailure(429, 'Concurrency limit reached', { 'retry-after': '3' }),
      ),
    );
    const source = createScrapingDogSource({ apiKey, maxConcurrency: 8 });
    const error = await rejection(source.getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'rate_limit', retryAfterMs: 3000 });
    expect(source.concurrency).toBe(4);
    await rejection(source.getProduct({ asin: 'B0C1234567' }));
    expect(source.concurrency).toBe(2);
  });

  it('S4: 404 → invalid_input "product not found; skipped"', async () => {
    server.use(...scrapingDogSuccess());
    const error = await rejection(createScrapingDogSource({ apiKey }).getProduct({ asin: 'B000000000' }));
    expect(error).toMatchObject({ kind: 'invalid_input', status: 404, code: 'not_found' });
    expect(error.message).toMatch(/product not found.*skipped/);
  });

  it('S5: 400 after adding postal_code → retried without it, with a warning', async () => {
    const received: ScrapingDogReceived[] = [];
    server.use(...scrapingDogSuccess({ received, postalCodes: ['10001'] }));
    const source = createScrapingDogSource({ apiKey, postalCode: 'SW1A 1AA' });
    const { product, warnings } = await source.getProduct({ asin: 'B0C1234567' });
    expect(product.title).toContain('HydroPeak');
    expect(received.map((call) => call.params.postal_code)).toEqual(['SW1A 1AA', undefined]);
    expect(warnings).toEqual([expect.objectContaining({ setting: 'postalCode' })]);
  });

  it('S5: with retryWithoutPostalCode false, the 400 is invalid_input', async () => {
    server.use(...scrapingDogSuccess({ postalCodes: ['10001'] }));
    const source = createScrapingDogSource({ apiKey, postalCode: 'SW1A 1AA', retryWithoutPostalCode: false });
    const error = await rejection(source.getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'invalid_input', status: 400 });
    expect(error.message).toMatch(/postal_code/);
  });

  it('S6: 200 {"success":false} once → retried once and succeeds', async () => {
    server.use(
      http.get(
        scrapingDogProductUrl,
        sequence(
          () => HttpResponse.json({ success: false, message: 'Scraping failed' }),
          () => HttpResponse.json(scrapingDogProducts.B0C1234567),
        ),
      ),
    );
    const { product, cost, warnings } = await createScrapingDogSource({ apiKey }).getProduct({
      asin: 'B0C1234567',
    });
    expect(product.asin).toBe('B0C1234567');
    expect(cost.quantity).toBe(1);
    expect(warnings[0]?.message).toMatch(/retried once/);
    expect(server.calls).toHaveLength(2);
  });

  it('S6: 200 without title or images twice → invalid_input after exactly two requests', async () => {
    server.use(
      http.get(scrapingDogProductUrl, () => HttpResponse.json({ title: 'Only a title', images: [] })),
    );
    const error = await rejection(createScrapingDogSource({ apiKey }).getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'invalid_input', code: 'failed_scrape' });
    expect(error.message).toMatch(/no images/);
    expect(server.calls).toHaveLength(2);
  });

  it('S7: price "Currently unavailable" → unavailable and no price', async () => {
    server.use(...scrapingDogSuccess());
    const { product } = await createScrapingDogSource({ apiKey }).getProduct({ asin: 'B0E3333333' });
    expect(product.availability).toBe('unavailable');
    expect(product.price).toBeUndefined();
    expect(product.brand).toBe('TrailLite');
  });

  it('S7: empty price "" → unavailable and no price', async () => {
    server.use(
      http.get(scrapingDogProductUrl, () =>
        HttpResponse.json({ ...scrapingDogProducts.B0C1234567, price: '', availability_status: 'In Stock' }),
      ),
    );
    const { product } = await createScrapingDogSource({ apiKey }).getProduct({ asin: 'B0C1234567' });
    expect(product).toMatchObject({ availability: 'unavailable' });
    expect(product.price).toBeUndefined();
  });

  it('never puts the API key in an error message, body or the recorded URL', async () => {
    server.use(
      http.get(scrapingDogProductUrl, ({ request }) =>
        HttpResponse.text(`bad request ${request.url}`, { status: 500 }),
      ),
    );
    const error = await rejection(createScrapingDogSource({ apiKey }).getProduct({ asin: 'B0C1234567' }));
    expect(JSON.stringify({ message: error.message, body: error.body })).not.toContain(apiKey);
    expect(server.calls[0]?.url).not.toContain(apiKey);
  });

  it('finds a title: skips the sponsored result, fetches the best match, costs two requests', async () => {
    const received: ScrapingDogReceived[] = [];
    server.use(...scrapingDogSuccess({ received }));
    const source = createScrapingDogSource({ apiKey });
    const { product, cost } = await source.getProduct({ title: 'HydroPeak Insulated Water Bottle 32oz' });
    expect(product.asin).toBe('B0C1234567');
    expect(received.map((call) => call.endpoint)).toEqual(['search', 'product']);
    expect(cost.quantity).toBe(2);
    expect(source.estimateCost({ title: 'anything' }).quantity).toBe(2);
    expect(source.estimateCost({ asin: 'B0C1234567' })).toMatchObject({ usd: 0.0002, quantity: 1 });
  });

  it('no match → invalid_input "no match for <title>"; ambiguous → names the candidates and asks for the ASIN', async () => {
    server.use(...scrapingDogSuccess());
    const source = createScrapingDogSource({ apiKey });
    const none = await rejection(source.getProduct({ title: 'quantum toaster deluxe' }));
    expect(none).toMatchObject({ kind: 'invalid_input', code: 'no_match' });
    expect(none.message).toMatch(/no match for "quantum toaster deluxe"/);
    const ambiguous = await rejection(source.getProduct({ title: 'Acme Yoga Mat' }));
    expect(ambiguous).toMatchObject({ kind: 'invalid_input', code: 'ambiguous' });
    expect(ambiguous.message).toMatch(/B0F4444441.*B0F4444442.*pass the ASIN/);
  });

  it('counts 5 credits per request for a non-US geo, from an overridable dated price table', async () => {
    server.use(...scrapingDogSuccess());
    const source = createScrapingDogSource({
      apiKey,
      country: 'de',
      prices: { date: '2026-12-01', usdPerCredit: 0.001 },
    });
    const { cost } = await source.getProduct({ asin: 'B0C1234567' });
    expect(cost).toEqual({ usd: 0.005, unit: 'credit', quantity: 5, priceDate: '2026-12-01' });
  });

  it('a cache hit makes no request, costs 0 and says it was cached; a persistent store survives a new source', async () => {
    const store = createMemoryCheckpointStore();
    server.use(...scrapingDogSuccess());
    const first = createScrapingDogSource({ apiKey, cache: createProductCache({ store, ttlMs: 60_000 }) });
    await first.getProduct({ asin: 'B0C1234567' });
    expect(server.calls).toHaveLength(1);
    const second = createScrapingDogSource({ apiKey, cache: createProductCache({ store, ttlMs: 60_000 }) });
    const hit = await second.getProduct({ url: 'https://www.amazon.com/gp/product/B0C1234567?th=1' });
    expect(server.calls).toHaveLength(1);
    expect(hit.cost.usd).toBe(0);
    expect(hit.warnings[0]?.message).toMatch(/^cached:/);
    expect(await store.runs()).toEqual(['_product-cache']);
  });

  it('rejects bad options with a ConfigError naming the field', () => {
    expect(() => createScrapingDogSource({ apiKey: '' })).toThrow(/`apiKey`/);
    expect(() => createScrapingDogSource({ apiKey, domain: 'amazon.com' })).toThrow(/`domain`/);
    expect(() => createScrapingDogSource({ apiKey, prices: { date: 'yesterday' } })).toThrow(/prices\.date/);
  });
});
