import { ConfigError, parseConfig, registerSecret } from '@reelsmith/core';
import { type ElevenLabsSettings, resolveElevenLabsSettings } from './elevenlabs-settings.js';
import { ElevenLabsVoiceModel } from './elevenlabs-voice-model.js';
import { type ElevenLabsVoiceOptions, voiceOptionsSchema } from './elevenlabs-voice-options.js';

/** An ElevenLabs provider: a factory of Reelsmith capabilities on one account. */
export interface ElevenLabsProvider {
  /**
   * A `VoiceProvider` (id `elevenlabs:<model>`) on text to speech with timestamps.
   *
   * @throws {ConfigError} when an option is invalid, naming the field and the fix.
   */
  voice(options?: ElevenLabsVoiceOptions): ElevenLabsVoiceModel;
}

/** The environment variable the API key is read from when `apiKey` is not given. */
export const elevenLabsApiKeyEnv = 'ELEVENLABS_API_KEY';

const voiceHints: Record<string, string> = {
  outputFormat: 'use a pcm_*, wav_*, mp3_*, ulaw_8000 or alaw_8000 format (opus cannot be stitched)',
  'voiceSettings.speed': 'use a speed from 0.7 to 1.2',
};

/**
 * Creates an ElevenLabs provider. Settings are validated at once; the API key (when not given)
 * is read from `ELEVENLABS_API_KEY` at the first call, and registered as a secret so it never
 * appears in an error, event or log.
 *
 * @throws {ConfigError} when a setting is invalid, naming the field and the fix.
 *
 * @example
 * ```ts
 * const elevenlabs = createElevenLabs({ apiKey: process.env.ELEVENLABS_API_KEY });
 * const voice = elevenlabs.voice({ modelId: 'eleven_multilingual_v2', voiceId: 'JBFqnCBsd6RMkjVDRZzb' });
 * const { audio, words, durationMs } = await voice.synthesize({ text: 'Meet the kettle that boils in 90 seconds.' });
 * ```
 */
export function createElevenLabs(settings: ElevenLabsSettings = {}): ElevenLabsProvider {
  const resolved = resolveElevenLabsSettings(settings);
  registerSecret(resolved.apiKey);
  const apiKey = (): string => {
    if (resolved.apiKey) return resolved.apiKey;
    const fromEnv = typeof process === 'undefined' ? undefined : process.env[elevenLabsApiKeyEnv]?.trim();
    if (!fromEnv) {
      throw new ConfigError('createElevenLabs', [
        {
          field: 'apiKey',
          problem: `no ElevenLabs API key: \`apiKey\` was not given and ${elevenLabsApiKeyEnv} is not set`,
          fix:
            `set the ${elevenLabsApiKeyEnv} environment variable, or pass createElevenLabs({ apiKey }); ` +
            'create a key at elevenlabs.io/app/settings/api-keys',
        },
      ]);
    }
    registerSecret(fromEnv);
    return fromEnv;
  };
  return {
    voice(options = {}) {
      const parsed = parseConfig('elevenlabs.voice', voiceOptionsSchema, options, voiceHints);
      return new ElevenLabsVoiceModel({ settings: resolved, options: parsed, apiKey });
    },
  };
}

let defaultProvider: ElevenLabsProvider | undefined;

/**
 * The default provider: default settings, with the API key read from `ELEVENLABS_API_KEY` at
 * the first call. Nothing happens at import.
 *
 * @example
 * ```ts
 * const voice = elevenlabs.voice(); // eleven_multilingual_v2, pcm_24000 → WAV
 * ```
 */
export const elevenlabs: ElevenLabsProvider = {
  voice(options) {
    defaultProvider ??= createElevenLabs();
    return defaultProvider.voice(options);
  },
};
