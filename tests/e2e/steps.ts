import type { Frame, Page } from '@playwright/test';
import { CONSOLE_PROFILE_SOURCE } from '../../lib/console-page/profile';
import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS } from '../../sandbox/scenarios';
import { expect, type SandboxFixture } from './fixtures';
import { appliedChanges } from './support/attack-surfaces';
import { consoleUi } from './support/console-ui';
import type { WorkerClient } from './support/worker-client';

/**
 * Steps several specs take the same way. Signing in and opening the console is the
 * `signedInConsole` fixture (fixtures.ts); orgs by name are `orgNamed` (tests/support).
 */

/** Opens our switcher on the console page and waits for its list. */
export async function openSwitcherList(app: Frame): Promise<void> {
  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await expect(ui.getByRole('option').first()).toBeVisible();
}

/**
 * The worker's answer to a switchOrg an extension page sends for the default console, from
 * the connection the scenario starts with: the check behind a control the UI hides or disables.
 */
export function switchFromExtensionPage(
  client: WorkerClient,
  sandbox: SandboxFixture,
  orgId: string,
): Promise<unknown> {
  return client.send({
    type: 'switchOrg',
    console: sandbox.consoleIdentity(),
    orgId,
    expectedCurrentOrgId: SCENARIOS.default.initialConnection.orgId,
  });
}

/**
 * The console's own Switch button is on the view, and so is our UI, which brings the native
 * guard: the worker injects it once the view is recognised.
 */
export async function nativeViewReady(app: Frame): Promise<Frame> {
  const labels = CONSOLE_PROFILE_SOURCE.labels.en;
  await expect(app.getByRole('button', { name: labels.switchButton, exact: true })).toBeVisible();
  await expect(consoleUi(app)).toBeVisible();
  return app;
}

/**
 * With an org without CC picked in the native picker: Tab to the console's Switch button and
 * press Enter. The guard names the missing CC, Escape closes it, and nothing was applied.
 */
export async function keyboardSwitchIsGuarded(page: Page, app: Frame, sandbox: SandboxFixture): Promise<void> {
  await page.keyboard.press('Tab');
  const labels = CONSOLE_PROFILE_SOURCE.labels.en;
  await expect(app.getByRole('button', { name: labels.switchButton, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: en.guardTitle });
  await expect(dialog).toContainText(en.reasonNoCc);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await appliedChanges(sandbox)).toBe(0);
}
