import path from 'node:path';
import type { AffiliatePipelineOptions, VoiceProvider } from '@reelsmith/core';
import {
  createLocalCatalog,
  createLocalImageComposer,
  createLocalImageJudge,
  createLocalScriptWriter,
} from '@reelsmith/provider-local';
import { createLocalPublisher } from '@reelsmith/publisher-local';
import { createRemotionRenderer } from '@reelsmith/renderer-remotion';
import { UsageError } from '../exit-codes.js';

/** What an offline run needs from the command line. */
export interface OfflineSettings {
  catalog: string | undefined;
  outDir: string;
  composition?: string;
  music?: string;
  browser?: string;
}

/**
 * Loads the offline voice. `@reelsmith/voice-espeak` is GPL-3.0-or-later, so this MIT package
 * does not depend on it: it is imported only when installed next to the CLI.
 */
export async function loadOfflineVoice(): Promise<VoiceProvider> {
  const specifier = '@reelsmith/voice-espeak';
  try {
    const module = (await import(specifier)) as {
      espeakVoice?: VoiceProvider;
      createEspeakVoice?: () => VoiceProvider;
    };
    const voice = module.espeakVoice ?? module.createEspeakVoice?.();
    if (voice) return voice;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  throw new UsageError(
    'offline runs need a local voice: npm install @reelsmith/voice-espeak (GPL-3.0-or-later, kept separate so the rest of Reelsmith stays MIT)',
  );
}

/** The offline provider set: local catalog, script writer, image composer and judge, eSpeak voice, Remotion, local folder. */
export async function offlineOptions(settings: OfflineSettings): Promise<AffiliatePipelineOptions> {
  if (!settings.catalog) {
    throw new UsageError(
      'offline runs read products from a catalog: pass --catalog FILE.json (e.g. examples/offline-demo/products/products.json)',
    );
  }
  return {
    productSource: createLocalCatalog({ products: path.resolve(settings.catalog) }),
    script: createLocalScriptWriter(),
    images: createLocalImageComposer(),
    judge: createLocalImageJudge(),
    voice: await loadOfflineVoice(),
    renderer: createRemotionRenderer({
      ...(settings.music ? { musicBed: path.resolve(settings.music) } : {}),
      ...(settings.browser ? { browserExecutable: settings.browser } : {}),
    }),
    publishers: [createLocalPublisher({ outDir: path.resolve(settings.outDir) })],
    ...(settings.composition ? { composition: settings.composition } : {}),
    verify: { threshold: 0.6 },
  };
}
