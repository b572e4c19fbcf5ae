import type { BrowserContext, Frame, Page } from '@playwright/test';
import { ERROR_MESSAGES } from '../../../components/shared/messages';
import en from '../../../locales/en.json' with { type: 'json' };
import type { ScenarioUser } from '../../../sandbox/scenarios';
import { expect, type SandboxFixture } from '../fixtures';
import { appFrameOf, consoleUi, shownOrgs } from './console-ui';
import type { Shown } from './fault-cases';
import { watchUnhandledErrors } from './unhandled-errors';
import { chooseAccount } from './worker-client';
import type { SandboxConnectionTruth } from './worker-truth';

/**
 * The steps every fault-matrix case shares: open the console as the admin sees it, pick an
 * org, check what the UI shows against the translated messages and the sandbox's state.
 */

export interface SandboxState extends SandboxConnectionTruth {
  appliedChanges: number;
  /** Changes made by "another admin" (the concurrent-admin scenario). */
  externalChanges: number;
}

export const sandboxState = (sandbox: SandboxFixture) => sandbox.control<SandboxState>('GET', 'state');
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
const timeOf = (iso: string) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(new Date(iso));

/**
 * Opens (or reloads) the console and waits for our UI to show the worker's state. With
 * `signInAs`, the UI first offers "Sign in with Adobe" and the admin signs in from it.
 */
export async function consoleShowsState(
  page: Page,
  sandbox: SandboxFixture,
  tenant: string,
  signInAs?: ScenarioUser,
): Promise<Frame> {
  await page.goto(sandbox.creativeCloudUrl(tenant));
  const app = await appFrameOf(page, sandbox);
  if (signInAs) {
    // IMS may still know the browser and answer without showing its login page.
    const pickAccount = (loginPage: Page) =>
      void loginPage
        .waitForURL(/\/ims\/authorize\/v2/)
        .then(() => chooseAccount(loginPage, signInAs))
        .catch(() => {});
    page.context().on('page', pickAccount);
    await consoleUi(app).getByRole('button', { name: en.signIn }).click();
    await expect(consoleUi(app).getByTestId('summary')).toBeVisible({ timeout: 20_000 });
    page.context().off('page', pickAccount);
  }
  // A thousand orgs behind a slow organizations call take a while on a cold start.
  await expect(consoleUi(app).getByTestId('summary')).toBeVisible({ timeout: 20_000 });
  return app;
}

/** The first org the switcher offers as eligible with CC active: the one the admin picks (the console accepts it). */
export async function pickEligible(app: Frame): Promise<{ id: string; name: string }> {
  const ui = consoleUi(app);
  await ui.getByRole('button', { name: en.openSwitcher }).click();
  await expect(ui.getByRole('option').first()).toBeVisible();
  const eligible = (await shownOrgs(app)).find((org) => !org.disabled && org.badges.includes('ccActive'));
  if (!eligible) throw new Error('The scenario offers no eligible org to switch to');
  await ui
    .getByRole('option')
    .filter({ has: app.getByText(eligible.name, { exact: true }) })
    .click();
  return { id: eligible.orgId, name: eligible.name };
}

export async function expectShown(app: Frame, shown: Shown, target: { name: string }, sandbox: SandboxFixture) {
  const ui = consoleUi(app);
  if ('verified' in shown) {
    await expect(ui.getByTestId('progress')).toHaveText(fill(en.verified, { org: target.name }), { timeout: 30_000 });
    return;
  }
  if ('connectedUpdates' in shown) {
    await expect(ui.getByTestId('connected-org')).toContainText(target.name, { timeout: 15_000 });
    return;
  }
  const message = ui.getByTestId('error').locator(`[data-error-code="${shown.error}"]`);
  await expect(message).toBeVisible({ timeout: 30_000 });
  const state = await sandboxState(sandbox);
  const text = fill(en[ERROR_MESSAGES[shown.error]], {
    org: state.connectedOrg?.name ?? en.noConnectedOrg,
    time: timeOf(state.updatedAt),
  });
  await expect(message).toContainText(text);
}

/** Unhandled errors in the console's pages and app frame (both worlds) and in our worker. */
export function watchConsoleAndWorker(context: BrowserContext, sandbox: SandboxFixture, extensionId: string) {
  const watched = [sandbox.shellUrl, sandbox.appOrigin, `chrome-extension://${extensionId}/`];
  return watchUnhandledErrors(context, (url) => watched.some((origin) => url.startsWith(origin)));
}
