import type { AffiliatePipelineOptions } from '@reelsmith/core';
import { createPng } from '../media/png.js';
import { createMemoryCheckpointStore } from '../stores/memory-checkpoint-store.js';
import { createMemoryMediaStore } from '../stores/memory-media-store.js';
import { createFakeImageProvider } from './fake-image-provider.js';
import { createFakeProductSource } from './fake-product-source.js';
import { createFakePublisher } from './fake-publisher.js';
import { createFakeRenderer } from './fake-renderer.js';
import { createFakeScriptProvider } from './fake-script-provider.js';
import { createFakeVisionJudge } from './fake-vision-judge.js';
import { createFakeVoiceProvider } from './fake-voice-provider.js';

/**
 * Options for `createAffiliatePipeline` made of fakes only: a product source, script writer,
 * image provider, vision judge, voice and renderer from the testkit (small costs, no latency),
 * one fake publisher on platform `youtube`, a photo loader answering a tiny PNG, memory stores
 * and fast retries. Pass `overrides` for the parts your test is about — your own provider in
 * the standard pipeline, a failing voice, an event bus to watch.
 *
 * @example
 * ```ts
 * const pipeline = createAffiliatePipeline(fakeAffiliateOptions({ voice: myVoiceProvider }));
 * const result = await pipeline.run('Steel bottle');
 * ```
 */
export function fakeAffiliateOptions(
  overrides: Partial<AffiliatePipelineOptions> = {},
): AffiliatePipelineOptions {
  const photo = { data: createPng({ width: 8, height: 8 }), mediaType: 'image/png' };
  return {
    productSource: createFakeProductSource(),
    script: createFakeScriptProvider({ costUsd: 0.01 }),
    images: createFakeImageProvider({ costUsd: 0.04 }),
    judge: createFakeVisionJudge({ score: 0.95 }),
    voice: createFakeVoiceProvider({ costUsd: 0.02 }),
    renderer: createFakeRenderer(),
    publishers: [createFakePublisher({ platform: 'youtube' })],
    photoLoader: async () => photo,
    checkpoints: createMemoryCheckpointStore(),
    media: createMemoryMediaStore(),
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    ...overrides,
  };
}
