/**
 * Chat models for scripts and the vision judge. Any id the account can use works; these are
 * the current ones this package was checked against (2026-11). `gpt-5`, `gpt-5-mini` and
 * `gpt-5-nano` are scheduled for shutdown on 2026-12-11; `gpt-4o` and `gpt-4.1` are reported
 * for 2027-01-14 — prefer the `gpt-5.4` family.
 */
export type OpenAIChatModelId =
  | 'gpt-5.4-mini'
  | 'gpt-5.4-nano'
  | 'gpt-5.4'
  | 'gpt-5.4-mini-2026-03-17'
  | 'gpt-5.4-nano-2026-03-17'
  | (string & {});

/**
 * Image models. `gpt-image-2` is the current model (snapshot `gpt-image-2-2026-04-21`).
 * `gpt-image-1-mini`, `gpt-image-1.5` and `chatgpt-image-latest` shut down on 2026-12-01;
 * `dall-e-3` and `dall-e-2` were retired on 2026-05-12 (calls answer 404 `model_not_found`,
 * mapped to `model_unavailable`).
 */
export type OpenAIImageModelId =
  | 'gpt-image-2'
  | 'gpt-image-2-2026-04-21'
  | 'gpt-image-1'
  | 'gpt-image-1.5'
  | 'gpt-image-1-mini'
  | 'chatgpt-image-latest'
  | 'dall-e-3'
  | (string & {});

/** Text-to-speech models. `instructions` only works with `gpt-4o-mini-tts`. */
export type OpenAISpeechModelId =
  | 'gpt-4o-mini-tts'
  | 'gpt-4o-mini-tts-2025-12-15'
  | 'tts-1'
  | 'tts-1-hd'
  | (string & {});

/** The model each capability uses when `openai.script()` & co. are called without one. */
export interface OpenAIModelDefaults {
  script: OpenAIChatModelId;
  image: OpenAIImageModelId;
  speech: OpenAISpeechModelId;
  judge: OpenAIChatModelId;
}

/** Default models, current on 2026-11-24. Override with `createOpenAI({ models: { … } })`. */
export const defaultOpenAIModels: Readonly<OpenAIModelDefaults> = Object.freeze({
  script: 'gpt-5.4-mini',
  image: 'gpt-image-2',
  speech: 'gpt-4o-mini-tts',
  judge: 'gpt-5.4-mini',
});

/** How an image model is driven: its sizes, parameters and edit support. */
export type ImageModelFamily = 'gpt-image-flexible' | 'gpt-image' | 'dall-e-3' | 'dall-e-2';

/** The family of an image model id (unknown ids are treated as GPT image models with standard sizes). */
export function imageModelFamily(modelId: string): ImageModelFamily {
  if (modelId === 'dall-e-3') return 'dall-e-3';
  if (modelId === 'dall-e-2') return 'dall-e-2';
  if (/^gpt-image-2(?:$|-\d{4}-\d{2}-\d{2}$)/.test(modelId)) return 'gpt-image-flexible';
  return 'gpt-image';
}

/** True for the speech models that accept `instructions` (not `tts-1` / `tts-1-hd`). */
export function speechModelTakesInstructions(modelId: string): boolean {
  return !/^tts-1(?:-hd)?(?:-\d+)?$/.test(modelId);
}

/**
 * True for the image models that take `input_fidelity` on edits: gpt-image-1, gpt-image-1.5
 * and chatgpt-image-latest (not gpt-image-1-mini; gpt-image-2 always keeps high fidelity and
 * wants the parameter left out).
 */
export function imageModelTakesInputFidelity(modelId: string): boolean {
  return /^(?:gpt-image-1(?:\.5)?(?:-\d{4}-\d{2}-\d{2})?|chatgpt-image-latest)$/.test(modelId);
}
