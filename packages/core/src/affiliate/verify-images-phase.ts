import { definePhase } from '../pipeline/phase.js';
import type { MediaData } from '../spec/media.js';
import type { AffiliateSettings } from './affiliate-options.js';
import { generateSceneImage, generationReference } from './images-phase.js';
import type { VerifiedScene, VerifyImagesOutput } from './outputs.js';

/**
 * `verify-images`: the judge scores each image against the product photo. Below the threshold
 * the scene is regenerated (up to `maxRegenerations`). If it still fails, the product photo is
 * used when `compliance.productPhotos` is `in-video`; otherwise the best-scoring image is kept
 * with a warning (Amazon's photos may not appear in your video). Without a judge it passes through.
 */
export function verifyImagesPhase(settings: AffiliateSettings) {
  const { judge } = settings.options;
  return definePhase({
    name: 'verify-images',
    needs: ['images', 'product', 'script', 'compliance'],
    run: async (ctx): Promise<VerifyImagesOutput> => {
      const generated = ctx.inputs.images.scenes;
      if (!judge) return { scenes: generated.map((scene) => ({ ...scene, outcome: 'unchecked' as const })) };
      const photo = ctx.inputs.product.photo;
      const reference: MediaData = {
        data: await ctx.media.get(photo, { signal: ctx.signal }),
        mediaType: photo.mediaType,
      };
      const photoUse = ctx.inputs.compliance.productPhotos;
      const generationRef = await generationReference(ctx, photoUse);
      const scriptScenes = ctx.inputs.script.script.scenes;
      const score = async (scene: { image: VerifiedScene['image'] }, index: number) => {
        const image: MediaData = {
          data: await ctx.media.get(scene.image, { signal: ctx.signal }),
          mediaType: scene.image.mediaType,
        };
        return ctx
          .use(judge)
          .judge(
            { image, reference, prompt: scriptScenes[index]?.imagePrompt ?? '' },
            { signal: ctx.signal },
          );
      };
      const scenes: VerifiedScene[] = [];
      for (const [index, scene] of generated.entries()) {
        let current = scene;
        let verdict = await score(current, index);
        let best = { scene: current, verdict, attempt: 0 };
        let attempt = 0;
        while (verdict.score < settings.threshold && attempt < settings.maxRegenerations) {
          attempt += 1;
          const sceneScript = scriptScenes[index];
          if (!sceneScript) break;
          current = await generateSceneImage(
            ctx,
            settings,
            settings.options.images,
            sceneScript,
            index,
            generationRef,
            attempt,
          );
          verdict = await score(current, index);
          if (verdict.score > best.verdict.score) best = { scene: current, verdict, attempt };
        }
        if (verdict.score >= settings.threshold) {
          scenes.push({
            ...current,
            score: verdict.score,
            reason: verdict.reason,
            outcome: attempt === 0 ? 'accepted' : 'regenerated',
          });
        } else if (photoUse !== 'in-video') {
          ctx.warn({
            type: 'other',
            message: `scene ${index + 1} scored ${best.verdict.score.toFixed(2)} < ${settings.threshold} after ${attempt} regenerations; keeping the best image (compliance.productPhotos is '${photoUse}', so the product photo is not shown)`,
          });
          scenes.push({
            ...best.scene,
            score: best.verdict.score,
            reason: best.verdict.reason,
            outcome: 'below-threshold',
          });
        } else {
          ctx.warn({
            type: 'other',
            message: `scene ${index + 1} scored ${verdict.score.toFixed(2)} < ${settings.threshold} after ${attempt} regenerations; using the product photo`,
          });
          scenes.push({
            image: photo,
            provider: 'product-photo',
            score: verdict.score,
            reason: verdict.reason,
            outcome: 'product-photo',
          });
        }
        ctx.progress({ fraction: (index + 1) / generated.length, message: `checked scene ${index + 1}` });
      }
      return { scenes };
    },
  });
}
