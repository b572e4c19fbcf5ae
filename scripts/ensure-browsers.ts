import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../tests/e2e/support/paths';

/**
 * The project drives Debian's browsers (Playwright cannot download its own here). A fresh
 * machine has none: install them with apt, with xvfb for headed runs without a display.
 */
const APT_PACKAGES = ['chromium', 'firefox-esr', 'xvfb'];
const REQUIRED_BINARIES = [CHROMIUM_PATH, FIREFOX_PATH];
export const INSTALL_COMMAND = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;

export function missingBrowsers(): string[] {
  return REQUIRED_BINARIES.filter((binary) => !existsSync(binary));
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Installs the browsers when one is missing; throws with the exact command when it cannot. */
export function ensureBrowsers(): void {
  const missing = missingBrowsers();
  if (missing.length === 0) return;
  console.log(`Missing ${missing.join(' and ')}; installing ${APT_PACKAGES.join(', ')} with apt.`);
  if (process.getuid?.() !== 0) {
    throw new Error(`Installing browsers needs root. Run:\n  sudo sh -c '${INSTALL_COMMAND}'\nthen try again.`);
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...APT_PACKAGES]);
  const stillMissing = missingBrowsers();
  if (stillMissing.length > 0) throw new Error(`apt installed the packages but ${stillMissing.join(', ')} is missing`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureBrowsers();
    console.log(`Browsers ready: ${REQUIRED_BINARIES.join(', ')}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
