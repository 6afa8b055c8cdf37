// Test helper (not exported): an ImageProvider whose answers follow a script.
import { ProviderError, type ProviderErrorKind } from '../errors/provider-error.js';
import type { CallOptions } from '../spec/call-options.js';
import type { ImageInput, ImageProvider, ImageResult } from '../spec/image-provider.js';

export type Step = ProviderErrorKind | 'ok' | ProviderError;

export interface ScriptedImageProvider extends ImageProvider {
  calls: ImageInput[];
}

/** Answers call i with steps[i] (the last step repeats). */
export function scriptedImageProvider(
  id: string,
  steps: Step[],
  extra: { costUsd?: number; estimateUsd?: number; retryAfterMs?: number; delayMs?: number } = {},
): ScriptedImageProvider {
  const calls: ImageInput[] = [];
  return {
    specificationVersion: 'v1',
    id,
    capability: 'image',
    calls,
    ...(extra.estimateUsd !== undefined ? { estimateCost: () => ({ usd: extra.estimateUsd! }) } : {}),
    async generateImage(input: ImageInput, options?: CallOptions): Promise<ImageResult> {
      const step = steps[Math.min(calls.length, steps.length - 1)] ?? 'ok';
      calls.push(input);
      if (extra.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, extra.delayMs);
          options?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(options.signal?.reason);
          });
        });
      }
      if (step instanceof ProviderError) throw step;
      if (step !== 'ok') {
        throw new ProviderError({
          kind: step,
          provider: id,
          message: `scripted ${step}`,
          status: step === 'rate_limit' ? 429 : 500,
          ...(step === 'rate_limit' && extra.retryAfterMs !== undefined
            ? { retryAfterMs: extra.retryAfterMs }
            : {}),
        });
      }
      return {
        images: [{ data: new Uint8Array([1, 2, 3]), mediaType: 'image/png' }],
        cost: { usd: extra.costUsd ?? 0.01 },
        warnings: [],
      };
    },
  };
}
