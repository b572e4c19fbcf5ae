import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { BADGE_HOST_ATTRIBUTE } from '../lib/console-page/markers';
import { CONSOLE_PROFILE_SOURCE } from '../lib/console-page/profile';
import { SCENARIOS, userOf } from '../sandbox/scenarios';
import { tabIdShowing } from '../tests/e2e/support/extension-pages';
import { REPO_ROOT } from '../tests/e2e/support/paths';
import { creativeCloudUrl } from '../tests/e2e/support/sandbox-control';
import { signIn } from '../tests/e2e/support/sign-in';
import {
  assetsApp,
  extensionPanel,
  openSwitcherWithBadges,
  waitForCreativeCloudView,
  waitForExtensionUi,
} from './console-view';
import { ensureBrowsers } from './ensure-browsers';
import { buildSandboxExtension, openSandboxBrowser } from './sandbox-browser';

/**
 * `npm run screenshots`: the README's pictures, taken from the sandbox build on the sandbox's
 * default scenario, signed in as its console admin. Writes docs/screenshots/*.png.
 * `--skip-build` uses the sandbox build already in .output/.
 */

const OUT_DIR = path.join(REPO_ROOT, 'docs/screenshots');
const WAIT_MS = 20_000;
const scenario = SCENARIOS.default;
const LABELS = CONSOLE_PROFILE_SOURCE.labels.en;
const CONSOLE_VIEWPORT = { width: 1280, height: 800 };

/** Our switcher, open, with the status panel above it: the panel element alone. */
async function shootSwitcher(page: Page): Promise<string> {
  // The console scrolls inside its iframe: a window taller than the panel keeps the shot in one piece.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await openSwitcherWithBadges(page);
  const file = path.join(OUT_DIR, 'switcher.png');
  await extensionPanel(page).screenshot({ path: file });
  await page.setViewportSize(CONSOLE_VIEWPORT);
  return file;
}

/** The console's own picker, open, each option carrying the extension's badges. */
async function shootNativePicker(page: Page): Promise<string> {
  const app = assetsApp(page);
  // Close our switcher first: the picture is about the console's own control.
  await extensionPanel(page).locator('[aria-controls="org-switcher"]').click();
  const picker = app.getByRole('button', { name: LABELS.picker });
  await picker.scrollIntoViewIfNeeded();
  await picker.click();
  const options = app.getByRole('option');
  await options.first().waitFor({ timeout: WAIT_MS });
  const count = await options.count();
  for (let index = 0; index < count; index++)
    await options.nth(index).locator(`[${BADGE_HOST_ATTRIBUTE}]`).waitFor({ timeout: WAIT_MS });
  const file = path.join(OUT_DIR, 'native-picker.png');
  await page.screenshot({ path: file });
  return file;
}

/** The popup for the console tab, as the toolbar button shows it. */
async function shootPopup(page: Page, popupUrl: string): Promise<string> {
  const popup = await page.context().newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(popupUrl);
  await popup.getByTestId('popup-tab').waitFor({ timeout: WAIT_MS });
  await popup.getByTestId('popup-loading').waitFor({ state: 'detached', timeout: WAIT_MS });
  const file = path.join(OUT_DIR, 'popup.png');
  await popup.screenshot({ path: file, fullPage: true });
  await popup.close();
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean' } }, strict: true });
  ensureBrowsers();
  if (!values['skip-build']) buildSandboxExtension();
  const admin = userOf(scenario, scenario.consoleUserId);
  if (!admin) throw new Error(`The ${scenario.name} scenario has no console user`);

  const { sandbox, context, serviceWorker, extensionId } = await openSandboxBrowser({
    port: 0,
    scenario: scenario.name,
    headless: true,
  });
  try {
    mkdirSync(OUT_DIR, { recursive: true });
    await signIn(context, extensionId, admin);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.setViewportSize(CONSOLE_VIEWPORT);
    await page.goto(creativeCloudUrl(sandbox.shellUrl, scenario.aemOrg.tenant));
    await waitForCreativeCloudView(page);
    await waitForExtensionUi(page, true);
    const files = [await shootSwitcher(page), await shootNativePicker(page)];
    const tabId = await tabIdShowing(serviceWorker, sandbox.shellUrl);
    files.push(await shootPopup(page, `chrome-extension://${extensionId}/popup.html?tab=${tabId}`));
    for (const file of files) console.log(`Wrote ${path.relative(REPO_ROOT, file)}`);
  } finally {
    await context.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
