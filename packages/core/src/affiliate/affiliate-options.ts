import { z } from 'zod';
import {
  type ComplianceOptions,
  complianceOptionsSchema,
  type ResolvedCompliance,
  resolveCompliance,
} from '../compliance/compliance-options.js';
import type { PipelineOptions } from '../pipeline/define-pipeline.js';
import type { AnyPhase } from '../pipeline/phase.js';
import type { ImageProvider } from '../spec/image-provider.js';
import type { Job } from '../spec/job.js';
import type { JobSource } from '../spec/job-source.js';
import type { MediaData } from '../spec/media.js';
import type { MediaStore } from '../spec/media-store.js';
import type { ProductSource } from '../spec/product-source.js';
import type { Publisher } from '../spec/publisher.js';
import type { Renderer } from '../spec/renderer.js';
import { type Platform, platformSchema, type ScriptProvider } from '../spec/script-provider.js';
import type { VisionJudge } from '../spec/vision-judge.js';
import type { VoiceProvider } from '../spec/voice-provider.js';

/** Loads a product photo URL (http(s), `file:` or a local path) into bytes. */
export type PhotoLoader = (url: string, options: { signal: AbortSignal }) => Promise<MediaData>;

/** What {@link createAffiliatePipeline} takes: the providers, then pipeline options. */
export interface AffiliatePipelineOptions extends Omit<PipelineOptions, 'phases'> {
  productSource: ProductSource;
  script: ScriptProvider;
  /** One provider or a `fallback([...])` chain. */
  images: ImageProvider;
  /** Optional: scores each image against the product photo. */
  judge?: VisionJudge;
  voice: VoiceProvider;
  renderer: Renderer;
  /** One `publish:<platform>` phase per publisher. */
  publishers?: Publisher[];
  /** Where the `report` phase writes status and links back (an Airtable table, a file). */
  jobSource?: JobSource;
  /** Where the `store` phase copies the finished video (e.g. Google Drive); default: keep it in `media`. */
  delivery?: MediaStore;
  /** Composition name, or a function of the job; a job field `composition` overrides it. Default `classic`. */
  composition?: string | ((job: Job) => string);
  /** Scene count bounds; default 5–8. */
  scenes?: { min: number; max: number };
  platforms?: Platform[];
  language?: string;
  voiceOptions?: { voice?: string; speed?: number };
  /** Vision check: regenerate below `threshold`, at most `maxRegenerations` times, then use the product photo. */
  verify?: { threshold?: number; maxRegenerations?: number };
  video?: { width?: number; height?: number; fps?: number };
  photoLoader?: PhotoLoader;
  /**
   * The compliance guard: disclosures in every caption, price and review rules, and where
   * product photos may appear (default: only as references, never in the video).
   */
  compliance?: ComplianceOptions;
  /** Edit the standard phases: replace, remove or add (`(phases) => [...phases, myPhase]`). */
  customizePhases?: (phases: AnyPhase[]) => AnyPhase[];
}

const capabilityOf = (capability: string, example: string) =>
  z.custom<unknown>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      (value as { capability?: unknown }).capability === capability &&
      (value as { specificationVersion?: unknown }).specificationVersion === 'v1',
    { message: `expected a ${capability} provider (specificationVersion 'v1'), e.g. ${example}` },
  );

/** The zod schema of the options specific to the affiliate pipeline (the rest is checked by `definePipeline`). */
export const affiliateOptionsSchema = z
  .object({
    productSource: capabilityOf('product-source', 'createLocalCatalog(products)'),
    script: capabilityOf('script', 'localScriptWriter'),
    images: capabilityOf('image', 'localImageComposer or fallback([imagen, fal, openai])'),
    judge: capabilityOf('vision-judge', 'localImageJudge').optional(),
    voice: capabilityOf('voice', 'espeakVoice'),
    renderer: capabilityOf('renderer', 'createRemotionRenderer()'),
    publishers: z.array(capabilityOf('publisher', 'createLocalPublisher({ outDir })')).optional(),
    jobSource: capabilityOf('job-source', 'an Airtable job source').optional(),
    delivery: capabilityOf('media-store', 'createFileMediaStore(dir)').optional(),
    composition: z.union([z.string().min(1), z.function()]).optional(),
    scenes: z
      .object({ min: z.number().int().min(1), max: z.number().int().max(20) })
      .refine((value) => value.min <= value.max, 'min must not exceed max')
      .optional(),
    platforms: z.array(platformSchema).optional(),
    language: z.string().min(2).optional(),
    voiceOptions: z
      .object({ voice: z.string().optional(), speed: z.number().positive().optional() })
      .optional(),
    verify: z
      .object({
        threshold: z.number().min(0).max(1).optional(),
        maxRegenerations: z.number().int().min(0).max(5).optional(),
      })
      .optional(),
    video: z
      .object({
        width: z.number().int().positive().optional(),
        height: z.number().int().positive().optional(),
        fps: z.number().int().positive().max(120).optional(),
      })
      .optional(),
    photoLoader: z.function().optional(),
    compliance: complianceOptionsSchema.optional(),
    customizePhases: z.function().optional(),
  })
  .passthrough();

/** Resolved settings the standard phases read. */
export interface AffiliateSettings {
  options: AffiliatePipelineOptions;
  width: number;
  height: number;
  fps: number;
  threshold: number;
  maxRegenerations: number;
  compliance: ResolvedCompliance;
}

/** Fills defaults. */
export function resolveAffiliateSettings(options: AffiliatePipelineOptions): AffiliateSettings {
  return {
    options,
    width: options.video?.width ?? 1080,
    height: options.video?.height ?? 1920,
    fps: options.video?.fps ?? 30,
    threshold: options.verify?.threshold ?? 0.85,
    maxRegenerations: options.verify?.maxRegenerations ?? 1,
    compliance: resolveCompliance(options.compliance),
  };
}
