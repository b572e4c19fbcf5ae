import { defineConfig } from 'vitest/config';

// Firefox suites: firefox-esr driven by puppeteer-core plus Firefox's debugger protocol
// (tests/firefox/harness.ts). One browser at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    // Matrix cases recorded here ran in firefox-esr (tests/support/matrix.ts).
    env: { MATRIX_RUNNER: 'firefox' },
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
