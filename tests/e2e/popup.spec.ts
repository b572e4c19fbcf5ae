import { chromium } from '@playwright/test';
import en from '../../locales/en.json' with { type: 'json' };
import sv from '../../locales/sv.json' with { type: 'json' };
import { orgOf, SCENARIOS, userOf } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { chromiumArgsFor, extensionIdOf, extensionServiceWorker } from './support/chromium';
import { consoleUi, openConsoleApp } from './support/console-ui';
import { sandboxEnvironment, writeExtensionEnvironment } from './support/extension-environment';
import { issuedTokens, openPopupFor, seriousPageViolations, tabIdShowing } from './support/extension-pages';
import { BUILD_DIRS, CHROMIUM_PATH } from './support/paths';
import { signIn } from './support/sign-in';
import { chooseAccount, readExtensionStorage, waitForLoginPage } from './support/worker-client';
import { expectedConsole } from './support/worker-truth';

const acme = SCENARIOS.default;
const ada = userOf(acme, acme.consoleUserId);
const connectedAtStart = orgOf(acme, acme.initialConnection.orgId ?? '');
if (!ada || !connectedAtStart) throw new Error('The default scenario has a console admin and a connected org');

test('the popup goes from signed out to the signed-in identity and the console tab’s org and eligibility', async ({
  page,
  context,
  sandbox,
  consolePopup,
}) => {
  const app = await openConsoleApp(page, sandbox);
  await expect(consoleUi(app).getByRole('button', { name: en.signIn })).toBeVisible();
  const popup = await consolePopup();

  await expect(popup.getByTestId('status-signed-in')).toHaveText(en.popupNotSignedIn);
  await expect(popup.getByTestId('popup-tab-signed-out')).toHaveText(en.popupConsoleSignedOut);
  await expect(popup.getByTestId('popup-name')).toHaveCount(0);

  const loginPage = waitForLoginPage(context);
  await popup.getByRole('button', { name: en.signIn }).click();
  await chooseAccount(await loginPage, ada);

  await expect(popup.getByTestId('status-signed-in')).toHaveText(en.popupSignedIn);
  await expect(popup.getByTestId('popup-name')).toHaveText(ada.name);
  await expect(popup.getByTestId('popup-email')).toHaveText(`${ada.email[0]}•••@${ada.email.split('@')[1]}`);
  await expect(popup.getByTestId('popup-account-type')).toHaveText(en.accountEnterprise);
  await expect(popup.getByText(ada.email)).toHaveCount(0);
  await expect(popup.getByTestId('popup-aem-org')).toHaveText(acme.aemOrg.name);
  await expect(popup.getByTestId('popup-connected-org')).toHaveText(connectedAtStart.name);
  const truth = expectedConsole(acme, ada, await sandbox.control('GET', 'state'));
  await expect(popup.getByTestId('popup-summary')).toContainText(
    `${truth.summary.eligible} of ${truth.summary.total} orgs can be connected`,
  );
  await expect(popup.getByTestId('popup-read-only-mode')).toHaveText(en.popupOff);
  // The console page learnt of the sign-in too (the worker announced it).
  await expect(consoleUi(app).getByTestId('summary')).toBeVisible();

  await popup.getByRole('button', { name: en.popupSignOut }).click();
  await expect(popup.getByTestId('status-signed-in')).toHaveText(en.popupNotSignedIn);
  await expect(popup.getByTestId('popup-name')).toHaveCount(0);
});

test('the popup shows the cached console state at once and says so when the refresh fails', async ({
  sandbox,
  signedInConsole,
  consolePopup,
}) => {
  await signedInConsole();
  // From now on every fresh read fails: whatever the popup shows comes from the worker's cache.
  await sandbox.control('POST', 'faults', {
    method: 'GET',
    path: '/adobe/assets/settings/creative-cloud',
    status: 503,
    times: 0,
  });
  await sandbox.control('POST', 'faults', { method: 'GET', path: '/ims/profile/v1', status: 503, times: 0 });

  const popup = await consolePopup();

  await expect(popup.getByTestId('status-error')).toHaveText(en.errorServer);
  await expect(popup.getByTestId('popup-name')).toHaveText(ada.name);
  await expect(popup.getByTestId('popup-connected-org')).toHaveText(connectedAtStart.name);
});

test('a popup over a tab that is not a console points to the console', async ({
  context,
  extensionId,
  sandbox,
  serviceWorker,
}) => {
  await signIn(context, extensionId, ada);
  const other = await context.newPage();
  await other.goto(`${sandbox.apiBaseUrl}/__sandbox/health`);
  // A page the content script never reported from, named explicitly: the worker must not invent a console.
  const otherId = await tabIdShowing(serviceWorker, other.url());
  const popup = await openPopupFor(context, extensionId, otherId);

  await expect(popup.getByTestId('popup-name')).toHaveText(ada.name);
  await expect(popup.getByTestId('popup-not-console')).toContainText(en.popupNotConsole);
  await expect(popup.getByRole('link', { name: en.popupOpenConsole })).toHaveAttribute('href', sandbox.shellUrl);
  await expect(popup.getByRole('link', { name: en.popupOptions })).toHaveAttribute(
    'href',
    `chrome-extension://${extensionId}/options.html`,
  );
});

test('diagnostics copied from the popup contain no token the sandbox issued and no full e-mail', async ({
  page,
  context,
  sandbox,
  serviceWorker,
  signedInConsole,
  consolePopup,
}) => {
  await signedInConsole();
  // An error for the report's "last errors": a request the worker refuses.
  await sandbox.control('POST', 'faults', { method: 'GET', path: '/ims/profile/v1', status: 503, times: 0 });
  const popup = await consolePopup();
  await expect(popup.getByTestId('status-error')).toBeVisible();
  await sandbox.control('DELETE', 'faults');

  await popup.getByRole('button', { name: en.diagnosticsCopy }).click();
  await expect(popup.getByTestId('diagnostics-outcome')).toHaveText(en.diagnosticsCopied);
  // Extension pages cannot be granted clipboard-read; the clipboard is the browser's, so a
  // web page that may read it shows what was copied.
  await context.grantPermissions(['clipboard-read'], { origin: sandbox.shellUrl });
  await page.bringToFront();
  const copied = await page.evaluate(() => navigator.clipboard.readText());

  // The worker really holds one of the issued tokens: the check below compares against live secrets.
  const tokens = await issuedTokens(sandbox);
  const session = await readExtensionStorage(serviceWorker, 'session', 'imsSession');
  expect(tokens).toContain((session.imsSession as { accessToken: string }).accessToken);
  for (const token of tokens) expect(copied).not.toContain(token);
  expect(copied).not.toContain(ada.email);
  expect(copied).not.toContain(ada.name);
  expect(copied).toContain('# AEM Assets CC Org Switcher: diagnostics');
  expect(copied).toContain(`Signed in: yes (account type: enterprise)`);
  expect(copied).toContain(`Connected CC org: ${connectedAtStart.name} (${connectedAtStart.id})`);
  expect(copied).toMatch(/\| SERVER_ERROR \| getPopupState \|/);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the popup (${colorScheme})`, async ({
    extensionId,
    signedInConsole,
    consolePopup,
  }) => {
    await signedInConsole();
    const popup = await consolePopup();
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByTestId('popup-summary')).toBeVisible();
    expect(await seriousPageViolations(popup)).toEqual([]);

    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('status-version')).toBeVisible();
    expect(await seriousPageViolations(popup), 'no console tab').toEqual([]);
  });
}

test('the popup speaks Swedish in a Swedish browser and follows dark mode', async ({ sandbox }) => {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgsFor(BUILD_DIRS.chromeSandbox),
    locale: 'sv-SE',
    colorScheme: 'dark',
  });
  try {
    const worker = await extensionServiceWorker(context);
    await writeExtensionEnvironment(worker, sandboxEnvironment(sandbox.apiBaseUrl));
    const popup = await openPopupFor(context, extensionIdOf(worker));

    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(sv.popupTitle);
    await expect(popup.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(popup.getByTestId('status-signed-in')).toHaveText(sv.popupNotSignedIn);
    await expect(popup.getByRole('button', { name: sv.signIn })).toBeVisible();
    await expect(popup.getByRole('button', { name: sv.diagnosticsCopy })).toBeVisible();
    const background = await popup.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    // Dark: Spectrum's dark background, not the light one.
    expect(Math.max(red, green, blue)).toBeLessThan(80);
    expect(await seriousPageViolations(popup)).toEqual([]);
  } finally {
    await context.close();
  }
});
