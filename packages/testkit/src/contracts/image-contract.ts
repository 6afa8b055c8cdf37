import type { ImageInput, ImageProvider, ImageResult } from '@reelsmith/core';
import type { CapabilityContract, ProviderContractOptions } from './contract-options.js';
import { check } from './contract-violation.js';
import { describeProviderContract } from './describe-provider-contract.js';

/** Options of {@link describeImageProviderContract}. */
export type ImageProviderContractOptions = ProviderContractOptions<ImageProvider, ImageInput>;

/** @internal How the image suite calls and checks a provider. */
export const imageContract: CapabilityContract<ImageProvider, ImageInput, ImageResult> = {
  capability: 'image',
  method: 'generateImage',
  call: (provider, input, options) => provider.generateImage(input, options),
  checkResult(result, _input, where) {
    check(
      Array.isArray(result.images) && result.images.length > 0,
      where,
      'images must be a non-empty array (zero images is an error, not a result)',
    );
    result.images.forEach((image, index) => {
      check(
        image.data instanceof Uint8Array && image.data.length > 0,
        where,
        `images[${index}].data must be non-empty bytes (a Uint8Array)`,
      );
      check(
        typeof image.mediaType === 'string' && image.mediaType.startsWith('image/'),
        where,
        `images[${index}].mediaType must be an image media type, got ${JSON.stringify(image.mediaType)}`,
      );
    });
  },
};

/**
 * Registers the `ImageProvider` contract suite: declaration, a successful `generateImage`,
 * abort handling and every fault case, served by msw.
 *
 * @example
 * ```ts
 * describeImageProviderContract({
 *   name: 'acme images',
 *   create: ({ timeoutMs }) => createAcmeImages({ apiKey: 'test-key', timeoutMs }),
 *   input: { prompt: 'a red kettle on a kitchen table' },
 *   route: (resolver) => [http.post('https://api.acme.test/v1/images', resolver)],
 *   success: [http.post('https://api.acme.test/v1/images', () => HttpResponse.json(fixture))],
 *   secrets: ['test-key'],
 * });
 * ```
 */
export function describeImageProviderContract(options: ImageProviderContractOptions): void {
  describeProviderContract(imageContract, options);
}
