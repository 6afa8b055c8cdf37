import { registerSecret } from '@reelsmith/core';
import { OpenAIImageProvider } from './image/openai-image-provider.js';
import { OpenAIVisionJudge } from './judge/openai-vision-judge.js';
import { lazyClient } from './openai-client.js';
import type { OpenAIChatModelId, OpenAIImageModelId, OpenAISpeechModelId } from './openai-models.js';
import type { OpenAIPriceTable } from './openai-prices.js';
import { type OpenAISettings, parseOpenAISettings } from './openai-settings.js';
import { OpenAIScriptProvider } from './script/openai-script-provider.js';
import { OpenAISpeechProvider } from './speech/openai-speech-provider.js';

/** The four Reelsmith providers on one OpenAI account and one settings object. */
export interface OpenAIProvider {
  /** A `ScriptProvider` (Structured Outputs), id `openai:script:<model>`. Default model `gpt-5.4-mini`. */
  script(modelId?: OpenAIChatModelId): OpenAIScriptProvider;
  /** An `ImageProvider` (generate, or edit with the product photo), id `openai:image:<model>`. Default `gpt-image-2`. */
  image(modelId?: OpenAIImageModelId): OpenAIImageProvider;
  /** A `VoiceProvider` (TTS with estimated word timings), id `openai:speech:<model>`. Default `gpt-4o-mini-tts`. */
  speech(modelId?: OpenAISpeechModelId): OpenAISpeechProvider;
  /** A `VisionJudge` (0–1 product-accuracy score), id `openai:judge:<model>`. Default `gpt-5.4-mini`. */
  judge(modelId?: OpenAIChatModelId): OpenAIVisionJudge;
  /** The price table every cost comes from (defaults merged with `settings.prices`). */
  readonly prices: Readonly<OpenAIPriceTable>;
}

/**
 * Creates the OpenAI providers. Settings are validated now (a `ConfigError` names the field and
 * the fix); the API key is read from `OPENAI_API_KEY` at the first call when not given, and
 * the SDK client (with its own retries off) is created then.
 *
 * @example
 * ```ts
 * import { fallback } from '@reelsmith/core';
 * import { createOpenAI } from '@reelsmith/provider-openai';
 *
 * const openai = createOpenAI({ image: { quality: 'high' } });
 * const { script } = await openai.script().generateScript({ product, platforms: ['youtube'] });
 * const images = fallback([imagen, fal, openai.image()]);
 * ```
 */
export function createOpenAI(settings: OpenAISettings = {}): OpenAIProvider {
  const resolved = parseOpenAISettings(settings);
  registerSecret(resolved.apiKey);
  const client = lazyClient(resolved);
  const pick = (modelId: string | undefined, fallbackId: string) => {
    const id = modelId?.trim();
    return id ? id : fallbackId;
  };
  return {
    script: (modelId) => new OpenAIScriptProvider(pick(modelId, resolved.models.script), client, resolved),
    image: (modelId) => new OpenAIImageProvider(pick(modelId, resolved.models.image), client, resolved),
    speech: (modelId) => new OpenAISpeechProvider(pick(modelId, resolved.models.speech), client, resolved),
    judge: (modelId) => new OpenAIVisionJudge(pick(modelId, resolved.models.judge), client, resolved),
    prices: resolved.prices,
  };
}

/**
 * The default instance: default settings, the key from `OPENAI_API_KEY` (read at the first
 * call, not at import).
 */
export const openai: OpenAIProvider = createOpenAI();
