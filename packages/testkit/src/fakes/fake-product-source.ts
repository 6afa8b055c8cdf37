import {
  type Product,
  type ProductQuery,
  type ProductSource,
  ProviderError,
  productSchema,
} from '@reelsmith/core';
import { type FakeCallLog, type FakeOptions, FakeRuntime } from './fake-runtime.js';

/** Options of {@link createFakeProductSource}. */
export interface FakeProductSourceOptions extends FakeOptions {
  /** Fields that replace the generated ones, or a function of the query returning them. */
  product?: Partial<Product> | ((query: ProductQuery) => Partial<Product>);
}

/** An in-memory `ProductSource` that records its calls. */
export interface FakeProductSource extends ProductSource, FakeCallLog<ProductQuery> {}

/**
 * A `ProductSource` with no network. It returns a `productSchema`-valid product titled after
 * the query (its title, or `Product <asin>` / `Product from <url>`), with a price, rating,
 * bullets, a review, a photo URL and an affiliate link. A query with no field is `invalid_input`.
 */
export function createFakeProductSource(options: FakeProductSourceOptions = {}): FakeProductSource {
  const runtime = new FakeRuntime<ProductQuery>('fake:product-source', options);
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'product-source',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    getProduct: (query, callOptions) =>
      runtime.run(query, callOptions?.signal, () => {
        const title =
          query.title ?? (query.asin ? `Product ${query.asin}` : query.url && `Product from ${query.url}`);
        if (!title) {
          throw new ProviderError({
            kind: 'invalid_input',
            provider: runtime.id,
            message: 'the query needs a `title`, an `asin` or a `url`',
          });
        }
        const overrides = typeof options.product === 'function' ? options.product(query) : options.product;
        const slug = encodeURIComponent(title.toLowerCase().replace(/\s+/g, '-'));
        const product = productSchema.parse({
          asin: query.asin,
          title,
          brand: 'Fakebrand',
          price: { amount: 24.99, currency: 'USD', readAt: new Date().toISOString() },
          rating: 4.4,
          reviewCount: 128,
          bullets: [`The ${title} is easy to use.`, 'Built to last.', 'Fits in any home.'],
          reviews: [{ title: 'Great', text: 'Does exactly what it promises.', rating: 5, author: 'A buyer' }],
          imageUrls: [`https://images.example.test/${slug}.png`],
          category: 'Home',
          url: query.url ?? `https://shop.example.test/p/${slug}`,
          affiliateUrl: `https://shop.example.test/p/${slug}?tag=reelsmith-20`,
          ...overrides,
        });
        return { product, cost: runtime.cost(), warnings: [] };
      }),
    estimateCost: () => runtime.cost(),
  };
}
