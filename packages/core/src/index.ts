// Public API of @reelsmith/core. Export only what users and plugin authors code against.

// Budget
export {
  type CostEntry,
  type CostLedger,
  type CostLedgerOptions,
  createCostLedger,
} from './budget/cost-ledger.js';
// Config
export { type FixHints, parseConfig } from './config/parse-config.js';
export { BudgetExceededError } from './errors/budget-exceeded-error.js';
export { CheckpointCorruptError } from './errors/checkpoint-corrupt-error.js';
export { CircuitOpenError } from './errors/circuit-open-error.js';
export { ConfigError, type ConfigIssue } from './errors/config-error.js';
export { FallbackExhaustedError, type FallbackFailure } from './errors/fallback-exhausted-error.js';
export { PhaseError } from './errors/phase-error.js';
export {
  isRetryableKind,
  ProviderError,
  type ProviderErrorKind,
  type ProviderErrorOptions,
  providerErrorKinds,
} from './errors/provider-error.js';
// Errors
export { ReelsmithError } from './errors/reelsmith-error.js';
export { RetryError } from './errors/retry-error.js';
export { summarizeError, underlyingProviderError } from './errors/summarize-error.js';
export { createEventBus, type EventBus, type EventBusOptions, type Listener } from './events/event-bus.js';
// Events
export type {
  CallSite,
  ErrorSummary,
  ReelsmithEventName,
  ReelsmithEvents,
  RunStatus,
} from './events/event-map.js';
export { criticalPathMs, orderPhases } from './pipeline/dag.js';
export {
  definePipeline,
  type JobInput,
  type Pipeline,
  type PipelineOptions,
  type RunOptions,
  type RunOutcome,
} from './pipeline/define-pipeline.js';
export type { RunResult } from './pipeline/execute-run.js';
export { publishMarker } from './pipeline/marker.js';
// Pipeline
export {
  type AnyPhase,
  type DraftWithoutMarker,
  definePhase,
  type Need,
  type Phase,
  type PhaseContext,
  type PhaseDefinition,
  type PhaseInputs,
  type PhaseOutputs,
} from './pipeline/phase.js';
export { checkpointPublishState, type PublishIntent, publishKeys } from './pipeline/publish-once.js';
export { type PhaseRecord, phaseKey, type RunRecord, runKey } from './pipeline/run-record.js';
export { type BreakerRegistry, createBreakerRegistry } from './resilience/breaker-registry.js';
export type { CallScope } from './resilience/call-scope.js';
export {
  type BreakerOptions,
  type BreakerSettings,
  type BreakerState,
  type CircuitBreaker,
  circuitBreaker,
  defaultBreakerSettings,
} from './resilience/circuit-breaker.js';
export { type FallbackOptions, fallback } from './resilience/fallback.js';
export { createLimiter, type Limiter, type LimitSettings } from './resilience/limiter.js';
export {
  assertProvider,
  createProviderRuntime,
  resultProvider,
  type ProviderRuntime,
  type ProviderRuntimeOptions,
} from './resilience/provider-runtime.js';
// Resilience
export { type HeaderLookup, parseRetryAfter, retryAfterFromHeaders } from './resilience/retry-after.js';
export { sleep } from './resilience/sleep.js';
export { type CallGuard, createCallGuard } from './resilience/call-guard.js';
export {
  computeRetryDelay,
  defaultRetrySettings,
  isRetryableError,
  type RetryInfo,
  type RetryOptions,
  type RetrySettings,
  withRetry,
} from './resilience/with-retry.js';
// Secrets
export { containsSecret, REDACTED, redactText, redactValue, registerSecret } from './secrets/redact.js';
// Provider contracts
export type {
  CallOptions,
  CallResult,
  CallWarning,
  Cost,
  Progress,
  ProviderOptions,
} from './spec/call-options.js';
export { freeCost } from './spec/call-options.js';
export { capabilities, capabilityMethods } from './spec/capabilities.js';
export type { CheckpointStore } from './spec/checkpoint-store.js';
export type { GeneratedImage, ImageInput, ImageProvider, ImageResult } from './spec/image-provider.js';
export { type Job, jobSchema } from './spec/job.js';
export type { JobSource, JobStatus, JobUpdate } from './spec/job-source.js';
export type { MediaData, MediaRef } from './spec/media.js';
export type { MediaStore } from './spec/media-store.js';
export {
  type Price,
  type Product,
  priceSchema,
  productSchema,
  type Review,
  reviewSchema,
} from './spec/product.js';
export type { ProductQuery, ProductResult, ProductSource } from './spec/product-source.js';
export type { Capability, Provider, SpecificationVersion } from './spec/provider.js';
export type {
  DraftIssue,
  DraftValidation,
  FindExistingOptions,
  PublishDraft,
  PublishedPost,
  Publisher,
  PublishOptions,
  PublishResult,
  PublishState,
} from './spec/publisher.js';
export type { Renderer, RenderInput, RenderResult, RenderScene } from './spec/renderer.js';
export {
  type Platform,
  platformSchema,
  type Scene,
  type Script,
  type ScriptInput,
  type ScriptProvider,
  type ScriptResult,
  sceneSchema,
  scriptSchema,
} from './spec/script-provider.js';
export type { JudgeInput, JudgeResult, VisionJudge } from './spec/vision-judge.js';
export type { VoiceInput, VoiceProvider, VoiceResult, WordTiming } from './spec/voice-provider.js';

// Stores
export { type WriteFileAtomicOptions, writeFileAtomic } from './stores/atomic-write.js';
export { assertJsonValue, canonicalJson, type JsonValue } from './stores/json-value.js';
export {
  assertCheckpointAddress,
  assertCheckpointRunId,
  type CheckpointRecord,
  checkpointRecordFormat,
  decodeCheckpointRecord,
  encodeCheckpointRecord,
  maxCheckpointNameLength,
  parseCheckpointRecord,
} from './stores/checkpoint-record.js';
export { assertMediaKey, maxMediaKeyLength } from './stores/media-key.js';
export {
  createFileCheckpointStore,
  type FileCheckpointStoreOptions,
} from './stores/file-checkpoint-store.js';
export {
  createFileMediaStore,
  type FileMediaStore,
  type FileMediaStoreOptions,
} from './stores/file-media-store.js';

// The standard affiliate pipeline
export {
  createAffiliatePhases,
  createAffiliatePipeline,
  standardPhaseNames,
} from './affiliate/create-affiliate-pipeline.js';
export {
  affiliateOptionsSchema,
  type AffiliatePipelineOptions,
  type PhotoLoader,
} from './affiliate/affiliate-options.js';
export type {
  CaptionsOutput,
  ComplianceOutput,
  ImagesOutput,
  ProductOutput,
  PublishOutput,
  ReportOutput,
  SceneImage,
  ScriptOutput,
  TimelineSpan,
  VerifiedScene,
  VerifyImagesOutput,
  VideoOutput,
  VoiceOutput,
} from './affiliate/outputs.js';
export { loadPhoto } from './affiliate/load-photo.js';
export { buildSceneTimeline } from './affiliate/build-timeline.js';
export { spokenSegments } from './affiliate/voice-phase.js';
// Compliance guard: disclosures, price and review rules, product-photo use
export { compliancePhase } from './affiliate/compliance-phase.js';
export { type ComplianceResult, applyCompliance } from './compliance/apply-compliance.js';
export { type CompliancePlatformRule, complianceDefaults } from './compliance/compliance-defaults.js';
export {
  type ComplianceRule,
  ComplianceError,
  type ComplianceViolation,
} from './compliance/compliance-error.js';
export {
  type ComplianceOptions,
  complianceOptionsSchema,
  type ProductPhotoUse,
  type ResolvedCompliance,
  resolveCompliance,
} from './compliance/compliance-options.js';
export { type DisclosureParts, discloseCaption, hasMarker } from './compliance/disclose.js';
export { fitCaption } from './compliance/fit-caption.js';
export { type LengthUnit, clipTo, measure } from './compliance/graphemes.js';
export { findPrices, priceLine, pricesAreDated } from './compliance/prices.js';
export { productForVideo } from './compliance/video-product.js';
export { type JobOutcome, type ProcessJobsOptions, processJobs } from './pipeline/process-jobs.js';
export {
  createJsonlEventLog,
  type EventLog,
  type EventLogReadOptions,
  type EventRecord,
  type EventRecorder,
  recordEvents,
} from './events/event-log.js';
export {
  type ApplyCleanupOptions,
  applyCleanup,
  type CleanupResult,
} from './maintenance/apply-cleanup.js';
export {
  type CleanupCandidate,
  type CleanupOptions,
  type CleanupPlan,
  planCleanup,
} from './maintenance/plan-cleanup.js';
export { explainInvalidGrant } from './errors/google-advice.js';
