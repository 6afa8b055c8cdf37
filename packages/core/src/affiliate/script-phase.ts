import { ProviderError } from '../errors/provider-error.js';
import { definePhase } from '../pipeline/phase.js';
import { scriptSchema } from '../spec/script-provider.js';
import type { AffiliateSettings } from './affiliate-options.js';
import type { ScriptOutput } from './outputs.js';

/** A stable seed from the run id, so retries and resumes write the same script. */
export function seedFrom(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/** `script`: writes the script and checks it against the schema. */
export function scriptPhase({ options }: AffiliateSettings) {
  return definePhase({
    name: 'script',
    needs: ['product'],
    run: async (ctx): Promise<ScriptOutput> => {
      const { script } = await ctx.use(options.script).generateScript(
        {
          product: ctx.inputs.product.product,
          scenes: options.scenes ?? { min: 5, max: 8 },
          ...(options.platforms ? { platforms: options.platforms } : {}),
          ...(options.language ? { language: options.language } : {}),
          seed: seedFrom(ctx.runId),
        },
        { signal: ctx.signal, idempotencyKey: `${ctx.runId}:script` },
      );
      const parsed = scriptSchema.safeParse(script);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new ProviderError({
          kind: 'invalid_input',
          provider: options.script.id,
          message: `the script does not match the schema at \`${issue?.path.join('.')}\`: ${issue?.message}`,
        });
      }
      return { script: parsed.data };
    },
  });
}
