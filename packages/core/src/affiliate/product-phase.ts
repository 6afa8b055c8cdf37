import { ProviderError } from '../errors/provider-error.js';
import { definePhase } from '../pipeline/phase.js';
import type { AffiliateSettings } from './affiliate-options.js';
import { loadPhoto } from './load-photo.js';
import type { ProductOutput } from './outputs.js';

const extensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** `product`: fetches the product and stores its main photo. */
export function productPhase({ options }: AffiliateSettings) {
  return definePhase({
    name: 'product',
    run: async (ctx): Promise<ProductOutput> => {
      const { job } = ctx;
      const { product } = await ctx.use(options.productSource).getProduct(
        {
          ...(job.title !== undefined ? { title: job.title } : {}),
          ...(job.asin !== undefined ? { asin: job.asin } : {}),
          ...(job.url !== undefined ? { url: job.url } : {}),
        },
        { signal: ctx.signal },
      );
      const photoUrl = product.imageUrls[0];
      if (!photoUrl) {
        throw new ProviderError({
          kind: 'invalid_input',
          provider: options.productSource.id,
          message: `product "${product.title}" has no photo (imageUrls is empty); every video needs the product photo — add one to the product`,
        });
      }
      const photo = await (options.photoLoader ?? loadPhoto)(photoUrl, { signal: ctx.signal });
      const extension = extensions[photo.mediaType] ?? 'img';
      const ref = await ctx.media.put(`${ctx.runId}/product.${extension}`, photo.data, photo.mediaType);
      return { product, photo: ref };
    },
  });
}
