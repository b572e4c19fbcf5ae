import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests (fake browser) and sandbox API tests over real HTTP. Browser suites live in
// playwright.config.ts (Chromium) and vitest.firefox.config.ts (Firefox).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/sandbox/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/fake-indexeddb.ts'],
    restoreMocks: true,
  },
});
