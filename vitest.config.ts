import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests (fake browser), sandbox API tests over real HTTP, and the build-output tests
// (tests/build/: they read .output, so they need a build first). Browser suites live in
// playwright.config.ts (Chromium) and vitest.firefox.config.ts (Firefox).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/sandbox/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    // Matrix cases recorded here ran in Node, without a browser (tests/support/matrix.ts).
    env: { MATRIX_RUNNER: 'node' },
    setupFiles: ['tests/support/fake-indexeddb.ts'],
    restoreMocks: true,
  },
});
