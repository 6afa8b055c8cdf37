import { parseConfig } from '@reelsmith/core';
import { z } from 'zod';
import { type ElevenLabsOutputFormat, elevenLabsOutputFormats } from './audio/output-format.js';
import {
  defaultElevenLabsModel,
  defaultElevenLabsModels,
  defaultElevenLabsVoiceId,
  type ElevenLabsModelId,
  type ElevenLabsModelSpec,
  unknownElevenLabsModelSpec,
} from './elevenlabs-models.js';
import { defaultElevenLabsPrices, type ElevenLabsPriceTable } from './elevenlabs-prices.js';
import { type ElevenLabsVoiceSettings, voiceSettingsSchema } from './elevenlabs-voice-options.js';

const modelSpecSchema = z.strictObject({
  maxCharacters: z.number().int().min(1).max(1_000_000).optional(),
  stitching: z.boolean().optional(),
  languageCode: z.boolean().optional(),
});

const settingsSchema = z.strictObject({
  apiKey: z.string().min(1).optional(),
  baseURL: z.url({ protocol: /^https?$/ }).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  fetch: z
    .custom<typeof fetch>((value) => typeof value === 'function', 'expected a fetch function')
    .optional(),
  timeoutMs: z.number().int().min(1).max(900_000).default(180_000),
  defaultModel: z.string().min(1).default(defaultElevenLabsModel),
  defaultVoiceId: z.string().min(1).default(defaultElevenLabsVoiceId),
  voices: z.record(z.string().min(1), z.string().min(1)).default({}),
  outputFormat: z.enum(elevenLabsOutputFormats).default('pcm_24000'),
  voiceSettings: voiceSettingsSchema.optional(),
  models: z.record(z.string().min(1), modelSpecSchema).optional(),
  prices: z
    .strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-24'),
      usdPerCredit: z.number().nonnegative().finite().optional(),
      creditsPerCharacter: z.record(z.string().min(1), z.number().nonnegative().finite()).optional(),
      defaultCreditsPerCharacter: z.number().nonnegative().finite().optional(),
    })
    .optional(),
  concurrencyRetryAfterMs: z.number().int().min(0).max(60_000).default(1_000),
  contextCharacters: z.number().int().min(0).max(10_000).default(1_000),
  maxSplitRetries: z.number().int().min(0).max(10).default(3),
});

/** Settings of {@link createElevenLabs}. Every field is optional. */
export interface ElevenLabsSettings {
  /** API key (`xi-api-key`). Default: the `ELEVENLABS_API_KEY` environment variable, read at the first call. */
  apiKey?: string;
  /** API base URL. Default `https://api.elevenlabs.io` (e.g. `https://api.eu.residency.elevenlabs.io`). */
  baseURL?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** The fetch the SDK uses. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
  /** Time limit of each request (one chunk of a script), in ms. Default 180 000. */
  timeoutMs?: number;
  /** Model of `voice()` without `modelId`. Default `eleven_multilingual_v2`. */
  defaultModel?: ElevenLabsModelId;
  /** Voice used when neither `voice()` nor the call names one. Default `JBFqnCBsd6RMkjVDRZzb` (George). */
  defaultVoiceId?: string;
  /** Voice names → voice ids, so `VoiceInput.voice` can be a name (`{ narrator: 'JBFqnCBsd6RMkjVDRZzb' }`). */
  voices?: Record<string, string>;
  /** Audio format requested. Default `pcm_24000` (every plan), returned as one WAV file. */
  outputFormat?: ElevenLabsOutputFormat;
  /** Voice settings sent with every request (merged under `voice()` and per-call settings). */
  voiceSettings?: ElevenLabsVoiceSettings;
  /** Model specs merged over the built-in table (per-request character limit, stitching, language code). */
  models?: Record<string, Partial<ElevenLabsModelSpec>>;
  /** A dated price table merged over the default one (`date` is the new table's date). */
  prices?: {
    date: string;
    usdPerCredit?: number;
    creditsPerCharacter?: Record<string, number>;
    defaultCreditsPerCharacter?: number;
  };
  /** Wait suggested after a 429 `too_many_concurrent_requests` without `Retry-After`, in ms. Default 1000. */
  concurrencyRetryAfterMs?: number;
  /** Characters of the neighbouring chunks sent as `previous_text` / `next_text`. Default 1000. */
  contextCharacters?: number;
  /** How many times a chunk the service calls too long (`max_character_limit_exceeded`) is split again. Default 3. */
  maxSplitRetries?: number;
}

/** Settings after validation, with defaults and tables merged. */
export interface ResolvedElevenLabsSettings
  extends Omit<z.output<typeof settingsSchema>, 'models' | 'prices' | 'fetch' | 'voices'> {
  fetch: typeof fetch | undefined;
  voices: Record<string, string>;
  models: Record<string, ElevenLabsModelSpec>;
  prices: ElevenLabsPriceTable;
}

/** Fixes shown in `ConfigError` messages, by field. */
export const settingsHints: Record<string, string> = {
  apiKey:
    'pass the key from elevenlabs.io/app/settings/api-keys, or leave it out and set the ELEVENLABS_API_KEY environment variable',
  baseURL: 'pass the absolute http(s) URL of the API, e.g. `https://api.elevenlabs.io`',
  fetch: 'pass a function with the signature of the global `fetch`',
  timeoutMs: 'pass milliseconds from 1 to 900000 (default 180000)',
  outputFormat: 'use a pcm_*, wav_*, mp3_*, ulaw_8000 or alaw_8000 format (opus cannot be stitched)',
  'prices.date': 'date the table with the day you read the prices, e.g. `2026-11-24`',
};

/** Validates settings; throws a `ConfigError` naming each bad field and its fix. */
export function resolveElevenLabsSettings(
  settings: ElevenLabsSettings | undefined,
): ResolvedElevenLabsSettings {
  const parsed = parseConfig('createElevenLabs', settingsSchema, settings ?? {}, settingsHints);
  const models: Record<string, ElevenLabsModelSpec> = { ...defaultElevenLabsModels };
  for (const [id, spec] of Object.entries(parsed.models ?? {})) {
    const base = models[id] ?? unknownElevenLabsModelSpec;
    models[id] = { ...base, ...definedOnly(spec) };
  }
  const prices: ElevenLabsPriceTable = parsed.prices
    ? {
        date: parsed.prices.date,
        usdPerCredit: parsed.prices.usdPerCredit ?? defaultElevenLabsPrices.usdPerCredit,
        creditsPerCharacter: {
          ...defaultElevenLabsPrices.creditsPerCharacter,
          ...parsed.prices.creditsPerCharacter,
        },
        defaultCreditsPerCharacter:
          parsed.prices.defaultCreditsPerCharacter ?? defaultElevenLabsPrices.defaultCreditsPerCharacter,
      }
    : defaultElevenLabsPrices;
  return { ...parsed, fetch: parsed.fetch, voices: parsed.voices, models, prices };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}
