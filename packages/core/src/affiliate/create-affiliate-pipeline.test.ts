import {
  createFakeImageProvider,
  createFakeJobSource,
  createFakeProductSource,
  createFakePublisher,
  createFakeRenderer,
  createFakeScriptProvider,
  createFakeVisionJudge,
  createFakeVoiceProvider,
  createMemoryCheckpointStore,
  createMemoryMediaStore,
  createPng,
  fakeFailure,
} from '@reelsmith/testkit';
import { describe, expect, it } from 'vitest';
import { ComplianceError } from '../compliance/compliance-error.js';
import { ConfigError } from '../errors/config-error.js';
import { PhaseError } from '../errors/phase-error.js';
import { ProviderError } from '../errors/provider-error.js';
import { definePhase } from '../pipeline/phase.js';
import { fallback } from '../resilience/fallback.js';
import type { ScriptProvider } from '../spec/script-provider.js';
import type { AffiliatePipelineOptions } from './affiliate-options.js';
import { createAffiliatePipeline } from './create-affiliate-pipeline.js';

const photo = { data: createPng({ width: 8, height: 8 }), mediaType: 'image/png' };

function options(overrides: Partial<AffiliatePipelineOptions> = {}) {
  const youtube = createFakePublisher({ platform: 'youtube' });
  const local = createFakePublisher({ platform: 'local' });
  const renderer = createFakeRenderer();
  const jobs = createFakeJobSource({ jobs: [{ id: 'job-1', title: 'Steel bottle' }] });
  const base: AffiliatePipelineOptions = {
    productSource: createFakeProductSource(),
    script: createFakeScriptProvider({ costUsd: 0.01 }),
    images: createFakeImageProvider({ costUsd: 0.04 }),
    judge: createFakeVisionJudge({ score: 0.95 }),
    voice: createFakeVoiceProvider({ costUsd: 0.02 }),
    renderer,
    publishers: [youtube, local],
    photoLoader: async () => photo,
    checkpoints: createMemoryCheckpointStore(),
    media: createMemoryMediaStore(),
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    ...overrides,
  };
  return { base, youtube, local, renderer, jobs };
}

describe('createAffiliatePipeline', () => {
  it('builds the standard DAG with one publish phase per publisher', () => {
    const { base } = options();
    const pipeline = createAffiliatePipeline(base);
    const names = pipeline.phases.map((phase) => phase.name);
    expect(names).toEqual([
      'product',
      'script',
      'compliance',
      'images',
      'voice',
      'verify-images',
      'captions',
      'render',
      'store',
      'publish:youtube',
      'publish:local',
      'report',
    ]);
    expect(pipeline.phases.find((phase) => phase.name === 'report')?.needs).toEqual([
      'store',
      'publish:youtube',
      'publish:local',
    ]);
  });

  it('runs a job end to end: renders, publishes everywhere once and reports back', async () => {
    const { base, youtube, local, renderer, jobs } = options();
    const pipeline = createAffiliatePipeline({ ...base, jobSource: jobs });
    const result = await pipeline.run({ id: 'job-1', title: 'Steel bottle' }, { runId: 'e2e-1' });
    expect(youtube.posts).toHaveLength(1);
    expect(local.posts).toHaveLength(1);
    const render = renderer.calls[0]!;
    expect(render.composition).toBe('classic');
    expect(render.scenes.length).toBeGreaterThanOrEqual(1);
    expect(render.scenes[0]!.startMs).toBe(0);
    expect(render.scenes.at(-1)!.endMs).toBeGreaterThan(render.scenes[0]!.startMs);
    const report = result.outputs.report as { urls: Record<string, string>; costUsd: number };
    expect(Object.keys(report.urls).sort()).toEqual(['local', 'youtube']);
    expect(result.costUsd).toBeGreaterThan(0.06);
    expect(jobs.updates.at(-1)).toMatchObject({ jobId: 'job-1', update: { status: 'done', runId: 'e2e-1' } });
    const draft = youtube.calls[0]!;
    expect(draft.marker).toMatch(/^rsm-/);
    expect(draft.metadata).toMatchObject({ composition: 'classic' });
    expect(draft.description).toContain('As an Amazon Associate I earn from qualifying purchases.');
    expect(draft.description).toMatch(/(^|\s)#ad(\s|$)/);
    expect(render.product.price).toBeUndefined();
  });

  it('regenerates a scene that fails the vision check, then falls back to the product photo when allowed', async () => {
    const images = createFakeImageProvider();
    const { base } = options({
      images,
      judge: createFakeVisionJudge({ score: 0.2 }),
      verify: { threshold: 0.8, maxRegenerations: 1 },
      compliance: { productPhotos: 'in-video' },
    });
    const pipeline = createAffiliatePipeline(base);
    const result = await pipeline.run('Steel bottle');
    const verified = result.outputs['verify-images'] as { scenes: { outcome: string; provider: string }[] };
    const sceneCount = verified.scenes.length;
    expect(verified.scenes.every((scene) => scene.outcome === 'product-photo')).toBe(true);
    expect(images.callCount).toBe(sceneCount * 2);
  });

  it('keeps the best generated image instead of the product photo by default (reference-only)', async () => {
    const images = createFakeImageProvider();
    const { base } = options({
      images,
      judge: createFakeVisionJudge({ score: 0.2 }),
      verify: { threshold: 0.8, maxRegenerations: 1 },
    });
    const pipeline = createAffiliatePipeline(base);
    const warnings: string[] = [];
    pipeline.events.on('phase:warning', (event) => warnings.push(event.warning.message));
    const result = await pipeline.run('Steel bottle');
    const verified = result.outputs['verify-images'] as { scenes: { outcome: string; provider: string }[] };
    expect(verified.scenes.every((scene) => scene.outcome === 'below-threshold')).toBe(true);
    expect(verified.scenes.some((scene) => scene.provider === 'product-photo')).toBe(false);
    expect(warnings.some((message) => message.includes("productPhotos is 'reference-only'"))).toBe(true);
    // Reference-only: generation still got the photo as a reference.
    expect(images.calls.every((call) => call.referenceImage !== undefined)).toBe(true);
  });

  it("sends no product photo to image generation with productPhotos: 'verify-only'", async () => {
    const images = createFakeImageProvider();
    const { base } = options({ images, compliance: { productPhotos: 'verify-only' } });
    await createAffiliatePipeline(base).run('Steel bottle');
    expect(images.callCount).toBeGreaterThan(0);
    expect(images.calls.every((call) => call.referenceImage === undefined)).toBe(true);
  });

  it('records which member of a fallback chain made each image', async () => {
    const broke = createFakeImageProvider({
      id: 'imagen',
      failures: (call) => fakeFailure('imagen', 'billing', call),
    });
    const flux = createFakeImageProvider({ id: 'flux' });
    const { base } = options({ images: fallback([broke, flux]) });
    const result = await createAffiliatePipeline(base).run('Steel bottle');
    const scenes = (result.outputs.images as { scenes: { provider: string }[] }).scenes;
    expect(scenes.every((scene) => scene.provider === 'flux')).toBe(true);
  });

  it('fails clearly when the product has no photo', async () => {
    const { base } = options({ productSource: createFakeProductSource({ product: { imageUrls: [] } }) });
    const error = await createAffiliatePipeline(base)
      .run('Steel bottle')
      .catch((e: unknown) => e);
    expect(PhaseError.isInstance(error) && error.phase).toBe('product');
    const cause = (error as Error).cause;
    expect(ProviderError.isInstance(cause) && cause.kind).toBe('invalid_input');
    expect((cause as Error).message).toContain('no photo');
  });

  it('stops at the script phase when the script is empty, naming the field', async () => {
    const empty = { title: 'T', hook: 'H', scenes: [], callToAction: 'C', description: 'D', hashtags: [] };
    const script: ScriptProvider = {
      specificationVersion: 'v1',
      id: 'empty-writer',
      capability: 'script',
      generateScript: async () => ({ script: empty as never, cost: { usd: 0 }, warnings: [] }),
    };
    const { base, renderer } = options({ script });
    const error = await createAffiliatePipeline(base)
      .run('Steel bottle')
      .catch((e: unknown) => e);
    expect(PhaseError.isInstance(error) && error.phase).toBe('script');
    const cause = (error as Error).cause;
    expect(ProviderError.isInstance(cause) && cause.kind).toBe('invalid_input');
    expect((cause as Error).message).toContain('`scenes`');
    expect(renderer.callCount).toBe(0);
  });

  it('stops at the compliance phase, before images and voice are paid, when the voice-over states a price', async () => {
    const inner = createFakeScriptProvider();
    const script: ScriptProvider = {
      ...inner,
      generateScript: async (input, callOptions) => {
        const result = await inner.generateScript(input, callOptions);
        return { ...result, script: { ...result.script, callToAction: 'Yours for just $19.99!' } };
      },
    };
    const images = createFakeImageProvider();
    const voice = createFakeVoiceProvider();
    const { base } = options({ script, images, voice });
    const error = await createAffiliatePipeline(base)
      .run('Steel bottle')
      .catch((e: unknown) => e);
    expect(PhaseError.isInstance(error) && error.phase).toBe('compliance');
    const cause = (error as Error).cause;
    expect(ComplianceError.isInstance(cause)).toBe(true);
    expect((cause as ComplianceError).violations[0]).toMatchObject({
      rule: 'spoken-price',
      field: 'callToAction',
    });
    expect(images.callCount + voice.callCount).toBe(0);
  });

  it('rejects a missing provider with a ConfigError naming the field', () => {
    const { base } = options();
    const { renderer: _renderer, ...withoutRenderer } = base;
    try {
      createAffiliatePipeline(withoutRenderer as AffiliatePipelineOptions);
      expect.unreachable();
    } catch (error) {
      expect(ConfigError.isInstance(error)).toBe(true);
      expect((error as ConfigError).field).toBe('renderer');
      expect((error as Error).message).toContain('createRemotionRenderer');
    }
  });

  it('lets users replace, remove and add phases', async () => {
    const { base, renderer } = options({ publishers: [] });
    const watermark = definePhase({
      name: 'watermark',
      needs: ['render'],
      run: ({ inputs }) => `${inputs.render.video.key}!`,
    });
    const pipeline = createAffiliatePipeline({
      ...base,
      composition: 'wow',
      customizePhases: (phases) => [
        ...phases.filter((phase) => phase.name !== 'verify-images'),
        definePhase({
          name: 'verify-images',
          needs: ['images'],
          run: ({ inputs }) => ({
            scenes: inputs.images.scenes.map((scene) => ({ ...scene, outcome: 'unchecked' as const })),
          }),
        }),
        watermark,
      ],
    });
    const result = await pipeline.run('Steel bottle');
    expect(result.outputs.watermark).toMatch(/video\.mp4!$/);
    expect(renderer.calls[0]?.composition).toBe('wow');
  });
});
