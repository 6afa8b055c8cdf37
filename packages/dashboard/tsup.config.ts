import { cp } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  // The page's HTML, script and stylesheet are served from dist/assets (see src/page-assets.ts).
  onSuccess: async () => {
    await cp('src/assets', 'dist/assets', { recursive: true });
  },
});
