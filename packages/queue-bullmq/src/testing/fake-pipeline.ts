// A standard pipeline on testkit fakes for the queue tests (no network, shared in-memory stores).
import { type AffiliatePipelineOptions, createAffiliatePipeline, type Pipeline } from '@reelsmith/core';
import {
  createFakePublisher,
  createFakeRenderer,
  createFakeScriptProvider,
  type FakePublisher,
  type FakeScriptProvider,
  fakeAffiliateOptions,
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
  const options = fakeAffiliateOptions({
    script,
    publishers: [publisher],
    judge: undefined,
    renderer: createFakeRenderer({ latencyMs: settings.renderLatencyMs ?? 0 }),
  });
  return { options, script, publisher, pipeline: () => createAffiliatePipeline(options) };
}
