import { definePhase } from '../pipeline/phase.js';
import type { Publisher } from '../spec/publisher.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { PublishOutput } from './outputs.js';

/**
 * `publish:<platform>`: publishes the stored video exactly once. The draft carries the
 * script's title and hashtags, the compliance phase's caption for the platform (link, `#ad`
 * and the disclosure included), the affiliate link, and a `metadata` object
 * (per-platform captions, costs, timings and the provider used per phase so far).
 */
export function publishPhase(_settings: AffiliateSettings, publisher: Publisher) {
  return definePhase({
    name: `publish:${publisher.platform}`,
    needs: ['store', 'script', 'product', 'compliance'],
    run: async (ctx): Promise<PublishOutput> => {
      const { script } = ctx.inputs.script;
      const { product } = ctx.inputs.product;
      const stored = ctx.inputs.store;
      const summary = ctx.summary();
      const { captions, description } = ctx.inputs.compliance;
      const draft = {
        title: script.title,
        description: captions[publisher.platform] ?? description,
        tags: script.hashtags.map((tag) => tag.replace(/^#/, '')),
        video: stored.video,
        thumbnail: stored.thumbnail,
        durationMs: stored.durationMs,
        width: stored.width,
        height: stored.height,
        product,
        links: [product.affiliateUrl ?? product.url].filter(
          (link): link is string => typeof link === 'string',
        ),
        metadata: {
          hook: script.hook,
          callToAction: script.callToAction,
          hashtags: script.hashtags,
          captions: script.captions ?? {},
          composition: stored.composition,
          costUsd: summary.costUsd,
          phases: summary.phases,
        },
      };
      return ctx.publish(publisher, draft);
    },
  });
}
