import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever directory a runner was started from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Debian's standard locations: the project drives the distribution's browsers, never downloaded ones. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Where `npm run build` and `npm run build:sandbox` put each browser's unpacked extension. */
export const BUILD_DIRS = {
  chrome: path.join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: path.join(REPO_ROOT, '.output/firefox-mv3'),
  chromeSandbox: path.join(REPO_ROOT, '.output/chrome-mv3-sandbox'),
  firefoxSandbox: path.join(REPO_ROOT, '.output/firefox-mv3-sandbox'),
} as const;
export type BuildName = keyof typeof BUILD_DIRS;

/** Runner reports (JSON) and Playwright's artifacts live here; git ignores it. */
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
