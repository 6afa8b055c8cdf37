import {
  type CallOptions,
  type Cost,
  type GeneratedImage,
  type ImageInput,
  type ImageProvider,
  type ImageResult,
  ProviderError,
} from '@reelsmith/core';
import type OpenAI from 'openai';
import { type APIPromise, toFile } from 'openai';
import type { ImagesResponse } from 'openai/resources/images';
import { type OpenAIAnswer, sendToOpenAI } from '../openai-call.js';
import { type OpenAIClientSource, requestOptions } from '../openai-client.js';
import { type ImageUsage, imageCost, perImagePrice } from '../openai-cost.js';
import { OpenAIModelProvider } from '../openai-model-provider.js';
import { imageModelTakesInputFidelity } from '../openai-models.js';
import { roundUsd } from '../openai-prices.js';
import type { ResolvedOpenAISettings } from '../openai-settings.js';
import { decodeBase64, extensionOf, sniffImageType } from './image-bytes.js';
import { type ImagePlan, planImage } from './image-plan.js';

/**
 * Generates scene images with the gpt-image family (and `dall-e-3` where an account still has
 * it): `images.generate`, or `images.edit` with the product photo when `referenceImage` is
 * given. The size is the nearest supported one to the requested frame (a warning says when it
 * differs); images come back as base64 and are decoded to bytes. Provider id `openai:image:<model>`.
 */
export class OpenAIImageProvider extends OpenAIModelProvider implements ImageProvider {
  readonly capability = 'image';

  constructor(modelId: string, client: OpenAIClientSource, settings: ResolvedOpenAISettings) {
    super('image', modelId, client, settings);
  }

  /** The per-image price of the planned quality and size, times the count (0 when unpriced). */
  estimateCost(input: ImageInput): Cost {
    const plan = planImage(this.modelId, input, this.settings.image, (field, message) =>
      this.#invalid(field, message),
    );
    const price = this.settings.prices.image[this.modelId];
    const each = price ? (perImagePrice(price, plan.priceQuality, plan.size.size) ?? 0) : 0;
    return {
      usd: roundUsd(each * plan.count),
      unit: 'image',
      quantity: plan.count,
      priceDate: this.settings.prices.date,
    };
  }

  async generateImage(input: ImageInput, options: CallOptions = {}): Promise<ImageResult> {
    options.signal?.throwIfAborted();
    const plan = planImage(this.modelId, input, this.settings.image, (field, message) =>
      this.#invalid(field, message),
    );
    const client = this.client();
    options.onProgress?.({
      fraction: 0,
      message: `${plan.edit ? 'editing the product photo' : 'generating'} with ${this.modelId} at ${plan.size.size}`,
    });
    const answers =
      plan.family === 'dall-e-3' || plan.family === 'dall-e-2'
        ? await this.#generateDallE(client, plan, options)
        : [
            plan.edit
              ? await this.#edit(client, plan, input, options)
              : await this.#generate(client, plan, options),
          ];
    const images = answers.flatMap((answer) => this.#images(answer, plan));
    const last = answers.at(-1)!;
    if (images.length === 0) {
      throw new ProviderError({
        kind: 'unknown',
        provider: this.id,
        code: 'no_images',
        status: last.status,
        requestId: last.requestId,
        message: 'the answer holds no image',
      });
    }
    const priced = imageCost(this.settings.prices, this.modelId, {
      quality: plan.priceQuality,
      size: plan.size.size,
      count: images.length,
      usage: sumUsage(answers.map((answer) => answer.data.usage as ImageUsage | undefined)),
    });
    options.onProgress?.({ fraction: 1, message: `${images.length} image(s) ready` });
    return { images, cost: priced.cost, warnings: [...plan.warnings, ...priced.warnings] };
  }

  /** `images.edit` with the product photo as a multipart upload. */
  async #edit(client: OpenAI, plan: ImagePlan, input: ImageInput, options: CallOptions) {
    const reference = input.referenceImage!;
    const image = await toFile(reference.data, `product.${extensionOf(reference.mediaType)}`, {
      type: reference.mediaType,
    });
    const fidelity = plan.options.inputFidelity ?? this.settings.image.inputFidelity;
    const sendsFidelity =
      plan.options.inputFidelity !== undefined || imageModelTakesInputFidelity(this.modelId);
    return this.#send(
      () =>
        client.images.edit(
          {
            model: this.modelId,
            image,
            prompt: plan.prompt,
            n: plan.count,
            size: plan.size.size,
            quality: plan.apiQuality as 'medium',
            output_format: plan.outputFormat,
            ...this.#gptOptions(plan),
            ...(sendsFidelity ? { input_fidelity: fidelity } : {}),
          },
          requestOptions(options),
        ),
      options,
    );
  }

  /** `images.generate` for the GPT image models (always base64). */
  #generate(client: OpenAI, plan: ImagePlan, options: CallOptions) {
    return this.#send(
      () =>
        client.images.generate(
          {
            model: this.modelId,
            prompt: plan.prompt,
            n: plan.count,
            size: plan.size.size,
            quality: plan.apiQuality as 'medium',
            output_format: plan.outputFormat,
            moderation: plan.options.moderation ?? this.settings.image.moderation,
            ...this.#gptOptions(plan),
          },
          requestOptions(options),
        ),
      options,
    );
  }

  /** `images.generate` for dall-e, asking for `b64_json`; dall-e-3 makes one image per request. */
  async #generateDallE(client: OpenAI, plan: ImagePlan, options: CallOptions) {
    const requests = plan.family === 'dall-e-3' ? plan.count : 1;
    const answers: OpenAIAnswer<ImagesResponse>[] = [];
    for (let index = 0; index < requests; index++) {
      answers.push(
        await this.#send(
          () =>
            client.images.generate(
              {
                model: this.modelId,
                prompt: plan.prompt,
                n: requests === 1 ? plan.count : 1,
                size: plan.size.size,
                quality: plan.apiQuality as 'standard',
                response_format: 'b64_json',
                ...(plan.options.style ? { style: plan.options.style } : {}),
              },
              requestOptions(options),
            ),
          options,
        ),
      );
      options.onProgress?.({ fraction: (index + 1) / requests });
    }
    return answers;
  }

  #gptOptions(plan: ImagePlan): { background?: 'opaque' | 'auto' | 'transparent' } {
    return plan.options.background ? { background: plan.options.background } : {};
  }

  #send(call: () => APIPromise<ImagesResponse>, options: CallOptions): Promise<OpenAIAnswer<ImagesResponse>> {
    return sendToOpenAI(call, { provider: this.id, model: this.modelId, signal: options.signal });
  }

  #images(answer: OpenAIAnswer<ImagesResponse>, plan: ImagePlan): GeneratedImage[] {
    const data = answer.data?.data;
    if (!Array.isArray(data)) {
      throw new ProviderError({
        kind: 'unknown',
        provider: this.id,
        code: 'unexpected_response',
        status: answer.status,
        requestId: answer.requestId,
        message: 'the answer has no `data` array of images',
      });
    }
    const declared = answer.data.output_format ?? plan.outputFormat;
    return data.flatMap((item): GeneratedImage[] => {
      if (typeof item.b64_json !== 'string' || item.b64_json === '') return [];
      const bytes = decodeBase64(item.b64_json);
      if (bytes.length === 0) return [];
      return [
        {
          data: bytes,
          mediaType: sniffImageType(bytes) ?? `image/${declared}`,
          width: plan.size.width,
          height: plan.size.height,
          ...(item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {}),
        },
      ];
    });
  }

  #invalid(field: string, message: string): never {
    throw new ProviderError({
      kind: 'invalid_input',
      provider: this.id,
      code: 'invalid_input',
      message: `\`${field}\` ${message}`,
    });
  }
}

function sumUsage(usages: (ImageUsage | undefined)[]): ImageUsage | undefined {
  const present = usages.filter((usage): usage is ImageUsage => usage !== undefined);
  if (present.length === 0 || present.length !== usages.length) return undefined;
  const total = (pick: (usage: ImageUsage) => number | undefined) =>
    present.reduce((sum, usage) => sum + (pick(usage) ?? 0), 0);
  return {
    input_tokens: total((usage) => usage.input_tokens),
    input_tokens_details: {
      text_tokens: total((usage) => usage.input_tokens_details?.text_tokens ?? usage.input_tokens),
      image_tokens: total((usage) => usage.input_tokens_details?.image_tokens),
    },
    output_tokens: total((usage) => usage.output_tokens),
  };
}
