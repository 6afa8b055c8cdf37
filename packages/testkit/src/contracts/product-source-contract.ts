import {
  type ProductQuery,
  type ProductResult,
  type ProductSource,
  ProviderError,
  productSchema,
} from '@reelsmith/core';
import { it } from 'vitest';
import type { TestServer } from '../msw/test-server.js';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check, describeThrown } from './contract-violation.js';
import { describeProviderContract } from './describe-provider-contract.js';
import { settleWithin } from './settle.js';

/** Options of {@link describeProductSourceContract}. `input` is a query the service answers. */
export interface ProductSourceContractOptions extends ProviderContractOptions<ProductSource, ProductQuery> {
  /**
   * A query the success handlers answer as "no such product" (an unknown ASIN, a title with no
   * match). The source must reject it with a `ProviderError` of kind `invalid_input`, so the
   * engine skips the job instead of retrying it.
   */
  missingQuery?: ProductQuery;
}

const isIsoTime = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** @internal How the product-source suite calls and checks a source. */
export const productSourceContract: CapabilityContract<ProductSource, ProductQuery, ProductResult> = {
  capability: 'product-source',
  method: 'getProduct',
  call: (source, query, options) => source.getProduct(query, options),
  checkResult(result, _query, where) {
    const parsed = productSchema.safeParse(result.product);
    check(
      parsed.success,
      where,
      `product does not match productSchema: ${parsed.error?.issues
        .map((issue) => `\`${issue.path.join('.')}\` ${issue.message}`)
        .join('; ')}`,
    );
    const product = parsed.data;
    if (product.price) {
      check(
        isIsoTime(product.price.readAt),
        where,
        `price.readAt must be the ISO time the price was read, got ${JSON.stringify(product.price.readAt)}`,
      );
      check(
        product.availability !== 'unavailable',
        where,
        'an unavailable product must not carry a price (no video may show a price it cannot honour)',
      );
    }
    if (product.readAt !== undefined) {
      check(
        isIsoTime(product.readAt),
        where,
        `readAt must be an ISO time, got ${JSON.stringify(product.readAt)}`,
      );
    }
    for (const [index, url] of product.imageUrls.entries()) {
      check(URL.canParse(url), where, `imageUrls[${index}] is not an absolute URL: ${JSON.stringify(url)}`);
    }
  },
};

/** @internal Checks that `missingQuery` rejects with `invalid_input`. */
export async function checkMissingProduct(
  options: ProductSourceContractOptions,
  query: ProductQuery,
  server: TestServer,
): Promise<void> {
  const where = `${options.name} › getProduct › missing product`;
  server.resetCalls();
  server.use(...(options.success ?? []));
  try {
    const source = options.create({ timeoutMs: 10_000 });
    const outcome = await settleWithin(source.getProduct(query), 15_000);
    check(outcome.state !== 'pending', where, 'the call did not settle within 15000 ms');
    check(
      outcome.state === 'rejected',
      where,
      `getProduct(${JSON.stringify(query)}) resolved; it must reject`,
    );
    const error = outcome.error;
    check(
      ProviderError.isInstance(error),
      where,
      `a missing product must reject with a ProviderError, got ${describeThrown(error)}`,
    );
    check(
      error.kind === 'invalid_input',
      where,
      `a missing product must be kind "invalid_input" (skip the job, never retry), got "${error.kind}"`,
    );
    for (const secret of options.secrets ?? []) {
      check(!error.message.includes(secret), where, 'the error message contains a secret');
    }
  } finally {
    server.resetHandlers();
  }
}

/**
 * Registers the `ProductSource` contract suite: declaration, a successful `getProduct` whose
 * product passes `productSchema` (prices with their read time, never on an unavailable
 * product), abort handling, every fault case served by msw, and — with `missingQuery` — a
 * missing product rejected as `invalid_input`.
 *
 * @example
 * ```ts
 * describeProductSourceContract({
 *   name: 'my catalogue',
 *   create: ({ timeoutMs }) => createMyCatalogue({ apiKey: 'test-key', timeoutMs }),
 *   input: { asin: 'B0C1234567' },
 *   route: (resolver) => [http.get('https://catalogue.example/products/:asin', resolver)],
 *   success: [http.get('https://catalogue.example/products/:asin', () => HttpResponse.json(product))],
 *   missingQuery: { asin: 'B000000000' },
 * });
 * ```
 */
export function describeProductSourceContract(options: ProductSourceContractOptions): void {
  describeProviderContract(productSourceContract, options, (server) => {
    const missing = options.missingQuery;
    if (missing) {
      it(
        'getProduct() rejects a missing product with invalid_input',
        () => checkMissingProduct(options, missing, server),
        20_000,
      );
    }
  });
}
