import { parseConfig } from '@reelsmith/core';
import { z } from 'zod';

/** Settings of {@link createEspeakVoice}. */
export interface EspeakVoiceSettings {
  /**
   * The eSpeak NG voice: a language (`en-us`, `en`, `de`, `fr`, `pt-br`), a voice identifier
   * (`gmw/en-US`), optionally with a variant (`en-us+f3`). Default: the call's `language`, else
   * `en-us`. A call's `input.voice` overrides it.
   */
  voice?: string;
  /** Speaking rate in words per minute, 80–450. Default 165. A call's `input.speed` multiplies it. */
  rate?: number;
  /** Base pitch, 0–100; 50 is the voice's normal pitch. Default 50. */
  pitch?: number;
  /** The provider id (for breakers, limits and costs). Default `espeak`. */
  id?: string;
}

/** Default speaking rate, in words per minute: a brisk but clear pace for short videos. */
export const defaultRate = 165;
/** The slowest and fastest rates eSpeak NG accepts, in words per minute. */
export const minimumRate = 80;
export const maximumRate = 450;

const settingsSchema = z.strictObject({
  voice: z.string().trim().min(1).max(100).optional(),
  rate: z.number().int().min(minimumRate).max(maximumRate).default(defaultRate),
  pitch: z.number().int().min(0).max(100).default(50),
  id: z.string().min(1).default('espeak'),
});

/** Settings after validation, with defaults applied. */
export type ResolvedEspeakVoiceSettings = z.output<typeof settingsSchema>;

const hints = {
  voice: 'use an eSpeak NG voice such as `en-us`, `en`, `de` or `fr`, or leave it out for `en-us`',
  rate: `use a whole number of words per minute from ${minimumRate} to ${maximumRate} (default ${defaultRate})`,
  pitch: 'use a whole number from 0 to 100 (50 is normal)',
  id: 'use a non-empty id, or leave it out for `espeak`',
};

/** Validates settings; throws a `ConfigError` naming each bad field and its fix. */
export function parseEspeakVoiceSettings(settings: unknown): ResolvedEspeakVoiceSettings {
  return parseConfig('createEspeakVoice', settingsSchema, settings ?? {}, hints);
}
