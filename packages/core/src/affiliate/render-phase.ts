import { definePhase } from '../pipeline/phase.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { VideoOutput } from './outputs.js';

/** `render`: renders the video and thumbnail from the checked images, voice and captions. */
export function renderPhase(settings: AffiliateSettings) {
  const { options } = settings;
  return definePhase({
    name: 'render',
    needs: ['verify-images', 'voice', 'captions', 'script', 'compliance'],
    run: async (ctx): Promise<VideoOutput> => {
      const fromJob = ctx.job.fields?.composition;
      const composition =
        typeof fromJob === 'string'
          ? fromJob
          : typeof options.composition === 'function'
            ? options.composition(ctx.job)
            : (options.composition ?? 'classic');
      const { scenes: images } = ctx.inputs['verify-images'];
      const { scenes: spans, words } = ctx.inputs.captions;
      const result = await ctx.use(options.renderer).render(
        {
          composition,
          width: settings.width,
          height: settings.height,
          fps: settings.fps,
          scenes: images.map((scene, index) => ({
            image: scene.image,
            text: ctx.inputs.script.script.scenes[index]?.text ?? '',
            startMs: spans[index]?.startMs ?? 0,
            endMs: spans[index]?.endMs ?? ctx.inputs.voice.durationMs,
          })),
          voice: ctx.inputs.voice.audio,
          captions: words,
          script: ctx.inputs.script.script,
          product: ctx.inputs.compliance.videoProduct,
          media: ctx.media,
          outputPrefix: `${ctx.runId}/`,
        },
        { signal: ctx.signal, onProgress: (progress) => ctx.progress(progress) },
      );
      return {
        video: result.video,
        thumbnail: result.thumbnail,
        durationMs: result.durationMs,
        width: result.width,
        height: result.height,
        composition,
      };
    },
  });
}
