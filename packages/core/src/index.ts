// Public API of @reelsmith/core. Export only what users and plugin authors code against.

// Errors
export { ReelsmithError } from './errors/reelsmith-error.js';
export {
  ProviderError,
  isRetryableKind,
  providerErrorKinds,
  type ProviderErrorKind,
  type ProviderErrorOptions,
} from './errors/provider-error.js';
export { ConfigError, type ConfigIssue } from './errors/config-error.js';
export { BudgetExceededError } from './errors/budget-exceeded-error.js';
export { RetryError } from './errors/retry-error.js';
export { CircuitOpenError } from './errors/circuit-open-error.js';
export { CheckpointCorruptError } from './errors/checkpoint-corrupt-error.js';
export { PhaseError } from './errors/phase-error.js';
export { summarizeError, underlyingProviderError } from './errors/summarize-error.js';

// Secrets
export { REDACTED, containsSecret, redactText, redactValue, registerSecret } from './secrets/redact.js';

// Provider contracts
export type { CallOptions, CallResult, CallWarning, Cost, Progress, ProviderOptions } from './spec/call-options.js';
export { freeCost } from './spec/call-options.js';
export type { Capability, Provider, SpecificationVersion } from './spec/provider.js';
export type { MediaData, MediaRef } from './spec/media.js';
export { productSchema, priceSchema, reviewSchema, type Price, type Product, type Review } from './spec/product.js';
export { jobSchema, type Job } from './spec/job.js';
export {
  platformSchema,
  sceneSchema,
  scriptSchema,
  type Platform,
  type Scene,
  type Script,
  type ScriptInput,
  type ScriptProvider,
  type ScriptResult,
} from './spec/script-provider.js';
export type { GeneratedImage, ImageInput, ImageProvider, ImageResult } from './spec/image-provider.js';
export type { VoiceInput, VoiceProvider, VoiceResult, WordTiming } from './spec/voice-provider.js';
export type { JudgeInput, JudgeResult, VisionJudge } from './spec/vision-judge.js';
export type { RenderInput, RenderResult, RenderScene, Renderer } from './spec/renderer.js';
export type {
  DraftIssue,
  DraftValidation,
  PublishDraft,
  PublishedPost,
  PublishOptions,
  PublishResult,
  Publisher,
} from './spec/publisher.js';
export type { ProductQuery, ProductResult, ProductSource } from './spec/product-source.js';
export type { JobSource, JobStatus, JobUpdate } from './spec/job-source.js';
export type { MediaStore } from './spec/media-store.js';
export type { CheckpointStore } from './spec/checkpoint-store.js';
export { capabilities, capabilityMethods } from './spec/capabilities.js';

// Events
export type { CallSite, ErrorSummary, ReelsmithEventName, ReelsmithEvents, RunStatus } from './events/event-map.js';
export { createEventBus, type EventBus, type EventBusOptions, type Listener } from './events/event-bus.js';

// Resilience
export { parseRetryAfter, retryAfterFromHeaders, type HeaderLookup } from './resilience/retry-after.js';
export {
  computeRetryDelay,
  defaultRetrySettings,
  isRetryableError,
  withRetry,
  type RetryInfo,
  type RetryOptions,
  type RetrySettings,
} from './resilience/with-retry.js';
export {
  circuitBreaker,
  defaultBreakerSettings,
  type BreakerOptions,
  type BreakerSettings,
  type BreakerState,
  type CircuitBreaker,
} from './resilience/circuit-breaker.js';
export { createBreakerRegistry, type BreakerRegistry } from './resilience/breaker-registry.js';
export { createLimiter, type LimitSettings, type Limiter } from './resilience/limiter.js';
export { fallback, type FallbackOptions } from './resilience/fallback.js';
export { FallbackExhaustedError, type FallbackFailure } from './errors/fallback-exhausted-error.js';
export {
  assertProvider,
  createProviderRuntime,
  type ProviderRuntime,
  type ProviderRuntimeOptions,
} from './resilience/provider-runtime.js';
export type { CallScope } from './resilience/call-scope.js';

// Budget
export { createCostLedger, type CostEntry, type CostLedger, type CostLedgerOptions } from './budget/cost-ledger.js';

// Pipeline
export {
  definePhase,
  type AnyPhase,
  type DraftWithoutMarker,
  type Need,
  type Phase,
  type PhaseContext,
  type PhaseDefinition,
  type PhaseInputs,
  type PhaseOutputs,
} from './pipeline/phase.js';
export {
  definePipeline,
  type JobInput,
  type Pipeline,
  type PipelineOptions,
  type RunOptions,
  type RunOutcome,
} from './pipeline/define-pipeline.js';
export type { RunResult } from './pipeline/execute-run.js';
export { criticalPathMs, orderPhases } from './pipeline/dag.js';
export { publishMarker } from './pipeline/marker.js';
export { publishKeys, type PublishIntent } from './pipeline/publish-once.js';
export { phaseKey, runKey, type PhaseRecord, type RunRecord } from './pipeline/run-record.js';

// Config
export { parseConfig, type FixHints } from './config/parse-config.js';

// Stores
export { createFileCheckpointStore } from './stores/file-checkpoint-store.js';
export { createFileMediaStore } from './stores/file-media-store.js';
