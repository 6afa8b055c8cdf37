import { definePhase } from '../pipeline/phase.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { PublishOutput, ReportOutput } from './outputs.js';

/** `report`: collects the published links and writes the result back to the job source. */
export function reportPhase({ options }: AffiliateSettings, publishPhases: readonly string[]) {
  return definePhase({
    name: 'report',
    needs: ['store', ...publishPhases],
    run: async (ctx): Promise<ReportOutput> => {
      const inputs = ctx.inputs as Record<string, unknown>;
      const urls: Record<string, string> = {};
      for (const name of publishPhases) {
        const post = inputs[name] as PublishOutput | undefined;
        if (post) urls[post.platform] = post.url;
      }
      const costUsd = ctx.summary().costUsd;
      if (options.jobSource) {
        await ctx
          .use(options.jobSource)
          .update(ctx.job.id, { status: 'done', runId: ctx.runId, urls, costUsd }, { signal: ctx.signal });
      }
      return { urls, costUsd };
    },
  });
}
