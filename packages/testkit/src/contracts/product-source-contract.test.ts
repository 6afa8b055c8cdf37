import { type CallOptions, type ProductQuery, type ProductSource, ProviderError } from '@reelsmith/core';
import { HttpResponse, type HttpResponseResolver, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { installTestServer } from '../msw/install-test-server.js';
import { referenceRequest } from '../testing/reference-http.js';
import { checkSuccess } from './check-call.js';
import {
  checkMissingProduct,
  describeProductSourceContract,
  type ProductSourceContractOptions,
  productSourceContract,
} from './product-source-contract.js';

// A minimal product source for an imaginary catalogue service, written the way a plugin should be.
const endpoint = 'https://catalogue.example.test/v1/products/:asin';
const apiKey = 'catkey_test_0123456789abcdef';

interface CatalogueProduct {
  asin: string;
  name: string;
  price?: number;
  photos: string[];
  inStock: boolean;
}

function createReferenceCatalogue(settings: { timeoutMs: number }): ProductSource {
  return {
    specificationVersion: 'v1',
    id: 'example:catalogue',
    capability: 'product-source',
    async getProduct(query: ProductQuery, options?: CallOptions) {
      const asin = query.asin ?? query.url?.match(/\/dp\/(\w{10})/)?.[1];
      if (!asin) {
        throw new ProviderError({ kind: 'invalid_input', provider: this.id, message: 'pass an ASIN' });
      }
      const url = endpoint.replace(':asin', asin);
      const body = (await referenceRequest(
        this.id,
        url,
        { headers: { authorization: `Bearer ${apiKey}` } },
        settings,
        options,
      ).catch((error: unknown) => {
        if (ProviderError.isInstance(error) && error.status === 404) {
          throw new ProviderError({ ...error, kind: 'invalid_input', message: `no product ${asin}` });
        }
        throw error;
      })) as CatalogueProduct;
      const readAt = new Date().toISOString();
      const product = {
        asin: body.asin,
        title: body.name,
        bullets: [],
        reviews: [],
        imageUrls: body.photos,
        availability: body.inStock ? ('in_stock' as const) : ('unavailable' as const),
        readAt,
        ...(body.inStock && body.price !== undefined
          ? { price: { amount: body.price, currency: 'USD', readAt } }
          : {}),
      };
      return { product, cost: { usd: 0.001, unit: 'request', quantity: 1 }, warnings: [] };
    },
    estimateCost: () => ({ usd: 0.001 }),
  };
}

const route = (resolver: HttpResponseResolver) => [http.get(endpoint, resolver)];
const catalogue = (overrides: Partial<CatalogueProduct> = {}) =>
  route(({ params }) =>
    params.asin === 'B000000000'
      ? HttpResponse.json({ error: 'not found' }, { status: 404 })
      : HttpResponse.json({
          asin: params.asin,
          name: 'Insulated bottle 1 l',
          price: 24.99,
          photos: ['https://images.example.test/bottle.jpg'],
          inStock: true,
          ...overrides,
        }),
  );

const options: ProductSourceContractOptions = {
  name: 'reference product source',
  create: createReferenceCatalogue,
  input: { asin: 'B0C1234567' },
  route,
  success: catalogue(),
  faults: {
    model_unavailable: {
      resolver: () => new HttpResponse(null, { status: 404 }),
      expectKind: 'invalid_input',
    },
  },
  missingQuery: { asin: 'B000000000' },
  secrets: [apiKey],
};

describeProductSourceContract(options);

describe('the product-source contract checks catch broken sources', () => {
  const server = installTestServer();

  it('a price on an unavailable product', async () => {
    const broken: ProductSourceContractOptions = {
      ...options,
      create: (settings) => {
        const inner = createReferenceCatalogue(settings);
        return {
          ...inner,
          getProduct: async (query, callOptions) => {
            const result = await inner.getProduct(query, callOptions);
            const readAt = new Date().toISOString();
            return {
              ...result,
              product: {
                ...result.product,
                price: { amount: 1, currency: 'USD', readAt },
                availability: 'unavailable',
              },
            };
          },
        };
      },
    };
    await expect(checkSuccess(productSourceContract, broken, server)).rejects.toThrow(/unavailable product/);
  });

  it('a product without a title', async () => {
    const broken = { ...options, success: catalogue({ name: '' }) };
    await expect(checkSuccess(productSourceContract, broken, server)).rejects.toThrow(/productSchema.*title/);
  });

  it('a missing product reported as transient', async () => {
    const broken: ProductSourceContractOptions = {
      ...options,
      create: (settings) => {
        const inner = createReferenceCatalogue(settings);
        return {
          ...inner,
          getProduct: (query, callOptions) =>
            inner.getProduct(query, callOptions).catch((error: ProviderError) => {
              throw new ProviderError({ ...error, kind: 'transient', message: error.message });
            }),
        };
      },
    };
    await expect(checkMissingProduct(broken, { asin: 'B000000000' }, server)).rejects.toThrow(
      /must be kind "invalid_input"/,
    );
  });
});
