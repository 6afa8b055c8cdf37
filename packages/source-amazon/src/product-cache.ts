import { createHash } from 'node:crypto';
import { type CheckpointStore, ConfigError, type Product, productSchema } from '@reelsmith/core';
import type { ParsedProductQuery } from './parse-product-query.js';

/** The run id under which a persistent product cache keeps its records in a `CheckpointStore`. */
export const productCacheRunId = '_product-cache';

/** Options of {@link createProductCache}. */
export interface ProductCacheOptions {
  /**
   * Where entries live. Default: in memory (gone when the process ends). Pass the pipeline's
   * checkpoint store (e.g. `createFileCheckpointStore(dir)`) to keep them across runs; they are
   * stored under the reserved run id `_product-cache`.
   */
  store?: CheckpointStore;
  /**
   * How long an entry is fresh, in ms. Amazon's rules want product data refreshed at least every
   * 24 h, so values above 24 h are refused. Default 6 h.
   */
  ttlMs?: number;
  /** Clock, for tests. Default `Date.now`. */
  now?: () => number;
}

/** A cached product with the time it was stored. */
export interface CachedProduct {
  product: Product;
  /** When the entry was stored, ISO 8601. */
  storedAt: string;
}

/** A product lookup cache shared by the sources (`createScrapingDogSource({ cache })`). */
export interface ProductCache {
  /** The fresh entry under `key`, or `undefined` (missing, expired or unreadable). */
  get(key: string): Promise<CachedProduct | undefined>;
  /** Stores `product` under `key`. */
  set(key: string, product: Product): Promise<void>;
  delete(key: string): Promise<void>;
  readonly ttlMs: number;
}

const maxTtlMs = 24 * 60 * 60 * 1000;

/**
 * Creates a product cache. Sources look a query up before any paid call and, on a fresh hit,
 * return the cached product with cost 0 and a warning saying it came from the cache.
 *
 * @example
 * ```ts
 * const cache = createProductCache({ store: createFileCheckpointStore('.reelsmith/checkpoints'), ttlMs: 3_600_000 });
 * const source = createScrapingDogSource({ apiKey, cache });
 * ```
 */
export function createProductCache(options: ProductCacheOptions = {}): ProductCache {
  const ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
  if (!Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > maxTtlMs) {
    throw new ConfigError('createProductCache', [
      {
        field: 'ttlMs',
        problem: `expected milliseconds above 0 and at most 86400000 (24 h), got ${String(options.ttlMs)}`,
        fix: 'Amazon product data must be refreshed at least daily: pass a ttlMs of 24 h or less',
      },
    ]);
  }
  const now = options.now ?? Date.now;
  const memory = new Map<string, unknown>();
  const store = options.store;
  const read = (key: string) =>
    store ? store.get(productCacheRunId, key).catch(() => undefined) : Promise.resolve(memory.get(key));
  return {
    ttlMs,
    async get(key) {
      const entry = parseEntry(await read(key));
      if (!entry || now() - Date.parse(entry.storedAt) > ttlMs) return undefined;
      return entry;
    },
    async set(key, product) {
      const entry: CachedProduct = { product, storedAt: new Date(now()).toISOString() };
      if (store) await store.set(productCacheRunId, key, JSON.parse(JSON.stringify(entry)));
      else memory.set(key, structuredClone(entry));
    },
    async delete(key) {
      if (store) await store.delete(productCacheRunId, key);
      else memory.delete(key);
    },
  };
}

function parseEntry(value: unknown): CachedProduct | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { product, storedAt } = value as { product?: unknown; storedAt?: unknown };
  const parsed = productSchema.safeParse(product);
  if (!parsed.success || typeof storedAt !== 'string' || Number.isNaN(Date.parse(storedAt))) return undefined;
  return { product: parsed.data, storedAt };
}

/**
 * The cache key of a query on a backend: backend, marketplace host and the ASIN, or the
 * normalized title (hashed, so any length fits a checkpoint key).
 */
export function productCacheKey(backend: string, query: ParsedProductQuery): string {
  const subject =
    query.kind === 'asin'
      ? `asin:${query.asin.toUpperCase()}`
      : `title:${createHash('sha256')
          .update(query.title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim())
          .digest('hex')
          .slice(0, 32)}`;
  return `${backend}:${query.marketplace.host}:${subject}`;
}
