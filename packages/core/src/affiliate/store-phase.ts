import { definePhase } from '../pipeline/phase.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { VideoOutput } from './outputs.js';

/** `store`: copies the finished video and thumbnail to the delivery store, when one is configured. */
export function storePhase({ options }: AffiliateSettings) {
  return definePhase({
    name: 'store',
    needs: ['render'],
    run: async (ctx): Promise<VideoOutput> => {
      const rendered = ctx.inputs.render;
      const delivery = options.delivery;
      if (!delivery) return rendered;
      const target = ctx.use(delivery);
      const copy = async (ref: VideoOutput['video']) =>
        target.put(ref.key, await ctx.media.get(ref, { signal: ctx.signal }), ref.mediaType, {
          signal: ctx.signal,
        });
      return { ...rendered, video: await copy(rendered.video), thumbnail: await copy(rendered.thumbnail) };
    },
  });
}
