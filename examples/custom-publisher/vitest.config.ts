import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The contract suite's network cases wait up to 15 s for a provider that ignores its timeout.
    testTimeout: 20_000,
  },
});
