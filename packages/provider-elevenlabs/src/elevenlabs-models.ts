/**
 * ElevenLabs text-to-speech model ids, as typed suggestions. Any other id is accepted too
 * (ElevenLabs adds and retires models): describe it in `createElevenLabs({ models })` so the
 * provider knows its per-request character limit. A retired id answers with a model error
 * that maps to `model_unavailable`.
 */
export type ElevenLabsModelId =
  | 'eleven_multilingual_v2'
  | 'eleven_v3'
  | 'eleven_flash_v2_5'
  | 'eleven_turbo_v2_5'
  | 'eleven_flash_v2'
  | 'eleven_turbo_v2'
  | (string & {});

/** What the provider needs to know about one model. */
export interface ElevenLabsModelSpec {
  /** Most characters of `text` one request may carry; longer scripts are split at sentence ends. */
  maxCharacters: number;
  /**
   * Supports request stitching (`previous_text`, `next_text`, `previous_request_ids`), sent
   * when a long script is synthesized in several requests so prosody carries over.
   */
  stitching: boolean;
  /** Takes `language_code` (ISO 639-1) to enforce a language; other models detect it from the text. */
  languageCode: boolean;
}

/** The model used when `voice()` is called without `modelId`: best quality, 29 languages. */
export const defaultElevenLabsModel = 'eleven_multilingual_v2';

/**
 * A premade voice ("George") available on every plan, used when neither the settings nor the
 * call name a voice.
 */
export const defaultElevenLabsVoiceId = 'JBFqnCBsd6RMkjVDRZzb';

/**
 * The built-in model table (volatile), from the contracts sheet checked on 2026-11-24.
 * `eleven_v3` takes 3,000 characters: the sheet says "≈5,000", but ElevenLabs lowered v3's
 * documented limit to 3,000 in August 2025, and the lower figure is the safe one. Request
 * stitching is not available on `eleven_v3`. Override or extend it with
 * `createElevenLabs({ models })`.
 */
export const defaultElevenLabsModels: Readonly<Record<string, ElevenLabsModelSpec>> = {
  eleven_multilingual_v2: { maxCharacters: 10_000, stitching: true, languageCode: false },
  eleven_v3: { maxCharacters: 3_000, stitching: false, languageCode: true },
  eleven_turbo_v2_5: { maxCharacters: 40_000, stitching: true, languageCode: true },
  eleven_flash_v2_5: { maxCharacters: 40_000, stitching: true, languageCode: true },
  eleven_flash_v2: { maxCharacters: 30_000, stitching: true, languageCode: false },
  eleven_turbo_v2: { maxCharacters: 30_000, stitching: true, languageCode: false },
};

/**
 * The spec used for a model id missing from the table: the smallest current limit, and no
 * stitching or language parameters (a model that does not take them could reject the request).
 */
export const unknownElevenLabsModelSpec: ElevenLabsModelSpec = {
  maxCharacters: 3_000,
  stitching: false,
  languageCode: false,
};
