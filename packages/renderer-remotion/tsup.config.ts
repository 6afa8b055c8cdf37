import { defineConfig } from 'tsup';

export default defineConfig({
  // `remotion-entry` is what webpack bundles for the browser (see composition-bundle.ts).
  entry: { index: 'src/index.ts', 'remotion-entry': 'src/remotion/entry.tsx' },
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
  treeshake: true,
  esbuildOptions(options) {
    options.jsx = 'automatic';
  },
});
