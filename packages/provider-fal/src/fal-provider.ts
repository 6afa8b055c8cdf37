import { ConfigError, registerSecret } from '@reelsmith/core';
import { FalImageModel } from './fal-image-model.js';
import type { FalImageModelId } from './fal-models.js';
import {
  type FalSettings,
  type ResolvedFalSettings,
  resolveFalSettings,
  resolveModelId,
} from './fal-settings.js';

/** A configured fal.ai provider: builds image providers for fal models. */
export interface FalProvider {
  /**
   * An `ImageProvider` for a fal FLUX model (default `fal-ai/flux-pro/kontext`), with id
   * `fal:<model>`. Each call edits the input's `referenceImage` (the product photo).
   */
  image(modelId?: FalImageModelId): FalImageModel;
  /** The validated settings (the API key is not included). */
  readonly settings: Readonly<Omit<ResolvedFalSettings, 'apiKey'>>;
}

/**
 * Creates a fal.ai provider. Settings are validated at once (a `ConfigError` names each bad
 * field); the API key, when not given, is read from `FAL_KEY` (or `FAL_KEY_ID` +
 * `FAL_KEY_SECRET`) at the first call.
 *
 * @example
 * ```ts
 * import { createFal } from '@reelsmith/provider-fal';
 *
 * const fal = createFal({ apiKey: process.env.FAL_KEY, pollIntervalMs: 1000 });
 * const { images, cost } = await fal.image('fal-ai/flux-pro/kontext').generateImage({
 *   prompt: 'place this bottle on a marble kitchen counter, keep the label unchanged',
 *   referenceImage: { data: photoBytes, mediaType: 'image/jpeg' },
 *   width: 1080,
 *   height: 1920,
 * });
 * ```
 */
export function createFal(settings: FalSettings = {}): FalProvider {
  const resolved = resolveFalSettings(settings);
  registerSecret(resolved.apiKey);
  const apiKey = lazyApiKey(resolved);
  const { apiKey: _hidden, ...visible } = resolved;
  return {
    settings: visible,
    image: (modelId) =>
      new FalImageModel(resolveModelId(modelId ?? resolved.defaultModel), { settings: resolved, apiKey }),
  };
}

/**
 * The default fal provider, configured from the environment (`FAL_KEY`) at its first use.
 * Importing it reads nothing and validates nothing.
 */
export const fal: FalProvider = lazyProvider(() => createFal());

function lazyProvider(create: () => FalProvider): FalProvider {
  let instance: FalProvider | undefined;
  const get = () => {
    instance ??= create();
    return instance;
  };
  return {
    image: (modelId) => get().image(modelId),
    get settings() {
      return get().settings;
    },
  };
}

function lazyApiKey(settings: ResolvedFalSettings): () => string | undefined {
  let fromEnv: string | undefined;
  return () => {
    if (settings.apiKey) return settings.apiKey;
    fromEnv ??= readEnvKey();
    if (fromEnv) return fromEnv;
    if (settings.proxyUrl) return undefined;
    throw new ConfigError('createFal', [
      {
        field: 'apiKey',
        problem: 'no fal API key was given and the FAL_KEY environment variable is not set',
        fix: 'set FAL_KEY to a key from fal.ai/dashboard/keys, or pass createFal({ apiKey })',
      },
    ]);
  };
}

function readEnvKey(): string | undefined {
  const env = typeof process === 'undefined' ? {} : process.env;
  const key = env.FAL_KEY?.trim();
  if (key) {
    registerSecret(key);
    return key;
  }
  const id = env.FAL_KEY_ID?.trim();
  const secret = env.FAL_KEY_SECRET?.trim();
  if (!id || !secret) return undefined;
  registerSecret(secret, `${id}:${secret}`);
  return `${id}:${secret}`;
}
