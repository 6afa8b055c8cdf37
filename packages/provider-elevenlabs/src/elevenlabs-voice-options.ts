import { z } from 'zod';
import { type ElevenLabsOutputFormat, elevenLabsOutputFormats } from './audio/output-format.js';
import type { ElevenLabsModelId } from './elevenlabs-models.js';

/** `voice_settings`: override the voice's stored settings for a request. */
export interface ElevenLabsVoiceSettings {
  /** 0–1: higher is steadier and more monotone. */
  stability?: number;
  /** 0–1: how closely to match the original voice. */
  similarityBoost?: number;
  /** 0–1: style exaggeration (adds latency). */
  style?: number;
  useSpeakerBoost?: boolean;
  /** 0.7–1.2 speaking rate. `VoiceInput.speed` sets it per call. */
  speed?: number;
}

/** A pronunciation dictionary applied to the text (at most 3 per request). */
export interface ElevenLabsPronunciationDictionary {
  pronunciationDictionaryId: string;
  versionId?: string;
}

/** Request options shared by `voice()` and `providerOptions.elevenlabs`. */
export interface ElevenLabsRequestOptions {
  voiceSettings?: ElevenLabsVoiceSettings;
  /** 0–4294967295: best-effort deterministic sampling. */
  seed?: number;
  /** Spell out numbers, prices and URLs: `auto` (default), `on` or `off`. */
  applyTextNormalization?: 'auto' | 'on' | 'off';
  pronunciationDictionaryLocators?: ElevenLabsPronunciationDictionary[];
}

/** Options of `elevenlabs.voice()`. */
export interface ElevenLabsVoiceOptions extends ElevenLabsRequestOptions {
  /** Voice id (or a name from the `voices` setting). `VoiceInput.voice` overrides it per call. */
  voiceId?: string;
  /** Model id. Default: the `defaultModel` setting (`eleven_multilingual_v2`). */
  modelId?: ElevenLabsModelId;
  /** Audio format. Default: the `outputFormat` setting (`pcm_24000`). */
  outputFormat?: ElevenLabsOutputFormat;
}

/** `VoiceInput.providerOptions.elevenlabs`: per-call request options. */
export interface ElevenLabsCallProviderOptions extends ElevenLabsRequestOptions {
  /** ISO 639-1 code sent as `language_code`; default from `VoiceInput.language`. */
  languageCode?: string;
}

/** Schema of {@link ElevenLabsVoiceSettings}. */
export const voiceSettingsSchema = z.strictObject({
  stability: z.number().min(0).max(1).optional(),
  similarityBoost: z.number().min(0).max(1).optional(),
  style: z.number().min(0).max(1).optional(),
  useSpeakerBoost: z.boolean().optional(),
  speed: z.number().min(0.7).max(1.2).optional(),
});

const requestOptionsShape = {
  voiceSettings: voiceSettingsSchema.optional(),
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  applyTextNormalization: z.enum(['auto', 'on', 'off']).optional(),
  pronunciationDictionaryLocators: z
    .array(z.strictObject({ pronunciationDictionaryId: z.string().min(1), versionId: z.string().optional() }))
    .max(3)
    .optional(),
};

/** Schema of {@link ElevenLabsVoiceOptions}. */
export const voiceOptionsSchema = z.strictObject({
  ...requestOptionsShape,
  voiceId: z.string().min(1).optional(),
  modelId: z.string().min(1).optional(),
  outputFormat: z.enum(elevenLabsOutputFormats).optional(),
});

/** Schema of {@link ElevenLabsCallProviderOptions}. */
export const callProviderOptionsSchema = z.strictObject({
  ...requestOptionsShape,
  languageCode: z
    .string()
    .regex(/^[a-z]{2,3}$/i, 'expected an ISO 639-1 code such as `en`')
    .optional(),
});
