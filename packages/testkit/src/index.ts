// Public API of @reelsmith/testkit, grouped by folder (Biome keeps the exports sorted by path).

// Provider contract suites
export type {
  ExtraFault,
  FaultOverride,
  ProviderContractOptions,
  SkippedFault,
} from './contracts/contract-options.js';
export { ContractViolation } from './contracts/contract-violation.js';
export { type FaultCase, faultCases } from './contracts/fault-cases.js';
export {
  describeImageProviderContract,
  type ImageProviderContractOptions,
} from './contracts/image-contract.js';
export { describeJobSourceContract, type JobSourceContractOptions } from './contracts/job-source-contract.js';
export {
  describeProductSourceContract,
  type ProductSourceContractOptions,
} from './contracts/product-source-contract.js';
export { describePublisherContract, type PublisherContractOptions } from './contracts/publisher-contract.js';
export {
  describeScriptProviderContract,
  type ScriptProviderContractOptions,
} from './contracts/script-contract.js';
export {
  describeVisionJudgeContract,
  type VisionJudgeContractOptions,
} from './contracts/vision-judge-contract.js';
export {
  describeVoiceProviderContract,
  type VoiceProviderContractOptions,
} from './contracts/voice-contract.js';
// Fakes
export { fakeAffiliateOptions } from './fakes/fake-affiliate-options.js';
export {
  createFakeImageProvider,
  type FakeImageProvider,
  type FakeImageProviderOptions,
} from './fakes/fake-image-provider.js';
export {
  createFakeJobSource,
  type FakeJobRecord,
  type FakeJobSource,
  type FakeJobSourceCall,
  type FakeJobSourceOptions,
} from './fakes/fake-job-source.js';
export {
  createFakeProductSource,
  type FakeProductSource,
  type FakeProductSourceOptions,
} from './fakes/fake-product-source.js';
export {
  createFakePublisher,
  type FakePublisher,
  type FakePublisherOptions,
} from './fakes/fake-publisher.js';
export { createFakeRenderer, type FakeRenderer, type FakeRendererOptions } from './fakes/fake-renderer.js';
export { type FailureScript, type FakeCallLog, type FakeOptions, fakeFailure } from './fakes/fake-runtime.js';
export {
  buildFakeScript,
  createFakeScriptProvider,
  type FakeScriptProvider,
  type FakeScriptProviderOptions,
} from './fakes/fake-script-provider.js';
export {
  createFakeVisionJudge,
  type FakeVisionJudge,
  type FakeVisionJudgeOptions,
} from './fakes/fake-vision-judge.js';
export {
  createFakeVoiceProvider,
  estimateWordTimings,
  type FakeVoiceProvider,
  type FakeVoiceProviderOptions,
} from './fakes/fake-voice-provider.js';
// Media bytes for fakes and msw handlers
export { createPng, type PngOptions, type Rgba } from './media/png.js';
export { createWav, type WavOptions } from './media/wav.js';
// msw helpers
export {
  dropConnection,
  forbidden,
  htmlErrorPage,
  malformedJson,
  neverAnswer,
  notFound,
  paymentRequired,
  type RateLimitedOptions,
  rateLimited,
  serverError,
  unauthorized,
  unprocessable,
} from './msw/faults.js';
export { installTestServer } from './msw/install-test-server.js';
export { type LoopbackService, type ServeHandlersOptions, serveHandlers } from './msw/serve-handlers.js';
export { sequence } from './msw/sequence.js';
export { createTestServer, type RecordedCall, type TestServer } from './msw/test-server.js';
// Store contract suites and memory stores: see ./stores/
export {
  type CheckpointStoreContractOptions,
  describeCheckpointStoreContract,
} from './stores/checkpoint-store-contract.js';
export { describeMediaStoreContract, type MediaStoreContractOptions } from './stores/media-store-contract.js';
export {
  createMemoryCheckpointStore,
  type MemoryCheckpointStore,
  type MemoryCheckpointStoreOptions,
} from './stores/memory-checkpoint-store.js';
export {
  createMemoryMediaStore,
  type MemoryMediaStore,
  type MemoryMediaStoreOptions,
} from './stores/memory-media-store.js';
