import { ConfigError, ProviderError } from '@reelsmith/core';
import { installTestServer, sequence } from '@reelsmith/testkit';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type CreatorsReceived,
  creatorsApiBase,
  creatorsApiSuccess,
  creatorsFailure,
  creatorsTestCredentials,
  creatorsTokenUrl,
} from '../testing/creators-api-service.js';
import { createCreatorsApiSource } from './creators-api-source.js';

const server = installTestServer();
const partnerTag = 'mychannel-20';
// No rate spacing in these tests: the gate itself is tested in rate-gate.test.ts.
const create = (extra: Record<string, unknown> = {}) =>
  createCreatorsApiSource({ ...creatorsTestCredentials, partnerTag, requestsPerSecond: 100, ...extra });

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

describe('createCreatorsApiSource', () => {
  it('gets a token once, sends x-marketplace and lowerCamelCase bodies, and normalizes the item', async () => {
    const received: CreatorsReceived[] = [];
    const tokenRequests: Record<string, unknown>[] = [];
    server.use(...creatorsApiSuccess({ received, tokenRequests }));
    const source = create();
    const { product, cost } = await source.getProduct({ asin: 'B0C1234567' });
    await source.getProduct({ asin: 'B0D2222222' });
    expect(source.id).toBe('creators-api:com');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'creatorsapi::default',
    });
    expect(received[0]?.headers['x-marketplace']).toBe('www.amazon.com');
    expect(received[0]?.body).toMatchObject({
      itemIds: ['B0C1234567'],
      itemIdType: 'ASIN',
      partnerTag,
      partnerType: 'Associates',
      marketplace: 'www.amazon.com',
    });
    expect(product).toMatchObject({
      asin: 'B0C1234567',
      brand: 'HydroPeak',
      price: { amount: 24.99, currency: 'USD' },
      availability: 'in_stock',
      category: 'Kitchen',
      affiliateUrl: 'https://www.amazon.com/dp/B0C1234567?tag=mychannel-20',
    });
    expect(product.imageUrls).toHaveLength(2);
    expect(cost).toEqual({ usd: 0, unit: 'request', quantity: 1, priceDate: '2026-11-24' });
  });

  it('refreshes the token once it is about to expire', async () => {
    const tokenRequests: Record<string, unknown>[] = [];
    // A 30 s token is inside the 60 s refresh margin, so every call fetches a new one.
    server.use(...creatorsApiSuccess({ tokenRequests, expiresIn: 30 }));
    const source = create();
    await source.getProduct({ asin: 'B0C1234567' });
    await source.getProduct({ asin: 'B0C1234567' });
    expect(tokenRequests).toHaveLength(2);
  });

  it('after a 401 from the API, fetches a new token and retries once', async () => {
    const tokenRequests: Record<string, unknown>[] = [];
    server.use(
      http.post(
        `${creatorsApiBase}/getItems`,
        sequence(creatorsFailure(401, 'Unauthorized', 'The access token has expired.'), () => undefined),
      ),
      ...creatorsApiSuccess({ tokenRequests }),
    );
    const { product } = await create().getProduct({ asin: 'B0C1234567' });
    expect(product.asin).toBe('B0C1234567');
    expect(tokenRequests).toHaveLength(2);
  });

  it('a refused credential is auth, and the secret is in no message', async () => {
    server.use(...creatorsApiSuccess());
    const error = await rejection(
      createCreatorsApiSource({
        credentialId: 'amzn1.wrong-id',
        credentialSecret: 'wrong-secret-not-real',
        partnerTag,
      }).getProduct({ asin: 'B0C1234567' }),
    );
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).not.toContain('wrong-secret-not-real');
  });

  it('S8 analogue: getProducts handles a 200 with items and errors per item', async () => {
    server.use(...creatorsApiSuccess());
    const { items, cost } = await create().getProducts(['B0C1234567', 'B000000000', 'not-an-asin']);
    expect(cost.quantity).toBe(1);
    expect(items.find((item) => item.asin === 'B0C1234567')?.product?.title).toContain('HydroPeak');
    const missing = items.find((item) => item.asin === 'B000000000')?.error;
    expect(missing).toMatchObject({ kind: 'invalid_input', code: 'ItemNotAccessible' });
    expect(items.find((item) => item.asin === 'NOT-AN-ASIN')?.error?.code).toBe('invalid_asin');
  });

  it('S9 analogue: 429 TooManyRequests → rate_limit with a default wait when no Retry-After', async () => {
    server.use(
      http.post(`${creatorsApiBase}/getItems`, creatorsFailure(429, 'TooManyRequests', 'Throttled.')),
      ...creatorsApiSuccess(),
    );
    const error = await rejection(create().getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'rate_limit', retryAfterMs: 1000, retryable: true });
  });

  it('S10 analogue: a PA-API baseUrl is refused up front with the migration fix', () => {
    const error = (() => {
      try {
        create({ baseUrl: 'https://webservices.amazon.com/paapi5' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/`baseUrl`.*retired.*migrate to the Creators API/s);
  });

  it('S10 analogue: an answer in the PA-API error format → model_unavailable saying to migrate', async () => {
    server.use(
      http.post(`${creatorsApiBase}/getItems`, () =>
        HttpResponse.json(
          {
            __type: 'com.amazon.paapi5#InternalFailure',
            Errors: [{ Code: 'InternalFailure', Message: 'gone' }],
          },
          { status: 500 },
        ),
      ),
      ...creatorsApiSuccess(),
    );
    const error = await rejection(create().getProduct({ asin: 'B0C1234567' }));
    expect(error).toMatchObject({ kind: 'model_unavailable', code: 'pa_api_retired' });
    expect(error.message).toMatch(/migrate to the Creators API/);
  });

  it('a product with no offer is unavailable and has no price', async () => {
    server.use(...creatorsApiSuccess());
    const { product } = await create().getProduct({ asin: 'B0E3333333' });
    expect(product.availability).toBe('unavailable');
    expect(product.price).toBeUndefined();
  });

  it('a title is answered from searchItems alone (one request at 1 TPS)', async () => {
    const received: CreatorsReceived[] = [];
    server.use(...creatorsApiSuccess({ received }));
    const { product, cost } = await create().getProduct({ title: 'BrewMaster electric kettle' });
    expect(product.asin).toBe('B0D2222222');
    expect(received.map((call) => new URL(call.url).pathname)).toEqual(['/catalog/v1/searchItems']);
    expect(cost.quantity).toBe(1);
  });

  it('a URL of another marketplace is invalid_input naming the domain to use', async () => {
    const error = await rejection(create().getProduct({ url: 'https://www.amazon.co.uk/dp/B0C1234567' }));
    expect(error.message).toMatch(/domain 'co\.uk'/);
    expect(server.calls).toHaveLength(0);
  });

  it('uses the EU token endpoint for an EU marketplace', async () => {
    const seen: string[] = [];
    server.use(
      http.post('https://api.amazon.co.uk/auth/o2/token', ({ request }) => {
        seen.push(request.url);
        return HttpResponse.json({ access_token: 'Atc|eu', token_type: 'bearer', expires_in: 3600 });
      }),
      http.post(`${creatorsApiBase}/getItems`, () => HttpResponse.json({ itemsResult: { items: [] } })),
    );
    await rejection(
      create({ domain: 'co.uk', partnerTag: 'mychannel-21' }).getProduct({ asin: 'B0C1234567' }),
    );
    expect(seen).toEqual(['https://api.amazon.co.uk/auth/o2/token']);
    expect(creatorsTokenUrl).toBe('https://api.amazon.com/auth/o2/token');
  });
});
