import {
  type CallOptions,
  type Cost,
  type JudgeInput,
  type JudgeResult,
  ProviderError,
  type VisionJudge,
} from '@reelsmith/core';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { structuredChat } from '../chat/structured-chat.js';
import type { OpenAIClientSource } from '../openai-client.js';
import { chatCost } from '../openai-cost.js';
import { OpenAIModelProvider } from '../openai-model-provider.js';
import type { ResolvedOpenAISettings } from '../openai-settings.js';

/** Image types the vision models read. */
const visionTypes = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

/** The verdict the model answers with (strict Structured Outputs). */
export const judgementSchema = z.object({
  sameProduct: z.boolean().describe('True when image 2 shows the same product as image 1.'),
  score: z.number().describe('0 to 1: how faithfully image 2 shows the product of image 1.'),
  reason: z.string().describe('One short sentence explaining the score.'),
  differences: z.array(z.string()).describe('Visible differences in shape, colour, label or logo.'),
});

const instructions = [
  'You check product images for an affiliate video. Image 1 is the real product photo; image 2 was generated.',
  'Score 0 to 1 how faithfully image 2 shows the same product: shape, proportions, colours, materials, label text and logo.',
  '1 = clearly the same product; 0.85 = same product with small differences; 0.5 = similar kind of product but a different model or brand; 0 = a different or no product.',
  'The setting, background, lighting and framing do not matter; the product does.',
  'Give one short sentence as the reason.',
].join('\n');

/**
 * Scores a generated image against the product photo with a vision chat call (both images as
 * base64 data URLs) and a structured verdict: a 0–1 score and a one-sentence reason.
 * Provider id `openai:judge:<model>`.
 */
export class OpenAIVisionJudge extends OpenAIModelProvider implements VisionJudge {
  readonly capability = 'vision-judge';

  constructor(modelId: string, client: OpenAIClientSource, settings: ResolvedOpenAISettings) {
    super('judge', modelId, client, settings);
  }

  /** `judge.estimatedInputTokens` in and `judge.estimatedOutputTokens` out, at the model's token prices. */
  estimateCost(): Cost {
    const { estimatedInputTokens, estimatedOutputTokens } = this.settings.judge;
    return chatCost(this.settings.prices, this.modelId, estimatedInputTokens, estimatedOutputTokens).cost;
  }

  async judge(input: JudgeInput, options: CallOptions = {}): Promise<JudgeResult> {
    options.signal?.throwIfAborted();
    this.#checkImage('reference', input.reference);
    this.#checkImage('image', input.image);
    const settings = this.settings.judge;
    const answer = await structuredChat({
      client: this.client(),
      provider: this.id,
      model: this.modelId,
      schema: judgementSchema,
      schemaName: 'product_image_judgement',
      messages: this.#messages(input),
      maxOutputTokens: settings.maxOutputTokens,
      reasoningEffort: settings.reasoningEffort,
      options,
    });
    const verdict = answer.value;
    if (!Number.isFinite(verdict.score)) {
      throw new ProviderError({
        kind: 'unknown',
        provider: this.id,
        code: 'invalid_output',
        status: answer.status,
        requestId: answer.requestId,
        message: 'the verdict has no numeric score',
      });
    }
    const score = Math.min(
      1,
      Math.max(0, verdict.score > 1 && verdict.score <= 100 ? verdict.score / 100 : verdict.score),
    );
    const priced = chatCost(this.settings.prices, this.modelId, answer.inputTokens, answer.outputTokens);
    return { score, reason: shortReason(verdict), cost: priced.cost, warnings: priced.warnings };
  }

  #messages(input: JudgeInput): ChatCompletionMessageParam[] {
    const detail = this.settings.judge.detail;
    const picture = (media: JudgeInput['image']) => ({
      type: 'image_url' as const,
      image_url: {
        url: `data:${media.mediaType};base64,${Buffer.from(media.data).toString('base64')}`,
        detail,
      },
    });
    const scene = input.prompt ? `\nThe generated image was asked to show: ${input.prompt}` : '';
    return [
      { role: 'system', content: instructions },
      {
        role: 'user',
        content: [
          { type: 'text', text: `Image 1 is the product photo, image 2 the generated image.${scene}` },
          picture(input.reference),
          picture(input.image),
        ],
      },
    ];
  }

  #checkImage(field: 'image' | 'reference', media: JudgeInput['image'] | undefined): void {
    const invalid = (message: string) =>
      new ProviderError({
        kind: 'invalid_input',
        provider: this.id,
        code: 'invalid_input',
        message: `\`${field}\` ${message}`,
      });
    if (!media || !(media.data instanceof Uint8Array) || media.data.length === 0)
      throw invalid('has no bytes');
    if (!visionTypes.has(media.mediaType)) {
      throw invalid(`is ${media.mediaType}; the vision models read png, jpeg, webp or gif`);
    }
  }
}

function shortReason(verdict: z.output<typeof judgementSchema>): string {
  const reason = verdict.reason.replace(/\s+/g, ' ').trim();
  const fallback = verdict.sameProduct
    ? 'The model judged it the same product.'
    : 'The model judged it a different product.';
  const text = reason || fallback;
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}
