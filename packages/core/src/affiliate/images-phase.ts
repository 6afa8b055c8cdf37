import type { ProductPhotoUse } from '../compliance/compliance-options.js';
import { ProviderError } from '../errors/provider-error.js';
import { definePhase, type PhaseContext } from '../pipeline/phase.js';
import { resultProvider } from '../resilience/provider-runtime.js';
import type { ImageProvider } from '../spec/image-provider.js';
import type { MediaData } from '../spec/media.js';
import type { Scene } from '../spec/script-provider.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { ImagesOutput, ProductOutput, SceneImage } from './outputs.js';
import { seedFrom } from './script-phase.js';

/** Generates and stores one scene image; shared by `images` and `verify-images`. */
export async function generateSceneImage(
  ctx: PhaseContext<unknown>,
  settings: AffiliateSettings,
  provider: ImageProvider,
  scene: Scene,
  index: number,
  reference: MediaData | undefined,
  attempt: number,
): Promise<SceneImage> {
  const result = await ctx.use(provider).generateImage(
    {
      prompt: scene.imagePrompt,
      width: settings.width,
      height: settings.height,
      ...(reference ? { referenceImage: reference } : {}),
      seed: seedFrom(`${ctx.runId}:${index}:${attempt}`),
      providerOptions: { local: { caption: scene.text, sceneIndex: index } },
    },
    { signal: ctx.signal, idempotencyKey: `${ctx.runId}:scene-${index}:${attempt}` },
  );
  const image = result.images[0];
  if (!image || image.data.byteLength === 0) {
    throw new ProviderError({
      kind: 'unknown',
      provider: provider.id,
      message: `no image for scene ${index + 1}`,
    });
  }
  const extension = image.mediaType === 'image/jpeg' ? 'jpg' : (image.mediaType.split('/')[1] ?? 'img');
  const suffix = attempt === 0 ? '' : `-retry${attempt}`;
  const ref = await ctx.media.put(
    `${ctx.runId}/images/scene-${index + 1}${suffix}.${extension}`,
    image.data,
    image.mediaType,
  );
  return { image: ref, provider: resultProvider(result) ?? provider.id };
}

/**
 * The product photo as a reference for image generation, unless the compliance setting is
 * `verify-only` (photos only for the vision check).
 */
export async function generationReference(
  ctx: PhaseContext<unknown>,
  use: ProductPhotoUse,
): Promise<MediaData | undefined> {
  if (use === 'verify-only') return undefined;
  const { photo } = (ctx.inputs as { product: ProductOutput }).product;
  return { data: await ctx.media.get(photo, { signal: ctx.signal }), mediaType: photo.mediaType };
}

/** `images`: one image per scene from the image provider (or chain), product photo as reference. */
export function imagesPhase(settings: AffiliateSettings) {
  return definePhase({
    name: 'images',
    needs: ['product', 'script', 'compliance'],
    run: async (ctx): Promise<ImagesOutput> => {
      const reference = await generationReference(ctx, ctx.inputs.compliance.productPhotos);
      const scenes = ctx.inputs.script.script.scenes;
      let done = 0;
      const generate = async (index: number) => {
        const scene = scenes[index]!;
        const result = await generateSceneImage(
          ctx,
          settings,
          settings.options.images,
          scene,
          index,
          reference,
          0,
        );
        done += 1;
        ctx.progress({ fraction: done / scenes.length, message: `scene ${done} of ${scenes.length}` });
        return result;
      };
      // The first scene goes alone: if a provider is out of credit or retired, its breaker opens
      // before the other scenes are sent, so they go straight to the next provider of the chain.
      const first = await generate(0);
      const rest = await Promise.all(scenes.slice(1).map((_, offset) => generate(offset + 1)));
      return { scenes: [first, ...rest] };
    },
  });
}
