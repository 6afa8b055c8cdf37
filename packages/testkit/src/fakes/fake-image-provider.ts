import type { ImageInput, ImageProvider } from '@reelsmith/core';
import { createPng } from '../media/png.js';
import { type FakeCallLog, type FakeOptions, FakeRuntime, hashText } from './fake-runtime.js';

/** Options of {@link createFakeImageProvider}. */
export interface FakeImageProviderOptions extends FakeOptions {}

/** An in-memory `ImageProvider` that records its calls. */
export interface FakeImageProvider extends ImageProvider, FakeCallLog<ImageInput> {}

/**
 * An `ImageProvider` with no network: each call returns `input.count` (default 1) real 4×4
 * PNGs whose colour is derived from the prompt, so equal prompts give equal bytes.
 *
 * @example
 * ```ts
 * const images = createFakeImageProvider({ failures: ['transient'] }); // first call fails, then succeeds
 * ```
 */
export function createFakeImageProvider(options: FakeImageProviderOptions = {}): FakeImageProvider {
  const runtime = new FakeRuntime<ImageInput>('fake:image', options);
  return {
    specificationVersion: 'v1',
    id: runtime.id,
    capability: 'image',
    get calls() {
      return runtime.calls;
    },
    get callCount() {
      return runtime.calls.length;
    },
    generateImage: (input, callOptions) =>
      runtime.run(input, callOptions?.signal, () => {
        const count = Math.max(1, input.count ?? 1);
        const images = Array.from({ length: count }, (_, index) => {
          const hash = hashText(`${input.prompt}#${index}`);
          const color = [hash & 0xff, (hash >>> 8) & 0xff, (hash >>> 16) & 0xff, 255] as const;
          return { data: createPng({ color }), mediaType: 'image/png', width: 4, height: 4 };
        });
        return { images, cost: runtime.cost(), warnings: [] };
      }),
    estimateCost: () => runtime.cost(),
  };
}
