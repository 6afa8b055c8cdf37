import type { CallOptions, CallResult, Cost, ProviderOptions } from './call-options.js';
import type { Provider } from './provider.js';

/** When a word is spoken in the audio. */
export interface WordTiming {
  word: string;
  startMs: number;
  endMs: number;
}

/** Input of {@link VoiceProvider.synthesize}. */
export interface VoiceInput {
  text: string;
  /** A provider voice id or name. */
  voice?: string;
  /** BCP 47 language tag. */
  language?: string;
  /** Speaking-rate multiplier; 1 is normal. */
  speed?: number;
  providerOptions?: ProviderOptions;
}

/** Result of {@link VoiceProvider.synthesize}: audio plus word timings for captions. */
export interface VoiceResult extends CallResult {
  audio: Uint8Array;
  /** e.g. `audio/mpeg`, `audio/wav`. */
  mediaType: string;
  durationMs: number;
  /** Word timings. When the engine gave none they are estimated and `warnings` says so. */
  words: WordTiming[];
}

/** Turns a script into a voice-over with word timings. */
export interface VoiceProvider extends Provider<'voice'> {
  synthesize(input: VoiceInput, options?: CallOptions): Promise<VoiceResult>;
  estimateCost?(input: VoiceInput): Cost;
}
