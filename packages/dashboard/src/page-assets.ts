import { readFile } from 'node:fs/promises';
import { type PageFile, pageFiles } from './page-files.js';

/** A file the page loads: the HTML shell, a script module or a stylesheet. */
export interface PageAsset {
  body: Buffer;
  contentType: string;
}

const contentTypes = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as const;

/**
 * The shape of a served file name, checked before the allow-list: one path segment, lower-case
 * letters, digits and dashes, `.js` or `.css`. No dots, slashes, backslashes or escapes, so no
 * name can leave `assets/`; `index.html` is served only as `/`.
 */
const servedName = /^[a-z][a-z0-9-]*\.(?:js|css)$/;

const allowed: ReadonlySet<string> = new Set(pageFiles);

/**
 * The page file a URL path names (`/` is `index.html`, `/<name>` a listed module or stylesheet),
 * or undefined: anything else is not a page file and is never read from disk.
 */
export function pageFileFor(path: string): PageFile | undefined {
  if (path === '/') return 'index.html';
  const name = path.slice(1);
  if (path[0] !== '/' || !servedName.test(name) || !allowed.has(name)) return undefined;
  return name as PageFile;
}

/** The Content-Type of a page file, from its extension. */
export function contentTypeOf(file: PageFile): string {
  const extension = file.slice(file.lastIndexOf('.') + 1) as keyof typeof contentTypes;
  return contentTypes[extension];
}

const cache = new Map<PageFile, Promise<PageAsset>>();

/**
 * Loads a page file from `assets/` next to this module (`src/assets` in the sources,
 * `dist/assets` once built; the build copies them). Cached after the first read.
 */
export function loadAsset(file: PageFile): Promise<PageAsset> {
  let asset = cache.get(file);
  if (!asset) {
    const contentType = contentTypeOf(file);
    asset = readFile(new URL(`./assets/${file}`, import.meta.url)).then((body) => ({ body, contentType }));
    asset.catch(() => cache.delete(file));
    cache.set(file, asset);
  }
  return asset;
}
