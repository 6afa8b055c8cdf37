import { parseConfig } from '../config/parse-config.js';
import { ConfigError } from '../errors/config-error.js';
import { definePipeline, type Pipeline } from '../pipeline/define-pipeline.js';
import type { AnyPhase } from '../pipeline/phase.js';
import {
  type AffiliatePipelineOptions,
  affiliateOptionsSchema,
  resolveAffiliateSettings,
} from './affiliate-options.js';
import { captionsPhase } from './captions-phase.js';
import { compliancePhase } from './compliance-phase.js';
import { imagesPhase } from './images-phase.js';
import { productPhase } from './product-phase.js';
import { publishPhase } from './publish-phase.js';
import { renderPhase } from './render-phase.js';
import { reportPhase } from './report-phase.js';
import { scriptPhase } from './script-phase.js';
import { storePhase } from './store-phase.js';
import { verifyImagesPhase } from './verify-images-phase.js';
import { voicePhase } from './voice-phase.js';

/** The standard phase names, in a topological order (`publish:<platform>` phases sit before `report`). */
export const standardPhaseNames = [
  'product',
  'script',
  'compliance',
  'images',
  'voice',
  'verify-images',
  'captions',
  'render',
  'store',
  'report',
] as const;

/**
 * Builds the standard phases for `options` without defining a pipeline — to compose your own.
 */
export function createAffiliatePhases(options: AffiliatePipelineOptions): AnyPhase[] {
  const settings = resolveAffiliateSettings(options);
  const publishers = options.publishers ?? [];
  const platforms = publishers.map((publisher) => publisher.platform);
  const duplicate = platforms.find((platform, index) => platforms.indexOf(platform) !== index);
  if (duplicate !== undefined) {
    throw new ConfigError('createAffiliatePipeline', [
      {
        field: 'publishers',
        problem: `two publishers publish to "${duplicate}"`,
        fix: 'give each publisher its own platform name (one publish:<platform> phase each)',
      },
    ]);
  }
  const publish = publishers.map((publisher) => publishPhase(settings, publisher));
  return [
    productPhase(settings),
    scriptPhase(settings),
    compliancePhase(settings),
    imagesPhase(settings),
    voicePhase(settings),
    verifyImagesPhase(settings),
    captionsPhase(settings),
    renderPhase(settings),
    storePhase(settings),
    ...publish,
    reportPhase(
      settings,
      publish.map((phase) => phase.name),
    ),
  ];
}

/**
 * The standard affiliate-video pipeline: product → script → compliance → images ∥ voice → verify-images →
 * captions → render → store → publish:* → report. Providers, publishers and stores come in
 * through `options` (checked with zod: a wrong or missing provider is a `ConfigError` naming the
 * field). Every phase is a `definePhase` you can replace, remove or add to with `customizePhases`.
 *
 * @example
 * ```ts
 * const pipeline = createAffiliatePipeline({
 *   productSource, script: localScriptWriter, images: fallback([imagen, fal]), judge: localImageJudge,
 *   voice: espeakVoice, renderer: createRemotionRenderer(), publishers: [createLocalPublisher({ outDir: 'out' })],
 *   budget: { perRunUsd: 0.5 },
 * });
 * await pipeline.run({ title: 'Stanley Quencher 40oz' });
 * ```
 */
export function createAffiliatePipeline(options: AffiliatePipelineOptions): Pipeline {
  parseConfig('createAffiliatePipeline', affiliateOptionsSchema, options, {
    productSource: 'pass a ProductSource, e.g. createLocalCatalog(products) or a ScrapingDog source',
    script: 'pass a ScriptProvider, e.g. localScriptWriter',
    images: 'pass an ImageProvider or a fallback([...]) chain, e.g. localImageComposer',
    voice: 'pass a VoiceProvider, e.g. espeakVoice',
    renderer: 'pass a Renderer, e.g. createRemotionRenderer()',
  });
  const {
    productSource: _productSource,
    script: _script,
    images: _images,
    judge: _judge,
    voice: _voice,
    renderer: _renderer,
    publishers: _publishers,
    jobSource: _jobSource,
    delivery: _delivery,
    composition: _composition,
    scenes: _scenes,
    platforms: _platforms,
    language: _language,
    voiceOptions: _voiceOptions,
    verify: _verify,
    video: _video,
    photoLoader: _photoLoader,
    compliance: _compliance,
    customizePhases,
    ...pipelineOptions
  } = options;
  const standard = createAffiliatePhases(options);
  const phases = customizePhases ? customizePhases(standard) : standard;
  return definePipeline({ name: 'affiliate-video', ...pipelineOptions, phases });
}
