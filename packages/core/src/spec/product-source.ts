import type { CallOptions, CallResult, Cost } from './call-options.js';
import type { Product } from './product.js';
import type { Provider } from './provider.js';

/** How a job names its product. At least one field is set. */
export interface ProductQuery {
  title?: string;
  asin?: string;
  url?: string;
}

/** Result of {@link ProductSource.getProduct}. */
export interface ProductResult extends CallResult {
  product: Product;
}

/** Resolves a job's product into a normalized {@link Product}. */
export interface ProductSource extends Provider<'product-source'> {
  getProduct(query: ProductQuery, options?: CallOptions): Promise<ProductResult>;
  estimateCost?(query: ProductQuery): Cost;
}
