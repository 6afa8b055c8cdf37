import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

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
    // A third-party-style plugin with its own vitest config; `npm run release:check` runs its tests
    // against the packed tarballs, the way its users will.
    exclude: [...configDefaults.exclude, 'examples/custom-publisher/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
