import { defineConfig } from 'vitest/config';

// Browser tests: the built web app in Debian's Chromium through playwright-core. The global
// setup builds dist/web once (LINJAUS_E2E_SKIP_BUILD=1 reuses an existing build).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/helpers/build.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
