import { type Platform, parseConfig } from '@reelsmith/core';
import { z } from 'zod';
import { defaultOpenAIModels, type OpenAIModelDefaults } from './openai-models.js';
import { mergePrices, type OpenAIPriceOverrides, type OpenAIPriceTable } from './openai-prices.js';

/** The statement the Amazon Associates Program requires, word for word. */
export const amazonAssociatesDisclosure = 'As an Amazon Associate I earn from qualifying purchases.';

/** Reasoning effort for the reasoning chat models (leave unset for the model's default). */
export type OpenAIReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';

/** Settings of `openai.script()`. */
export interface OpenAIScriptSettings {
  /** `max_completion_tokens` (reasoning included). Default 4000; a cut-off answer is an `output_truncated` error. */
  maxOutputTokens?: number;
  reasoningEffort?: OpenAIReasoningEffort;
  /** The affiliate disclosure put in the description and every caption. Default: the Amazon Associates statement. */
  disclosure?: string;
  /** The link-level disclosure written next to the affiliate link. Default `(paid link)`. */
  linkLabel?: string;
  /** Most entries in `script.hashtags`. Default 15. */
  maxHashtags?: number;
  /** Most hashtags per platform caption. Default youtube 15, instagram 5, tiktok 5, wordpress 10. */
  hashtagCaps?: Partial<Record<Platform, number>>;
  /** Longest caption per platform, in characters. Default youtube 5000, instagram 2200, tiktok 2200, wordpress 10000. */
  captionMaxLength?: Partial<Record<Platform, number>>;
  /** Let the script quote the star rating and rating count. Default true. */
  includeRatings?: boolean;
  /** Output tokens assumed by `estimateCost()`. Default 1500. */
  estimatedOutputTokens?: number;
}

/** Settings of `openai.image()`. */
export interface OpenAIImageSettings {
  /** GPT image quality (`high` maps to `hd` on dall-e-3). Default `medium`. */
  quality?: 'low' | 'medium' | 'high' | 'auto';
  /** Output format of the GPT image models. Default `png`. */
  outputFormat?: 'png' | 'jpeg' | 'webp';
  /** `input_fidelity` for edits with the product photo, sent to the models that take it. Default `high`. */
  inputFidelity?: 'high' | 'low';
  /** Moderation level of the GPT image models. Default `auto`. */
  moderation?: 'auto' | 'low';
  /** Longest prompt; default 32 000 characters (GPT image models) or 4 000 (dall-e-3). */
  maxPromptCharacters?: number;
}

/** Settings of `openai.speech()`. */
export interface OpenAISpeechSettings {
  /** Default voice (`VoiceInput.voice` overrides it). Default `coral`. */
  voice?: string;
  /** Audio format requested: `mp3` (duration read from its frames), `wav`, or `pcm` (wrapped into WAV). Default `mp3`. */
  format?: 'mp3' | 'wav' | 'pcm';
  /** Delivery instructions for `gpt-4o-mini-tts` (ignored by `tts-1`). */
  instructions?: string;
  /** Longest input per request; longer texts are split at sentence ends and stitched. Default 4096. */
  maxCharacters?: number;
  /** Speaking rate assumed by `estimateCost()` for per-minute models. Default 900 characters per minute. */
  charactersPerMinute?: number;
}

/** Settings of `openai.judge()`. */
export interface OpenAIJudgeSettings {
  /** Image detail sent for both pictures. Default `high` (labels and logos matter). */
  detail?: 'low' | 'high' | 'auto';
  /** `max_completion_tokens`. Default 1000. */
  maxOutputTokens?: number;
  reasoningEffort?: OpenAIReasoningEffort;
  /** Tokens assumed by `estimateCost()`. Defaults 2600 in, 200 out. */
  estimatedInputTokens?: number;
  estimatedOutputTokens?: number;
}

/** Settings of {@link createOpenAI}. Every field is optional. */
export interface OpenAISettings {
  /** API key from platform.openai.com/api-keys. Default: the `OPENAI_API_KEY` environment variable, read at the first call. */
  apiKey?: string;
  /** Sent as `OpenAI-Organization`. Default: `OPENAI_ORG_ID`, read at the first call. */
  organization?: string;
  /** Sent as `OpenAI-Project`. Default: `OPENAI_PROJECT_ID`, read at the first call. */
  project?: string;
  /** Default `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** A `fetch` implementation (proxies, tests). Default: the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout. Default 300 000 ms (image generation can take minutes). */
  timeoutMs?: number;
  /** Default model per capability. */
  models?: Partial<OpenAIModelDefaults>;
  /** Price overrides, merged per model over the dated default table. */
  prices?: OpenAIPriceOverrides;
  script?: OpenAIScriptSettings;
  image?: OpenAIImageSettings;
  speech?: OpenAISpeechSettings;
  judge?: OpenAIJudgeSettings;
}

const effort = z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).optional();
const positiveInt = z.int().positive();
const platformNumbers = z.strictObject({
  youtube: positiveInt.optional(),
  instagram: positiveInt.optional(),
  tiktok: positiveInt.optional(),
  wordpress: positiveInt.optional(),
});
const chatPrice = z.strictObject({
  inputPerMillionTokens: z.number().nonnegative(),
  outputPerMillionTokens: z.number().nonnegative(),
});
const imagePrice = z.strictObject({
  tokens: z
    .strictObject({
      textInputPerMillion: z.number().nonnegative(),
      imageInputPerMillion: z.number().nonnegative(),
      imageOutputPerMillion: z.number().nonnegative(),
    })
    .optional(),
  perImage: z.record(z.string(), z.record(z.string(), z.number().nonnegative())).optional(),
});
const speechPrice = z.strictObject({
  perMillionCharacters: z.number().nonnegative().optional(),
  perMinute: z.number().nonnegative().optional(),
});

const settingsSchema = z.strictObject({
  apiKey: z.string().trim().min(1).optional(),
  organization: z.string().trim().min(1).optional(),
  project: z.string().trim().min(1).optional(),
  baseURL: z.url({ protocol: /^https?$/ }).default('https://api.openai.com/v1'),
  headers: z.record(z.string(), z.string()).prefault({}),
  fetch: z.custom<typeof globalThis.fetch>((value) => typeof value === 'function').optional(),
  timeoutMs: positiveInt.default(300_000),
  models: z
    .strictObject({
      script: z.string().trim().min(1).optional(),
      image: z.string().trim().min(1).optional(),
      speech: z.string().trim().min(1).optional(),
      judge: z.string().trim().min(1).optional(),
    })
    .prefault({}),
  prices: z
    .strictObject({
      date: z.iso.date().optional(),
      chat: z.record(z.string(), chatPrice).optional(),
      image: z.record(z.string(), imagePrice).optional(),
      speech: z.record(z.string(), speechPrice).optional(),
    })
    .optional(),
  script: z
    .strictObject({
      maxOutputTokens: positiveInt.default(4000),
      reasoningEffort: effort,
      disclosure: z.string().trim().min(1).default(amazonAssociatesDisclosure),
      linkLabel: z.string().trim().min(1).default('(paid link)'),
      maxHashtags: z.int().min(1).max(60).default(15),
      hashtagCaps: platformNumbers.prefault({}),
      captionMaxLength: platformNumbers.prefault({}),
      includeRatings: z.boolean().default(true),
      estimatedOutputTokens: positiveInt.default(1500),
    })
    .prefault({}),
  image: z
    .strictObject({
      quality: z.enum(['low', 'medium', 'high', 'auto']).default('medium'),
      outputFormat: z.enum(['png', 'jpeg', 'webp']).default('png'),
      inputFidelity: z.enum(['high', 'low']).default('high'),
      moderation: z.enum(['auto', 'low']).default('auto'),
      maxPromptCharacters: positiveInt.optional(),
    })
    .prefault({}),
  speech: z
    .strictObject({
      voice: z.string().trim().min(1).default('coral'),
      format: z.enum(['mp3', 'wav', 'pcm']).default('mp3'),
      instructions: z.string().trim().min(1).default('Upbeat, friendly product reviewer. Clear and natural.'),
      maxCharacters: z.int().min(100).max(4096).default(4096),
      charactersPerMinute: positiveInt.default(900),
    })
    .prefault({}),
  judge: z
    .strictObject({
      detail: z.enum(['low', 'high', 'auto']).default('high'),
      maxOutputTokens: positiveInt.default(1000),
      reasoningEffort: effort,
      estimatedInputTokens: positiveInt.default(2600),
      estimatedOutputTokens: positiveInt.default(200),
    })
    .prefault({}),
});

const hints = {
  apiKey: 'create a key at https://platform.openai.com/api-keys and set OPENAI_API_KEY (or pass `apiKey`)',
  baseURL: 'use the API root, e.g. `https://api.openai.com/v1`',
  fetch: 'pass a fetch-compatible function, or leave it out to use the global fetch',
  timeoutMs: 'use a whole number of milliseconds, e.g. 300000',
  'prices.date': 'give the day you read the prices, as YYYY-MM-DD',
  'speech.format': 'use `mp3`, `wav` or `pcm`: the duration (for word timings) is computed from these',
  'speech.maxCharacters': 'use at most 4096 (the `audio/speech` input limit)',
};

type ParsedSettings = z.output<typeof settingsSchema>;

/** Platform caption limits with the defaults applied. */
export type PlatformNumbers = Record<Platform, number>;

/** Settings after validation, with defaults applied. */
export interface ResolvedOpenAISettings extends Omit<ParsedSettings, 'models' | 'prices' | 'script'> {
  models: OpenAIModelDefaults;
  prices: OpenAIPriceTable;
  script: Omit<ParsedSettings['script'], 'hashtagCaps' | 'captionMaxLength'> & {
    hashtagCaps: PlatformNumbers;
    captionMaxLength: PlatformNumbers;
  };
}

const defaultHashtagCaps: PlatformNumbers = { youtube: 15, instagram: 5, tiktok: 5, wordpress: 10 };
const defaultCaptionMaxLength: PlatformNumbers = {
  youtube: 5000,
  instagram: 2200,
  tiktok: 2200,
  wordpress: 10_000,
};

/** Validates {@link OpenAISettings}; throws a `ConfigError` naming each bad field and its fix. */
export function parseOpenAISettings(settings: unknown): ResolvedOpenAISettings {
  const parsed = parseConfig('createOpenAI', settingsSchema, settings ?? {}, hints);
  return {
    ...parsed,
    models: { ...defaultOpenAIModels, ...withoutUndefined(parsed.models) },
    prices: mergePrices(parsed.prices as OpenAIPriceOverrides | undefined),
    script: {
      ...parsed.script,
      hashtagCaps: { ...defaultHashtagCaps, ...withoutUndefined(parsed.script.hashtagCaps) },
      captionMaxLength: { ...defaultCaptionMaxLength, ...withoutUndefined(parsed.script.captionMaxLength) },
    },
  };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as never;
}
