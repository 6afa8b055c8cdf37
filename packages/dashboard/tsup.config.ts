import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { pageFiles } from './src/page-files.js';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // The page's HTML, script modules and stylesheets are served from dist/assets (see
  // src/page-assets.ts). Only the listed files are copied; a missing one fails the build.
  onSuccess: async () => {
    await mkdir('dist/assets', { recursive: true });
    for (const file of pageFiles) await copyFile(`src/assets/${file}`, `dist/assets/${file}`);
  },
});
