import { defineConfig } from '@playwright/test';

/**
 * Chromium end-to-end tests: Debian's /usr/bin/chromium with the sandbox-mode extension,
 * one console sandbox per worker (tests/e2e/fixtures.ts). Firefox runs under Vitest with
 * puppeteer-core instead (vitest.firefox.config.ts): Playwright's Firefox needs a patched build.
 */
// Matrix cases recorded here ran in Chromium (tests/support/matrix.ts); workers inherit it.
process.env.MATRIX_RUNNER = 'chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: true,
  // Two cores: one browser plus one sandbox per worker is what the machine holds.
  workers: 2,
  // A flaky test is a bug to fix, not to retry.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Bounds, not waits: a passing step ends as soon as the user would see its result. A switch is a
  // chain of requests (refresh, GET, PUT, verifying GET, reload), which on a busy 2-core machine
  // took longer than 5 s once; these bounds leave room for that without hiding a hang.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  // No trace: recording one costs every test CPU on a busy machine. To debug a failure, rerun it
  // with `--trace on`.
  use: { trace: 'off', screenshot: 'only-on-failure' },
});
