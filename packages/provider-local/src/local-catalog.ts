import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigError,
  type Product,
  type ProductQuery,
  type ProductResult,
  type ProductSource,
  ProviderError,
  productSchema,
} from '@reelsmith/core';

/** Settings of {@link createLocalCatalog}. */
export interface LocalCatalogSettings {
  /** The products, or the path of a JSON file holding an array of them. Relative photo paths resolve against the file. */
  products: Product[] | string;
  id?: string;
}

const tokens = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((token) => token.length > 1),
  );

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * A `ProductSource` over a fixed list of products (a JSON catalog file or an array), for offline
 * runs and tests. Finds a product by ASIN, by a product URL containing the ASIN, or by title
 * (exact, then the best word overlap); an unknown or ambiguous title is `invalid_input`.
 */
export function createLocalCatalog(settings: LocalCatalogSettings): ProductSource {
  const id = settings.id ?? 'local:catalog';
  let loaded: Promise<Product[]> | undefined;
  const load = () => {
    loaded ??= readCatalog(settings.products);
    return loaded;
  };
  const notFound = (message: string) => new ProviderError({ kind: 'invalid_input', provider: id, message });
  return {
    specificationVersion: 'v1',
    id,
    capability: 'product-source',
    estimateCost: () => ({ usd: 0 }),
    async getProduct(query: ProductQuery, options): Promise<ProductResult> {
      options?.signal?.throwIfAborted();
      const products = await load();
      const asin = query.asin ?? query.url?.match(/\/(?:dp|gp\/product)\/([A-Z0-9]{10})/i)?.[1];
      if (asin) {
        const match = products.find((product) => product.asin?.toUpperCase() === asin.toUpperCase());
        if (!match) throw notFound(`no product with ASIN ${asin} in the catalog; add it to the catalog file`);
        return { product: match, cost: { usd: 0 }, warnings: [] };
      }
      const title = query.title ?? '';
      const exact = products.find((product) => product.title.toLowerCase() === title.toLowerCase());
      if (exact) return { product: exact, cost: { usd: 0 }, warnings: [] };
      const wanted = tokens(title);
      const scored = products
        .map((product) => ({ product, score: overlap(wanted, tokens(product.title)) }))
        .filter((entry) => entry.score >= 0.5)
        .sort((a, b) => b.score - a.score);
      if (scored.length === 0)
        throw notFound(`no product in the catalog matches "${title}"; add it to the catalog file`);
      if (scored.length > 1 && scored[0]!.score === scored[1]!.score) {
        const names = scored
          .slice(0, 3)
          .map((entry) => `"${entry.product.title}"`)
          .join(', ');
        throw notFound(`"${title}" matches several products (${names}); use the full title or the ASIN`);
      }
      return {
        product: scored[0]!.product,
        cost: { usd: 0 },
        warnings: [{ type: 'other', message: `matched "${title}" to "${scored[0]!.product.title}"` }],
      };
    },
  };
}

async function readCatalog(source: Product[] | string): Promise<Product[]> {
  if (typeof source !== 'string') return parseProducts(source, 'products');
  const text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError('createLocalCatalog', [
      {
        field: 'products',
        problem: `cannot read ${source} (${error.code ?? error.message})`,
        fix: 'pass the path of a JSON catalog file',
      },
    ]);
  });
  const base = path.dirname(path.resolve(source));
  const products = parseProducts(JSON.parse(text), source);
  return products.map((product) => ({
    ...product,
    imageUrls: product.imageUrls.map((url) =>
      /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : pathToFileURL(path.resolve(base, url)).href,
    ),
  }));
}

function parseProducts(value: unknown, where: string): Product[] {
  const result = productSchema.array().min(1).safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new ConfigError('createLocalCatalog', [
    {
      field: `products${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}`,
      problem: `${issue.message} (in ${where})`,
      fix: 'each product needs at least a title; see productSchema in @reelsmith/core',
    },
  ]);
}
