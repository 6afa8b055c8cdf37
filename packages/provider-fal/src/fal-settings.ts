import { parseConfig } from '@reelsmith/core';
import { z } from 'zod';
import { defaultFalImageModel, defaultFalModels, type FalModelSpec } from './fal-models.js';
import { defaultFalPrices, type FalPriceTable } from './fal-prices.js';

const modelSpecSchema = z.strictObject({
  size: z.enum(['aspect_ratio', 'resolution_mode', 'image_size', 'input']),
  maxImages: z.number().int().min(1).max(16),
  outputFormat: z.boolean(),
});

const priceSchema = z.strictObject({
  usd: z.number().nonnegative().finite(),
  per: z.enum(['image', 'megapixel']),
});

const modelId = z
  .string()
  .regex(/^[\w.-]+\/[\w.-]+(\/[\w.-]+)*$/, 'expected a fal model id like `owner/app/path`');

const settingsSchema = z.strictObject({
  apiKey: z.string().min(1).optional(),
  proxyUrl: z.url({ protocol: /^https?$/ }).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
  timeoutMs: z.number().int().min(1).max(600_000).default(60_000),
  pollIntervalMs: z.number().int().min(1).max(60_000).default(500),
  maxWaitMs: z.number().int().min(1).max(3_600_000).default(600_000),
  startTimeoutSeconds: z.number().gt(1).max(3600).optional(),
  priority: z.enum(['low', 'normal']).default('normal'),
  queueRetries: z.boolean().default(true),
  outputFormat: z.enum(['png', 'jpeg']).default('png'),
  defaultModel: modelId.default(defaultFalImageModel),
  models: z.record(modelId, modelSpecSchema).optional(),
  prices: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-24'),
      megapixel: z.number().int().positive().optional(),
      models: z.record(modelId, priceSchema),
    })
    .optional(),
});

/** Settings of {@link createFal}. Every field is optional. */
export interface FalSettings {
  /** The fal API key. Default: the `FAL_KEY` env var (or `FAL_KEY_ID`:`FAL_KEY_SECRET`), read at the first call. */
  apiKey?: string;
  /**
   * A server proxy that forwards to fal (the SDK sends the real URL in `x-fal-target-url`).
   * The SDK's hosts are fixed, so there is no `baseURL`: use this, or a custom `fetch`.
   */
  proxyUrl?: string;
  /** Extra headers sent with every fal API request. */
  headers?: Record<string, string>;
  /** The fetch used for every request (API, upload, downloads). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Time limit of each HTTP request, in ms. Default 60 000. */
  timeoutMs?: number;
  /** Time between two queue status polls, in ms. Default 500. */
  pollIntervalMs?: number;
  /** How long to wait for a queued request to complete before cancelling it, in ms. Default 600 000. */
  maxWaitMs?: number;
  /** fal's start timeout (`x-fal-request-timeout`, seconds > 1): give up if processing has not started by then. */
  startTimeoutSeconds?: number;
  /** Queue priority (`x-fal-queue-priority`). Default `normal`. */
  priority?: 'low' | 'normal';
  /** Let fal's queue retry a request on its side (503/504/429, free). `false` sends `x-fal-no-retry: 1`. Default true. */
  queueRetries?: boolean;
  /** Output format requested from models that support it. Default `png` (no JPEG artefacts on labels). */
  outputFormat?: 'png' | 'jpeg';
  /** Model used by `image()` without an id. Default `fal-ai/flux-pro/kontext`. */
  defaultModel?: string;
  /** Model specs added to, or replacing entries of, the built-in table. */
  models?: Record<string, FalModelSpec>;
  /** A dated price table merged over the default one (`date` is the new table's date). */
  prices?: { date: string; megapixel?: number; models: FalPriceTable['models'] };
}

/** Settings after validation, with defaults and tables merged. */
export interface ResolvedFalSettings
  extends Omit<z.output<typeof settingsSchema>, 'models' | 'prices' | 'fetch'> {
  fetch: typeof fetch | undefined;
  models: Record<string, FalModelSpec>;
  prices: FalPriceTable;
}

const hints: Record<string, string> = {
  apiKey: 'pass the key from fal.ai/dashboard/keys, or leave it out and set the FAL_KEY environment variable',
  proxyUrl: 'pass the absolute http(s) URL of your fal proxy, e.g. `https://example.com/api/fal/proxy`',
  fetch: 'pass a function with the signature of the global `fetch`',
  timeoutMs: 'pass milliseconds from 1 to 600000 (default 60000)',
  pollIntervalMs: 'pass milliseconds from 1 to 60000 (default 500)',
  maxWaitMs: 'pass milliseconds from 1 to 3600000 (default 600000)',
  startTimeoutSeconds: 'pass seconds greater than 1 (fal’s minimum), or leave it out',
  priority: 'use `normal` or `low`',
  outputFormat: 'use `png` or `jpeg`',
  defaultModel: 'pass a fal model id such as `fal-ai/flux-pro/kontext`',
  'prices.date': 'date the table with the day you read the prices, e.g. `2026-11-24`',
};

/** Validates settings; throws a `ConfigError` naming each bad field and its fix. */
export function resolveFalSettings(settings: FalSettings | undefined): ResolvedFalSettings {
  const parsed = parseConfig('createFal', settingsSchema, settings ?? {}, hints);
  const prices: FalPriceTable = parsed.prices
    ? {
        date: parsed.prices.date,
        megapixel: parsed.prices.megapixel ?? defaultFalPrices.megapixel,
        models: { ...defaultFalPrices.models, ...parsed.prices.models },
      }
    : defaultFalPrices;
  return { ...parsed, fetch: parsed.fetch, models: { ...defaultFalModels, ...parsed.models }, prices };
}

/** Validates a model id given to `image()`; throws a `ConfigError` when malformed. */
export function resolveModelId(id: string): string {
  return parseConfig('createFal', modelId, id, { '(root)': hints.defaultModel ?? '' }, 'modelId');
}
