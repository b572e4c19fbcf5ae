import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCENARIOS } from '../sandbox/scenarios';
import { BUILD_DIRS, REPO_ROOT } from '../tests/e2e/support/paths';
import { creativeCloudUrl, sandboxControl } from '../tests/e2e/support/sandbox-control';
import { signIn } from '../tests/e2e/support/sign-in';
import {
  confirmViewFoundByStructure,
  openSwitcherWithBadges,
  waitForCreativeCloudView,
  waitForExtensionUi,
} from './console-view';
import { ensureBrowsers } from './ensure-browsers';
import { buildSandboxExtension, openSandboxBrowser } from './sandbox-browser';
import { parseStartOptions, START_USAGE, type StartOptions } from './start-options';

/**
 * `npm start`: build the sandbox-mode Chrome extension, start the console sandbox, and open
 * Debian's Chromium with the extension on the sandbox's Settings > Creative Cloud page.
 * Headed when there is a display; otherwise headless, with a screenshot to look at. With
 * `--sign-in <account>` it signs in on the sandbox's login page first and opens the switcher,
 * so the window and the screenshot show the badges. With `CI` set it exits after the screenshot.
 */

const SCREENSHOT_PATH = path.join(REPO_ROOT, '.output/start-screenshot.png');
const SCREENSHOT_VIEWPORT = { width: 1280, height: 1000 };

/** The console's view, then the extension's UI on it (and its switcher with badges when signed in). */
async function showExtensionUi(page: Page, signedIn: boolean): Promise<boolean> {
  try {
    await waitForCreativeCloudView(page);
    if (signedIn) await confirmViewFoundByStructure(page);
    await waitForExtensionUi(page, signedIn);
    if (signedIn) await openSwitcherWithBadges(page);
    return true;
  } catch (error) {
    console.warn(`The extension's UI did not appear: ${(error as Error).message.split('\n')[0]}`);
    return false;
  }
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseStartOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${START_USAGE}`);
    process.exit(2);
  }
  ensureBrowsers();
  buildSandboxExtension();

  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const { sandbox, context, extensionId } = await openSandboxBrowser({ ...options, headless });

  let closing = false;
  const shutDown = async (exitCode: number) => {
    if (closing) return;
    closing = true;
    console.log('\nClosing Chromium and the sandbox…');
    await context.close().catch(() => undefined);
    await sandbox.close();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutDown(0));
  process.on('SIGTERM', () => void shutDown(0));
  context.on('close', () => void shutDown(0));

  const page = context.pages()[0] ?? (await context.newPage());
  // Tall enough for the status panel and the switcher's first orgs in one screenshot.
  if (headless) await page.setViewportSize(SCREENSHOT_VIEWPORT);
  if (options.signInAs) {
    // As an admin would: the extension's sign-in opens the sandbox's login page, and the account is picked there.
    await signIn(context, extensionId, options.signInAs);
    console.log(`Signed in as      ${options.signInAs.name} <${options.signInAs.email}>`);
  }
  if (options.console) await sandboxControl(sandbox.apiBaseUrl)('POST', 'console', options.console);
  const settingsUrl = creativeCloudUrl(sandbox.shellUrl, SCENARIOS[options.scenario].aemOrg.tenant, options.lang);
  await page.goto(settingsUrl);

  console.log(`
Console sandbox   ${sandbox.shellUrl} (scenario ${options.scenario})
Settings > CC     ${settingsUrl}
IMS and API base  ${sandbox.apiBaseUrl}
Control API       ${sandbox.apiBaseUrl}/__sandbox/
Chromium          ${headless ? 'headless (no display found)' : 'headed'}, extension from ${BUILD_DIRS.chromeSandbox}`);

  const shown = await showExtensionUi(page, options.signInAs !== undefined);
  if (headless) {
    mkdirSync(path.dirname(SCREENSHOT_PATH), { recursive: true });
    await page.screenshot({ path: SCREENSHOT_PATH });
    console.log(`Screenshot        ${SCREENSHOT_PATH}`);
  }
  if (process.env.CI) {
    await shutDown(shown ? 0 : 1);
    return;
  }
  console.log('\nRunning. Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
