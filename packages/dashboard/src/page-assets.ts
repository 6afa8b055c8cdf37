import { readFile } from 'node:fs/promises';

/** A file the page loads: the HTML shell, its script and its stylesheet. */
export interface PageAsset {
  body: Buffer;
  contentType: string;
}

const files = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/app.js': ['app.js', 'text/javascript; charset=utf-8'],
  '/app.css': ['app.css', 'text/css; charset=utf-8'],
} as const;

/** Paths served from `assets/`. */
export type AssetPath = keyof typeof files;

const cache = new Map<AssetPath, Promise<PageAsset>>();

/** True when `path` is one of the page's files. */
export function isAssetPath(path: string): path is AssetPath {
  return Object.hasOwn(files, path);
}

/**
 * Loads a page file from `assets/` next to this module (`src/assets` in the sources,
 * `dist/assets` once built; the build copies them). Cached after the first read.
 */
export function loadAsset(path: AssetPath): Promise<PageAsset> {
  let asset = cache.get(path);
  if (!asset) {
    const [file, contentType] = files[path];
    asset = readFile(new URL(`./assets/${file}`, import.meta.url)).then((body) => ({ body, contentType }));
    asset.catch(() => cache.delete(path));
    cache.set(path, asset);
  }
  return asset;
}
