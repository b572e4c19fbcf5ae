import type { FrameLocator, Locator, Page } from '@playwright/test';
import { CONSOLE_UI_TAG } from '../components/console/ui-tag';

/**
 * The sandbox console's Settings > Creative Cloud as `npm start` and `npm run screenshots` show
 * it: wait for what a person would wait for (the console's data, then the extension's UI), never
 * for a fixed time. Selectors do not depend on the UI language (`--lang`).
 */

const WAIT_MS = 20_000;

/** The Assets app, which the shell loads in its iframe from the second origin. */
export const assetsApp = (page: Page): FrameLocator => page.frameLocator('iframe');

/** The extension's panel inside its custom element (the sandbox build's shadow root is open). */
export const extensionPanel = (page: Page): Locator =>
  assetsApp(page).locator(CONSOLE_UI_TAG).getByTestId('console-ui');

/** The console loads asynchronously inside its iframe: wait for its data, not just the page. */
export async function waitForCreativeCloudView(page: Page): Promise<void> {
  const app = assetsApp(page);
  await app.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
  await app
    .locator('[aria-busy="true"], [role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: WAIT_MS });
}

/**
 * The extension's UI once it shows the worker's answer: who is signed in, or the Sign in
 * button. The worker injects the UI only after the detector recognised the view, so this comes
 * after the console's own content.
 */
export async function waitForExtensionUi(page: Page, signedIn: boolean): Promise<void> {
  const panel = extensionPanel(page);
  await (signedIn ? panel.getByTestId('identity') : panel.locator('button.primary')).waitFor({ timeout: WAIT_MS });
}

/**
 * On a console in a language the extension has no labels for, the view is found by structure and
 * the UI stays hidden until the console's own picker has shown the user's orgs: open it once and
 * close it again, as an admin would (docs/ARCHITECTURE.md#console-hosts-and-detection).
 */
export async function confirmViewFoundByStructure(page: Page): Promise<void> {
  const app = assetsApp(page);
  await app.locator('[data-cc-switcher-slot]').waitFor({ state: 'attached', timeout: WAIT_MS });
  if (await extensionPanel(page).isVisible()) return;
  await app.locator('button[aria-haspopup="listbox"]').first().click({ timeout: WAIT_MS });
  await extensionPanel(page).waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Escape');
}

/**
 * The first time a console names its author host, the extension asks the admin to trust it
 * (docs/ARCHITECTURE.md#author-host-binding): press *Trust this AEM environment* as they would.
 */
async function trustAuthorHostIfAsked(panel: Locator): Promise<void> {
  const opener = panel.locator('[aria-controls="org-switcher"]');
  const trust = panel.locator('[data-testid="author-host-confirm"] button');
  await opener.or(trust).first().waitFor({ timeout: WAIT_MS });
  if (await trust.isVisible()) await trust.click({ timeout: WAIT_MS });
}

/** Opens the extension's switcher (trusting the sandbox's author host first) and waits until its orgs show their badges. */
export async function openSwitcherWithBadges(page: Page): Promise<void> {
  const panel = extensionPanel(page);
  await trustAuthorHostIfAsked(panel);
  await panel.locator('[aria-controls="org-switcher"]').click({ timeout: WAIT_MS });
  await panel.locator('#org-switcher [role="option"] [data-badge]').first().waitFor({ timeout: WAIT_MS });
  // The console scrolls inside its iframe, so bring the list, not only its search field, into the window.
  await panel.locator('#org-switcher [role="listbox"]').scrollIntoViewIfNeeded();
}
