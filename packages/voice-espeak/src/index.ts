// Public API of @reelsmith/voice-espeak (GPL-3.0-or-later: see the README).
export {
  createEspeakVoice,
  type EspeakVoiceProvider,
  espeakVoice,
} from './espeak-voice.js';
export type { EspeakVoiceSettings } from './espeak-voice-settings.js';
