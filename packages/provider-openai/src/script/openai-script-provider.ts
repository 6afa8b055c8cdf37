import {
  type CallOptions,
  type Cost,
  ProviderError,
  type ScriptInput,
  type ScriptProvider,
  type ScriptResult,
} from '@reelsmith/core';
import { structuredChat } from '../chat/structured-chat.js';
import type { OpenAIClientSource } from '../openai-client.js';
import { chatCost } from '../openai-cost.js';
import { OpenAIModelProvider } from '../openai-model-provider.js';
import type { ResolvedOpenAISettings } from '../openai-settings.js';
import { normalizeScript } from './normalize-script.js';
import { type ScriptOutput, scriptOutputSchema } from './script-output-schema.js';
import { requestedPlatforms, scriptMessages } from './script-prompt.js';

/** Characters per token assumed by `estimateCost()` for the prompt. */
const charactersPerToken = 4;

/**
 * Writes a video script with Structured Outputs (`chat.completions.parse` + `zodResponseFormat`)
 * from the product's facts, then normalizes it (title length, scene count, hashtag caps per
 * platform, affiliate disclosure). Provider id `openai:script:<model>`.
 */
export class OpenAIScriptProvider extends OpenAIModelProvider implements ScriptProvider {
  readonly capability = 'script';

  constructor(modelId: string, client: OpenAIClientSource, settings: ResolvedOpenAISettings) {
    super('script', modelId, client, settings);
  }

  /** The cost of a typical call: the prompt's tokens plus `script.estimatedOutputTokens`. */
  estimateCost(input: ScriptInput): Cost {
    const promptCharacters = scriptMessages(input, this.settings.script).reduce(
      (sum, message) => sum + (typeof message.content === 'string' ? message.content.length : 0),
      0,
    );
    const inputTokens = Math.ceil(promptCharacters / charactersPerToken);
    return chatCost(
      this.settings.prices,
      this.modelId,
      inputTokens,
      this.settings.script.estimatedOutputTokens,
    ).cost;
  }

  async generateScript(input: ScriptInput, options: CallOptions = {}): Promise<ScriptResult> {
    options.signal?.throwIfAborted();
    this.#checkInput(input);
    const settings = this.settings.script;
    const platforms = requestedPlatforms(input);
    options.onProgress?.({ fraction: 0, message: `writing the script with ${this.modelId}` });
    const answer = await structuredChat({
      client: this.client(),
      provider: this.id,
      model: this.modelId,
      schema: scriptOutputSchema(platforms),
      schemaName: 'video_script',
      messages: scriptMessages(input, settings),
      maxOutputTokens: settings.maxOutputTokens,
      reasoningEffort: settings.reasoningEffort,
      seed: input.seed,
      options,
    });
    const { script, warnings } = normalizeScript(answer.value as ScriptOutput, {
      product: input.product,
      scenes: input.scenes ?? { min: 5, max: 8 },
      platforms,
      settings,
      fail: (message) => {
        throw new ProviderError({
          kind: 'unknown',
          provider: this.id,
          code: 'invalid_output',
          status: answer.status,
          requestId: answer.requestId,
          message,
        });
      },
    });
    const priced = chatCost(this.settings.prices, this.modelId, answer.inputTokens, answer.outputTokens);
    options.onProgress?.({ fraction: 1, message: 'script written' });
    return { script, cost: priced.cost, warnings: [...priced.warnings, ...warnings] };
  }

  #checkInput(input: ScriptInput): void {
    const invalid = (field: string, message: string) =>
      new ProviderError({
        kind: 'invalid_input',
        provider: this.id,
        code: 'invalid_input',
        message: `\`${field}\` ${message}`,
      });
    if (!input?.product || typeof input.product.title !== 'string' || input.product.title.trim() === '') {
      throw invalid('product.title', 'is empty; the script is written from the product facts');
    }
    const scenes = input.scenes;
    if (
      scenes &&
      !(
        Number.isInteger(scenes.min) &&
        Number.isInteger(scenes.max) &&
        scenes.min >= 1 &&
        scenes.min <= scenes.max &&
        scenes.max <= 20
      )
    ) {
      throw invalid('scenes', 'must be whole numbers with 1 ≤ min ≤ max ≤ 20, e.g. { min: 5, max: 8 }');
    }
  }
}
