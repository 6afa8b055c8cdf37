import { parseConfig } from '@reelsmith/core';
import { z } from 'zod';

/** Settings of {@link createLocalPublisher}. */
export interface LocalPublisherSettings {
  /**
   * The folder that receives one sub-folder per published video. Created on the first publish
   * (nothing touches the disk before); it must be writable by this process.
   */
  outDir: string;
  /** The platform name, used for the `publish:<platform>` phase. Default `local`. */
  platform?: string;
  /** The publisher id (for breakers, limits and costs). Default `local` (or `local:<platform>`). */
  id?: string;
  /** Extra JSON metadata written into every `metadata.json` (a draft's own `metadata` wins per key). */
  metadata?: Record<string, unknown>;
}

const settingsSchema = z.strictObject({
  outDir: z.string().trim().min(1),
  platform: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(40)
    .default('local'),
  id: z.string().min(1).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

/** Settings after validation, with defaults applied. */
export interface ResolvedLocalPublisherSettings {
  outDir: string;
  platform: string;
  id: string;
  metadata: Record<string, unknown>;
}

const hints = {
  outDir: 'pass the folder to write videos into, e.g. `{ outDir: "out/published" }`',
  platform: 'use lower-case letters, digits and dashes, e.g. `local` or `review-folder`',
  id: 'use a non-empty id, or leave it out',
  metadata: 'pass a plain object of JSON values, e.g. `{ campaign: "spring" }`',
};

/** Validates settings; throws a `ConfigError` naming each bad field and its fix. */
export function parseLocalPublisherSettings(settings: unknown): ResolvedLocalPublisherSettings {
  const parsed = parseConfig('createLocalPublisher', settingsSchema, settings, hints);
  return {
    outDir: parsed.outDir,
    platform: parsed.platform,
    id: parsed.id ?? (parsed.platform === 'local' ? 'local' : `local:${parsed.platform}`),
    metadata: parsed.metadata ?? {},
  };
}
