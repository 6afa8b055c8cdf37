// The offline provider set for the embedded server: the local catalog, script writer, image
// composer and judge, the eSpeak voice (optional, GPL, imported only when installed), Remotion in
// the machine's Chromium, and a local folder per video. No API keys, no network.
//
// Also a config for `reelsmith worker --config examples/embed-in-app/offline-providers.mjs`: its
// default export is what the CLI's workers load, so they make the same videos as the server.
import path from 'node:path';
import {
  createLocalCatalog,
  createLocalImageComposer,
  createLocalImageJudge,
  createLocalScriptWriter,
} from '@reelsmith/provider-local';
import { createLocalPublisher } from '@reelsmith/publisher-local';
import { createRemotionRenderer, resolveBrowserExecutable } from '@reelsmith/renderer-remotion';

/** The offline demo's three sample products (data only). */
export const defaultCatalog = path.resolve(import.meta.dirname, '../offline-demo/products/products.json');

/**
 * Options for `createAffiliatePipeline` with the local providers.
 *
 * @param {{ outDir: string, catalog?: string, browser?: string }} settings
 * @returns {Promise<import('@reelsmith/core').AffiliatePipelineOptions>}
 */
export async function offlineProviders(settings) {
  // Fails now, with the apt command, rather than at the first render. Never downloads a browser.
  const browserExecutable = resolveBrowserExecutable(settings.browser ? { explicit: settings.browser } : {});
  return {
    productSource: createLocalCatalog({ products: path.resolve(settings.catalog ?? defaultCatalog) }),
    script: createLocalScriptWriter(),
    images: createLocalImageComposer(),
    judge: createLocalImageJudge(),
    voice: await loadOfflineVoice(),
    renderer: createRemotionRenderer({ browserExecutable }),
    publishers: [createLocalPublisher({ outDir: path.resolve(settings.outDir) })],
    // The local judge is a rough colour check: regenerate only clear misses.
    verify: { threshold: 0.6 },
  };
}

/**
 * eSpeak NG (`@reelsmith/voice-espeak`) is GPL-3.0-or-later, so this MIT example does not depend on
 * it: it is imported only when installed (the repository's workspace has it).
 */
async function loadOfflineVoice() {
  const specifier = '@reelsmith/voice-espeak';
  try {
    const module = await import(specifier);
    return module.espeakVoice;
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      'the offline voice is not installed: npm install @reelsmith/voice-espeak (GPL-3.0-or-later), ' +
        'or pass another VoiceProvider as `voice`',
    );
  }
}

/** For `reelsmith worker --config`: the CLI passes where outputs go. */
export default function config(/** @type {{ outDir: string }} */ context) {
  return offlineProviders({ outDir: context.outDir });
}
