// Public API of @reelsmith/provider-openai: the factory, the default instance and their types.
export type { OpenAIImageCallOptions } from './image/image-plan.js';
export type { OpenAIImageProvider } from './image/openai-image-provider.js';
export type { OpenAIVisionJudge } from './judge/openai-vision-judge.js';
export type {
  OpenAIChatModelId,
  OpenAIImageModelId,
  OpenAIModelDefaults,
  OpenAISpeechModelId,
} from './openai-models.js';
export type {
  ChatModelPrice,
  ImageModelPrice,
  OpenAIPriceOverrides,
  OpenAIPriceTable,
  SpeechModelPrice,
} from './openai-prices.js';
export { createOpenAI, type OpenAIProvider, openai } from './openai-provider.js';
export type {
  OpenAIImageSettings,
  OpenAIJudgeSettings,
  OpenAIReasoningEffort,
  OpenAIScriptSettings,
  OpenAISettings,
  OpenAISpeechSettings,
} from './openai-settings.js';
export type { OpenAIScriptProvider } from './script/openai-script-provider.js';
export type { OpenAISpeechProvider } from './speech/openai-speech-provider.js';
