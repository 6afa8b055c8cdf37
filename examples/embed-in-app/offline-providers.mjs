// The offline provider set for the embedded server: the local catalog, script writer, image
// composer and judge, the eSpeak voice (optional, GPL, imported only when installed), Remotion in
// the machine's Chromium, and a local folder per video. No API keys, no network.
//
// Also a config for `reelsmith worker --config examples/embed-in-app/offline-providers.mjs`: its
// default export is what the CLI's workers load, so they make the same videos as the server.
import path from 'node:path';
import { offlineOptions } from '@reelsmith/cli';
import { resolveBrowserExecutable } from '@reelsmith/renderer-remotion';

/** The offline demo's three sample products (data only). */
export const defaultCatalog = path.resolve(import.meta.dirname, '../offline-demo/products/products.json');

/**
 * Options for `createAffiliatePipeline` with the local providers: the same set `reelsmith run
 * --offline` uses (eSpeak is GPL and imported only when installed, so this MIT example does not
 * depend on it).
 *
 * @param {{ outDir: string, catalog?: string, browser?: string }} settings
 * @returns {Promise<import('@reelsmith/core').AffiliatePipelineOptions>}
 */
export async function offlineProviders(settings) {
  // Fails now, with the apt command, rather than at the first render. Never downloads a browser.
  const browser = resolveBrowserExecutable(settings.browser ? { explicit: settings.browser } : {});
  return offlineOptions({ catalog: settings.catalog ?? defaultCatalog, outDir: settings.outDir, browser });
}

/** For `reelsmith worker --config`: the CLI passes where outputs go. */
export default function config(/** @type {{ outDir: string }} */ context) {
  return offlineProviders({ outDir: context.outDir });
}
