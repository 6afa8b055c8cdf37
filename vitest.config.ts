import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));

// Tests run against the sources of every workspace package (`@reelsmith/<folder>`);
// `npm test` also builds, for tests that spawn Node on the built packages.
const alias = Object.fromEntries(
  readdirSync(packagesDir)
    .filter((name) => existsSync(`${packagesDir}${name}/src/index.ts`))
    .map((name) => [`@reelsmith/${name}`, `${packagesDir}${name}/src/index.ts`]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    include: [
      'packages/*/src/**/*.test.{ts,tsx}',
      'packages/*/test/**/*.test.{ts,tsx}',
      'examples/*/test/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
