// A standard pipeline on testkit fakes for the queue tests (no network, shared in-memory stores).
import { type AffiliatePipelineOptions, createAffiliatePipeline, type Pipeline } from '@reelsmith/core';
import {
  createFakeImageProvider,
  createFakeProductSource,
  createFakePublisher,
  createFakeRenderer,
  createFakeScriptProvider,
  createFakeVoiceProvider,
  createMemoryCheckpointStore,
  createMemoryMediaStore,
  createPng,
  type FakePublisher,
  type FakeScriptProvider,
} from '@reelsmith/testkit';

/** What every worker of one test shares: the stores (like Redis and a shared disk) and the fakes. */
export interface FakeDeployment {
  options: AffiliatePipelineOptions;
  script: FakeScriptProvider;
  publisher: FakePublisher;
  /** A new pipeline (one per simulated worker) over the shared stores and fakes. */
  pipeline(): Pipeline;
}

export function fakeDeployment(settings: { renderLatencyMs?: number } = {}): FakeDeployment {
  const script = createFakeScriptProvider({ costUsd: 0.01 });
  const publisher = createFakePublisher({ platform: 'youtube' });
  const photo = { data: createPng({ width: 8, height: 8 }), mediaType: 'image/png' };
  const options: AffiliatePipelineOptions = {
    productSource: createFakeProductSource(),
    script,
    images: createFakeImageProvider({ costUsd: 0.04 }),
    voice: createFakeVoiceProvider({ costUsd: 0.02 }),
    renderer: createFakeRenderer({ latencyMs: settings.renderLatencyMs ?? 0 }),
    publishers: [publisher],
    photoLoader: async () => photo,
    checkpoints: createMemoryCheckpointStore(),
    media: createMemoryMediaStore(),
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
  };
  return { options, script, publisher, pipeline: () => createAffiliatePipeline(options) };
}
