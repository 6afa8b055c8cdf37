import os from 'node:os';
import { parseConfig } from '@reelsmith/core';
import { z } from 'zod';

/** Remotion log levels. */
export const logLevels = ['error', 'warn', 'info', 'verbose', 'trace'] as const;

/** x264 speed/size trade-offs, fastest first. */
export const x264Presets = [
  'ultrafast',
  'superfast',
  'veryfast',
  'faster',
  'fast',
  'medium',
  'slow',
  'slower',
  'veryslow',
] as const;

const settingsSchema = z.strictObject({
  browserExecutable: z.string().min(1).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  musicBed: z.string().min(1).optional(),
  musicVolume: z.number().min(0).max(1).default(0.2),
  jpegQuality: z.number().int().min(1).max(100).default(80),
  crf: z.number().int().min(1).max(51).optional(),
  timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
  logLevel: z.enum(logLevels).default('error'),
  x264Preset: z.enum(x264Presets).default('veryfast'),
});

/** Settings of {@link createRemotionRenderer}. Every field is optional. */
export type RemotionRendererSettings = z.input<typeof settingsSchema>;

/** Settings after validation, with defaults filled in. */
export type ResolvedRendererSettings = z.output<typeof settingsSchema> & { concurrency: number };

const hints: Record<string, string> = {
  browserExecutable: 'pass the path of a Chrome or Chromium binary, e.g. `/usr/bin/chromium`',
  concurrency: 'pass a whole number of browser tabs from 1 to 64, or leave it out to pick from the CPU count',
  musicBed: 'pass the path of an audio file (WAV, MP3, AAC) or leave it out for no music',
  musicVolume: 'pass a volume from 0 (silent) to 1 (full); 0.2 sits well under a voice',
  jpegQuality: 'pass a whole number from 1 to 100 (default 80)',
  crf: 'pass a whole number from 1 (best) to 51 (worst), or leave it out for Remotion’s default (18)',
  timeoutMs: 'pass milliseconds from 1000 to 600000 (default 30000)',
  logLevel: `use one of ${logLevels.join(', ')}`,
  x264Preset: `use one of ${x264Presets.join(', ')}; \`veryfast\` (default) halves encoder CPU and memory against \`medium\``,
};

/**
 * The number of browser tabs rendering frames in parallel: 1 on two cores or fewer (measured:
 * 1 beats 2 there, the encoder needs the other core), else about half the cores.
 */
export function defaultConcurrency(cores: number = os.availableParallelism()): number {
  if (cores <= 2) return 1;
  return Math.max(1, Math.floor(cores / 2));
}

/** Validates the settings; throws a `ConfigError` naming each bad field and its fix. */
export function resolveRendererSettings(settings: unknown): ResolvedRendererSettings {
  const parsed = parseConfig('createRemotionRenderer', settingsSchema, settings ?? {}, hints);
  return { ...parsed, concurrency: parsed.concurrency ?? defaultConcurrency() };
}
