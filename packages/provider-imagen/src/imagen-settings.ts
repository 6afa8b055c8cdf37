import type { GoogleGenAIOptions } from '@google/genai';
import { ConfigError, parseConfig } from '@reelsmith/core';
import { z } from 'zod';
import type { ImagenModelId, ImagenModelSpec, ImageSizeTier } from './imagen-models.js';
import type { ImagenPriceTable } from './imagen-prices.js';

/** Who may appear in images. Imagen's `allow_all` needs an allow-listed project on Vertex AI. */
export type PersonGenerationSetting = 'dont_allow' | 'allow_adult' | 'allow_all';

/** Imagen's safety filter threshold (`block_none` is restricted). */
export type SafetyFilterLevelSetting =
  | 'block_low_and_above'
  | 'block_medium_and_above'
  | 'block_only_high'
  | 'block_none';

/** The Google Auth options of `@google/genai` (ADC, a service-account key, or an `authClient`). */
export type ImagenGoogleAuthOptions = NonNullable<GoogleGenAIOptions['googleAuthOptions']>;

/** Settings of {@link createImagen}. Every field is optional; see the README's settings table. */
export interface ImagenSettings {
  /** Gemini API key. Default: `GEMINI_API_KEY`, then `GOOGLE_API_KEY`, read at the first call. */
  apiKey?: string;
  /** Use Vertex AI instead of the Gemini API. Default: `GOOGLE_GENAI_USE_VERTEXAI=true`, else `false`. */
  vertexai?: boolean;
  /** Vertex AI project id. Default: `GOOGLE_CLOUD_PROJECT`. */
  project?: string;
  /** Vertex AI location. Default: `GOOGLE_CLOUD_LOCATION`, else `global` (Imagen needs a region, e.g. `us-central1`). */
  location?: string;
  /** Vertex AI credentials (default: Application Default Credentials). */
  googleAuthOptions?: ImagenGoogleAuthOptions;
  /** Replaces the service's base URL (a proxy, a regional endpoint). */
  baseURL?: string;
  /** API version. Default: `v1beta` on the Gemini API, `v1` on Vertex AI. */
  apiVersion?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** A `fetch` implementation to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
  /** Gives up on a call after this long (a `transient` error). Default 120 000 ms. */
  timeoutMs?: number;
  /** The model `image()` uses without an id. Default `gemini-3.1-flash-image`. */
  defaultModel?: ImagenModelId;
  /** Model specs merged over the default table (size tiers, aspect ratios, limits, retirement dates). */
  models?: Record<string, Partial<ImagenModelSpec>>;
  /** A dated price table; its models replace the default entries and its `date` applies. */
  prices?: ImagenPriceTable;
  /** Default `allow_adult` (product shots with people). */
  personGeneration?: PersonGenerationSetting;
  /**
   * When `allow_all` is refused because the project is not allow-listed for it, retry once with
   * `allow_adult` and warn. Default `true`.
   */
  retryWithAdultPersonGeneration?: boolean;
  /** Imagen only. Default: the service's (`block_medium_and_above`). */
  safetyFilterLevel?: SafetyFilterLevelSetting;
  /** Default `image/png`. JPEG is sent on Imagen and on Vertex AI; Gemini API image models choose their own. */
  outputMimeType?: 'image/png' | 'image/jpeg';
  /** JPEG quality 0–100. */
  compressionQuality?: number;
  /** Size tier to ask for. Default: the smallest tier that covers the requested width and height. */
  imageSize?: ImageSizeTier;
  /** Largest reference image (product photo) accepted, in bytes. Default 10 MiB. */
  maxReferenceImageBytes?: number;
}

const sizeTier = z.enum(['1K', '2K', '4K']);
const personGeneration = z.enum(['dont_allow', 'allow_adult', 'allow_all']);
const safetyFilterLevel = z.enum([
  'block_low_and_above',
  'block_medium_and_above',
  'block_only_high',
  'block_none',
]);

const modelSpecSchema = z
  .strictObject({
    api: z.enum(['imagen', 'gemini']),
    sizes: z.array(sizeTier).min(1),
    aspectRatios: z.array(z.string().regex(/^\d+:\d+$/)).min(1),
    maxImages: z.number().int().min(1),
    acceptsReferenceImage: z.boolean(),
    retires: z.strictObject({ geminiApi: z.string().optional(), vertex: z.string().optional() }),
  })
  .partial();

const priceTableSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  perImage: z.record(z.string(), z.partialRecord(sizeTier, z.number().nonnegative())),
});

const settingsSchema = z.strictObject({
  apiKey: z.string().min(1).optional(),
  vertexai: z.boolean().optional(),
  project: z.string().min(1).optional(),
  location: z.string().min(1).optional(),
  googleAuthOptions: z
    .custom<ImagenGoogleAuthOptions>((value) => typeof value === 'object' && value !== null)
    .optional(),
  baseURL: z.url().optional(),
  apiVersion: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  fetch: z.custom<typeof globalThis.fetch>((value) => typeof value === 'function').optional(),
  timeoutMs: z.number().int().positive().optional(),
  defaultModel: z.string().min(1).optional(),
  models: z.record(z.string(), modelSpecSchema).optional(),
  prices: priceTableSchema.optional(),
  personGeneration: personGeneration.optional(),
  retryWithAdultPersonGeneration: z.boolean().optional(),
  safetyFilterLevel: safetyFilterLevel.optional(),
  outputMimeType: z.enum(['image/png', 'image/jpeg']).optional(),
  compressionQuality: z.number().int().min(0).max(100).optional(),
  imageSize: sizeTier.optional(),
  maxReferenceImageBytes: z.number().int().positive().optional(),
});

const hints = {
  apiKey: 'pass a Gemini API key (https://aistudio.google.com/apikey) or set GEMINI_API_KEY',
  baseURL: 'pass an absolute URL such as https://generativelanguage.googleapis.com',
  prices: "pass { date: 'YYYY-MM-DD', perImage: { '<model>': { '1K': 0.04 } } }",
  'prices.date': "write the day the prices were read as 'YYYY-MM-DD'",
};

/** Validates settings; a bad field is a `ConfigError` naming it and the fix. */
export function parseImagenSettings(settings: unknown): ImagenSettings {
  return parseConfig('createImagen', settingsSchema, settings ?? {}, hints) as ImagenSettings;
}

/** Per-call options under `input.providerOptions.imagen`. */
export interface ImagenProviderOptions {
  personGeneration?: PersonGenerationSetting;
  imageSize?: ImageSizeTier;
  safetyFilterLevel?: SafetyFilterLevelSetting;
  outputMimeType?: 'image/png' | 'image/jpeg';
}

/** Schema of {@link ImagenProviderOptions}. */
export const providerOptionsSchema = z.strictObject({
  personGeneration: personGeneration.optional(),
  imageSize: sizeTier.optional(),
  safetyFilterLevel: safetyFilterLevel.optional(),
  outputMimeType: z.enum(['image/png', 'image/jpeg']).optional(),
});

/** Where and how to connect, resolved from settings and the environment at the first call. */
export type ImagenConnection =
  | { vertexai: false; apiKey: string }
  | { vertexai: true; project: string; location: string };

/**
 * Resolves the connection: the Gemini API with an API key (`GEMINI_API_KEY`, then `GOOGLE_API_KEY`),
 * or Vertex AI with a project and location. Throws a `ConfigError` naming the variable to set.
 */
export function resolveConnection(
  settings: ImagenSettings,
  env: Record<string, string | undefined> = process.env,
): ImagenConnection {
  const vertexai = settings.vertexai ?? /^(true|1)$/i.test(env.GOOGLE_GENAI_USE_VERTEXAI ?? '');
  if (!vertexai) {
    const apiKey = settings.apiKey ?? nonEmpty(env.GEMINI_API_KEY) ?? nonEmpty(env.GOOGLE_API_KEY);
    if (apiKey === undefined) {
      throw new ConfigError('createImagen', [
        {
          field: 'apiKey',
          problem: 'no Gemini API key was given and GEMINI_API_KEY / GOOGLE_API_KEY are not set',
          fix: 'create a key at https://aistudio.google.com/apikey and set GEMINI_API_KEY, or pass createImagen({ apiKey }); for Vertex AI pass { vertexai: true, project }',
        },
      ]);
    }
    return { vertexai: false, apiKey };
  }
  if (settings.apiKey !== undefined) {
    throw new ConfigError('createImagen', [
      {
        field: 'apiKey',
        problem: 'an API key was given with vertexai: true; Vertex AI uses Google Cloud credentials here',
        fix: 'remove apiKey (use Application Default Credentials or googleAuthOptions), or drop vertexai to use the Gemini API',
      },
    ]);
  }
  const project = settings.project ?? nonEmpty(env.GOOGLE_CLOUD_PROJECT);
  if (project === undefined) {
    throw new ConfigError('createImagen', [
      {
        field: 'project',
        problem: 'Vertex AI needs a Google Cloud project id',
        fix: 'pass createImagen({ vertexai: true, project: "my-project" }) or set GOOGLE_CLOUD_PROJECT',
      },
    ]);
  }
  const location = settings.location ?? nonEmpty(env.GOOGLE_CLOUD_LOCATION) ?? 'global';
  return { vertexai: true, project, location };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
