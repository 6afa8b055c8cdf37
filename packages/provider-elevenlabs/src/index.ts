// Public API of @reelsmith/provider-elevenlabs: the factory, the default instance and their types.
export type { ElevenLabsOutputFormat } from './audio/output-format.js';
export type { ElevenLabsModelId, ElevenLabsModelSpec } from './elevenlabs-models.js';
export type { ElevenLabsPriceTable } from './elevenlabs-prices.js';
export {
  createElevenLabs,
  type ElevenLabsProvider,
  elevenlabs,
} from './elevenlabs-provider.js';
export type { ElevenLabsSettings } from './elevenlabs-settings.js';
export type {
  ElevenLabsCallProviderOptions,
  ElevenLabsPronunciationDictionary,
  ElevenLabsRequestOptions,
  ElevenLabsVoiceOptions,
  ElevenLabsVoiceSettings,
} from './elevenlabs-voice-options.js';
export type { ElevenLabsVoiceModel } from './elevenlabs-voice-model.js';
