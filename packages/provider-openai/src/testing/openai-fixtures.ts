// Answers shaped like OpenAI's, for msw handlers in tests (API reference and the contracts sheet §3).
import type { Product } from '@reelsmith/core';
import { createPng } from '@reelsmith/testkit';

/** The API root the SDK calls by default. */
export const openAIBaseUrl = 'https://api.openai.com/v1';

/** A request id like OpenAI's, fixed for assertions. */
export const fixtureRequestId = 'req_7f3c2a9d41e04b5f8a6c0d1e2f3a4b5c';

/** Response headers OpenAI sends with every answer. */
export function openAIHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'x-request-id': fixtureRequestId,
    'openai-processing-ms': '812',
    'openai-version': '2020-10-01',
    'x-ratelimit-limit-requests': '5000',
    'x-ratelimit-remaining-requests': '4999',
    'x-ratelimit-reset-requests': '12ms',
    ...extra,
  };
}

/** An OpenAI error envelope. */
export function errorEnvelope(error: {
  message: string;
  type?: string | null;
  code?: string | null;
  param?: string | null;
}): { error: { message: string; type: string | null; param: string | null; code: string | null } } {
  return {
    error: {
      message: error.message,
      type: error.type ?? null,
      param: error.param ?? null,
      code: error.code ?? null,
    },
  };
}

/** Options of {@link chatCompletion}. */
export interface ChatCompletionOptions {
  content: string | null;
  refusal?: string | null;
  finishReason?: 'stop' | 'length' | 'content_filter';
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
}

/** A `chat.completion` object. */
export function chatCompletion(options: ChatCompletionOptions) {
  const promptTokens = options.promptTokens ?? 1200;
  const completionTokens = options.completionTokens ?? 800;
  return {
    id: 'chatcmpl-CZb4xN1o2p3q4r5s6t7u8v9w0',
    object: 'chat.completion',
    created: 1_795_000_000,
    model: options.model ?? 'gpt-5.4-mini-2026-03-17',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: options.content,
          refusal: options.refusal ?? null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: null,
  };
}

/** A product for script tests. */
export const fixtureProduct: Product = {
  asin: 'B0TESTKETL',
  title: 'Pourfect Gooseneck Electric Kettle, 0.9 L, Variable Temperature',
  brand: 'Pourfect',
  rating: 4.6,
  reviewCount: 1843,
  bullets: [
    'Gooseneck spout for a slow, steady pour',
    'Five temperature presets from 80 to 100 °C',
    'Keeps water hot for 60 minutes',
  ],
  reviews: [
    { title: 'Great for pour-over', text: 'The spout gives me full control and it heats fast.', rating: 5 },
  ],
  imageUrls: ['https://m.media-amazon.com/images/I/kettle.jpg'],
  category: 'Kitchen',
  affiliateUrl: 'https://www.amazon.com/dp/B0TESTKETL?tag=reelsmith-20',
};

/** The script a model writes, as the JSON string of `message.content`, with captions for `platforms`. */
export function scriptContent(platforms: readonly string[] = []): string {
  const captions = Object.fromEntries(
    platforms.map((platform) => [
      platform,
      `Pour-over, perfected. Precise temperature and a steady spout. #PourOver #Coffee #KitchenGadgets #Kettle #Barista #CoffeeLover #ad`,
    ]),
  );
  return JSON.stringify({
    title: 'This Gooseneck Kettle Makes Pour-Over Coffee Easy',
    hook: 'Your pour-over is only as good as your kettle.',
    scenes: [
      {
        text: 'Meet the Pourfect gooseneck kettle.',
        imagePrompt: 'A matte black gooseneck kettle on a wooden counter, morning light',
      },
      {
        text: 'Its slim spout gives you a slow, steady pour.',
        imagePrompt: 'Close-up of the kettle spout pouring a thin stream into a dripper',
      },
      {
        text: 'Pick one of five temperatures for every roast.',
        imagePrompt: 'The kettle base with its temperature buttons lit, soft focus',
      },
      {
        text: 'It keeps water hot for a full hour.',
        imagePrompt: 'The kettle beside two coffee cups, steam rising',
      },
      {
        text: 'Reviewers love how fast it heats.',
        imagePrompt: 'The kettle on a bright kitchen shelf, clean composition',
      },
    ],
    callToAction: 'Tap the link in the description and check today’s price.',
    description:
      'The Pourfect gooseneck kettle gives you a precise pour and five temperature presets. #PourOver #Coffee',
    hashtags: ['#ad', '#PourOver', '#Coffee', 'kitchen gadgets', '#Kettle'],
    ...(platforms.length > 0 ? { captions } : {}),
  });
}

/** The judge's verdict, as the JSON string of `message.content`. */
export function judgementContent(score = 0.88): string {
  return JSON.stringify({
    sameProduct: true,
    score,
    reason: 'Same black gooseneck kettle; the base buttons are slightly simplified.',
    differences: ['base buttons simplified'],
  });
}

/** A tiny real PNG, base64, for image answers. */
export const fixturePngBase64 = Buffer.from(
  createPng({ width: 8, height: 12, color: [30, 30, 30, 255] }),
).toString('base64');

/** An `images` answer (GPT image models: base64 + usage; dall-e-3: base64 + revised prompt). */
export function imagesResponse(options: {
  count?: number;
  size?: string;
  quality?: string;
  dallE?: boolean;
  usage?: { text: number; image: number; output: number };
}) {
  const count = options.count ?? 1;
  const usage = options.usage ?? { text: 50, image: 0, output: 1584 };
  if (options.dallE) {
    return {
      created: 1_795_000_000,
      data: Array.from({ length: count }, () => ({
        b64_json: fixturePngBase64,
        revised_prompt: 'A matte black gooseneck kettle on a wooden counter in soft morning light.',
      })),
    };
  }
  return {
    created: 1_795_000_000,
    data: Array.from({ length: count }, () => ({ b64_json: fixturePngBase64 })),
    background: 'opaque',
    output_format: 'png',
    quality: options.quality ?? 'medium',
    size: options.size ?? '1024x1536',
    usage: {
      input_tokens: usage.text + usage.image,
      input_tokens_details: { text_tokens: usage.text, image_tokens: usage.image },
      output_tokens: usage.output,
      total_tokens: usage.text + usage.image + usage.output,
    },
  };
}
