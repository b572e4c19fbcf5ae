import type { Page } from '@playwright/test';
import { SANDBOX_CLIENT_ID } from '../../lib/environment';
import en from '../../locales/en.json' with { type: 'json' };
import sv from '../../locales/sv.json' with { type: 'json' };
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { startSandbox } from '../../sandbox/server';
import { matrixCaseStarted } from '../support/matrix';
import { expect, type SandboxFixture, test } from './fixtures';
import { switchFromExtensionPage } from './steps';
import { appliedChanges } from './support/attack-surfaces';
import { axeOn, seriousViolationsIn } from './support/axe';
import { launchChromiumWithExtension } from './support/chromium';
import { consoleUi } from './support/console-ui';
import { allowSiteOnExtensionsPage } from './support/custom-console-host';
import type { ChromiumGlobals } from './support/extension-apis';
import { readProtectedSetting, writeProtectedSetting } from './support/extension-environment';
import { clientIdField, environmentSelect, openOptions, readOnlyCheckbox } from './support/options-page';
import { BUILD_DIRS } from './support/paths';
import { sandboxControl } from './support/sandbox-control';
import { signIn } from './support/sign-in';
import { readExtensionStorage } from './support/worker-client';

// The options page as a user meets it: environment and client ID with inline validation,
// read-only mode, clear all data, a corrupted stored setting; accessible, localized, dark.

const acme = SCENARIOS.default;
const ada = userOf(acme, acme.consoleUserId);
const design = acme.orgs.find((org) => org.name === 'Acme Design Studio');
if (!ada || !design) throw new Error('The default scenario has a console admin and Acme Design Studio');

test('a custom environment pointed at another sandbox signs out, then signs in and shows that sandbox', async ({
  context,
  extensionId,
  sandbox,
  signedInConsole,
  workerClient,
  optionsPage,
}) => {
  const other = await startSandbox({ port: 0 });
  try {
    // Only the other sandbox has Design connected: what the console shows proves where it came from.
    await sandboxControl(other.apiBaseUrl)('POST', 'connection', { orgId: design.id });
    await signIn(context, extensionId, ada);
    const options = await optionsPage();
    await environmentSelect(options).selectOption('custom');
    await options.getByLabel(en.optionsImsBaseUrl).fill(other.apiBaseUrl);
    await options.getByLabel(en.optionsAssetsBaseUrl).fill(`${other.apiBaseUrl}/`);
    await options.getByRole('button', { name: en.optionsSave }).click();
    await expect(options.getByTestId('environment-status')).toHaveText(en.optionsSavedSignedOut);
    await expect(options.getByTestId('endpoints-in-force')).toContainText(other.apiBaseUrl);

    const client = await workerClient();
    expect(await client.data({ type: 'getStatus' })).toMatchObject({ environment: 'custom', signedIn: false });
    await client.page.close();
    expect(await revokedAtIms(sandbox.control)).toBe(true);
    await sandbox.control('DELETE', 'requests');

    const app = await signedInConsole();
    await expect(consoleUi(app)).toContainText(design.name);
    const pathsOf = async (control: SandboxFixture['control']) =>
      (await control<{ path: string }[]>('GET', 'requests')).map((request) => request.path.split('?')[0]);
    expect(await pathsOf(sandboxControl(other.apiBaseUrl))).toEqual(
      expect.arrayContaining(['/ims/token/v3', '/ims/organizations/v6', '/adobe/assets/settings/creative-cloud']),
    );
    // The first sandbox still serves the console page, but the extension no longer signs in there.
    expect(await pathsOf(sandbox.control)).not.toContain('/ims/token/v3');
  } finally {
    await other.close();
  }
});

test('refuses invalid base URLs and client IDs with messages tied to their fields, and saves nothing', async ({
  context,
  extensionId,
  serviceWorker,
  optionsPage,
}) => {
  const options = await optionsPage();
  const before = await readProtectedSetting(serviceWorker, 'environment');
  await environmentSelect(options).selectOption('custom');
  const ims = options.getByLabel(en.optionsImsBaseUrl);
  const assets = options.getByLabel(en.optionsAssetsBaseUrl);
  await ims.fill('http://ims.example.com');
  await assets.fill('https://api.example.com/adobe');
  await clientIdField(options).fill('has spaces in it');
  await options.getByRole('button', { name: en.optionsSave }).click();

  await expect(ims).toHaveAttribute('aria-invalid', 'true');
  await expect(ims).toHaveAccessibleDescription(containing(en.optionsErrorUrlInsecure));
  await expect(assets).toHaveAccessibleDescription(containing(en.optionsErrorUrlPath));
  await expect(clientIdField(options)).toHaveAccessibleDescription(containing(en.optionsErrorClientId));
  await expect(options.getByTestId('environment-status')).toHaveText('');
  expect(await readProtectedSetting(serviceWorker, 'environment')).toEqual(before);

  // Fixing the fields clears the messages; the save asks the browser for both hosts (granted
  // as a user would, see HARNESS.md) and goes through.
  const hosts = ['https://ims.example.com/*', 'https://api.example.com/*'];
  const siteAccess = await allowSiteOnExtensionsPage(context, extensionId, ...hosts);
  await ims.fill('https://ims.example.com');
  await assets.fill('https://api.example.com');
  await clientIdField(options).fill('it-client');
  await options.getByRole('button', { name: en.optionsSave }).click();
  await expect(options.getByTestId('environment-status')).toHaveText(en.optionsSaved);
  await siteAccess.restore();
  const granted = await serviceWorker.evaluate(
    (origins) => (globalThis as ChromiumGlobals).chrome?.permissions?.contains({ origins }),
    hosts,
  );
  expect(granted, 'the worker may call the custom hosts').toBe(true);
  await expect(ims).not.toHaveAttribute('aria-invalid');
  expect(await readProtectedSetting(serviceWorker, 'environment')).toEqual({
    version: 1,
    value: {
      name: 'custom',
      clientId: 'it-client',
      baseUrls: { imsBaseUrl: 'https://ims.example.com', assetsBaseUrl: 'https://api.example.com' },
    },
  });
  // Nothing of it where a content script could read or rewrite it.
  expect(await readExtensionStorage(serviceWorker, 'local')).toEqual({});
});

test('read-only set in options hides every switch control on the console, and the worker refuses switchOrg', async ({
  sandbox,
  signedInConsole,
  workerClient,
  optionsPage,
}) => {
  const app = await signedInConsole();
  const ui = consoleUi(app);
  await expect(ui.getByRole('button', { name: en.openSwitcher })).toBeVisible();

  const options = await optionsPage();
  await readOnlyCheckbox(options).check();
  await expect(options.getByTestId('read-only-status')).toHaveText(en.optionsSaved);

  // The open console tab follows at once: status and badges only.
  await expect(ui.getByTestId('read-only')).toHaveText(en.readOnly);
  await expect(ui.getByRole('button', { name: en.openSwitcher })).toHaveCount(0);
  await expect(ui.getByRole('combobox')).toHaveCount(0);
  await expect(ui.getByRole('button', { name: /switch/i })).toHaveCount(0);

  const answer = await switchFromExtensionPage(await workerClient(), sandbox, design.id);
  expect(answer).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  expect(await appliedChanges(sandbox)).toBe(0);

  await readOnlyCheckbox(options).uncheck();
  await expect(ui.getByRole('button', { name: en.openSwitcher })).toBeVisible();
});

test('a corrupted stored setting shows a notice and the default, and saving replaces it', async ({
  serviceWorker,
  optionsPage,
}) => {
  await writeProtectedSetting(serviceWorker, 'environment', { name: 'moon', clientId: 7 });
  await writeProtectedSetting(serviceWorker, 'readOnly', 'sometimes');
  const options = await optionsPage();
  await expect(options.getByTestId('corrupted-environment')).toHaveText(en.optionsCorruptedEnvironment);
  await expect(options.getByTestId('corrupted-read-only')).toHaveText(en.optionsCorruptedReadOnly);
  await expect(environmentSelect(options)).toHaveValue('sandbox');
  await expect(clientIdField(options)).toHaveValue(SANDBOX_CLIENT_ID);
  await expect(readOnlyCheckbox(options)).not.toBeChecked();

  await options.getByRole('button', { name: en.optionsSave }).click();
  await expect(options.getByTestId('environment-status')).toHaveText(en.optionsSaved);
  await expect(options.getByTestId('corrupted-environment')).toHaveCount(0);
  await expect(options.getByTestId('corrupted-read-only')).toBeVisible();
});

test('IMS and Assets URLs moved from an earlier release wait for the admin: a notice, no sign-in, Save confirms them', async ({
  serviceWorker,
  optionsPage,
  workerClient,
}) => {
  const matrixCase = matrixCaseStarted('attack', 'moved custom URLs: no sign-in until the admin saves them in options');
  // As the update from a release that kept settings in storage.local leaves a custom environment.
  await writeProtectedSetting(serviceWorker, 'environmentToConfirm', true);
  const options = await optionsPage();
  await expect(options.getByTestId('environment-to-confirm')).toHaveText(en.optionsEnvironmentToConfirm);
  const client = await workerClient();
  expect(await client.send({ type: 'signIn', chooseAccount: false })).toMatchObject({
    ok: false,
    error: { code: 'ENVIRONMENT_UNCONFIRMED' },
  });

  await options.getByRole('button', { name: en.optionsSave }).click();
  await expect(options.getByTestId('environment-status')).toHaveText(en.optionsSaved);
  await expect(options.getByTestId('environment-to-confirm')).toHaveCount(0);
  expect(await readProtectedSetting(serviceWorker, 'environmentToConfirm')).toBeNull();
  matrixCase.passed({ tokensFound: 0 });
});

test('clear all data asks first, then signs out and forgets every setting', async ({
  context,
  extensionId,
  sandbox,
  serviceWorker,
  optionsPage,
}) => {
  await signIn(context, extensionId, ada);
  const options = await optionsPage();
  await readOnlyCheckbox(options).check();
  await expect(options.getByTestId('read-only-status')).toHaveText(en.optionsSaved);

  const opener = options.getByRole('button', { name: en.optionsClearButton });
  await opener.click();
  const dialog = options.getByRole('dialog', { name: en.optionsClearConfirmTitle });
  await expect(dialog).toContainText(en.optionsClearConfirmBody);
  await dialog.getByRole('button', { name: en.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect(await readProtectedSetting(serviceWorker, 'readOnly')).toEqual({ version: 1, value: true });

  await opener.click();
  await dialog.getByRole('button', { name: en.optionsClearConfirm }).click();
  await expect(options.getByTestId('clear-status')).toHaveText(en.optionsCleared);
  await expect(readOnlyCheckbox(options)).not.toBeChecked();
  expect(await readExtensionStorage(serviceWorker, 'local')).toEqual({});
  expect(await readProtectedSetting(serviceWorker, 'readOnly')).toBeNull();
  expect(await readProtectedSetting(serviceWorker, 'environment')).toBeNull();
  expect(await readExtensionStorage(serviceWorker, 'session')).toEqual({});
  expect(await revokedAtIms(sandbox.control)).toBe(true);
});

/** Serious and critical axe violations on an extension page. */
async function seriousViolations(page: Page) {
  const results = await axeOn(page);
  expect(results.passes.length).toBeGreaterThan(0);
  return seriousViolationsIn(results);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations on options, with errors and the dialog showing (${colorScheme})`, async ({
    page,
    extensionId,
  }) => {
    await page.emulateMedia({ colorScheme });
    await openOptions(page.context(), extensionId, page);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    // Dark mode really is dark: the page background follows the colour scheme.
    const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
    expect(colorScheme === 'dark' ? r + g + b < 300 : r + g + b > 600, background).toBe(true);
    expect(await seriousViolations(page), 'page').toEqual([]);

    await environmentSelect(page).selectOption('custom');
    await page.getByLabel(en.optionsImsBaseUrl).fill('');
    await page.getByRole('button', { name: en.optionsSave }).click();
    await expect(page.getByLabel(en.optionsImsBaseUrl)).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page), 'inline errors').toEqual([]);

    await page.getByRole('button', { name: en.optionsClearButton }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page), 'confirmation').toEqual([]);
  });
}

test('options speak the browser language (Swedish)', async () => {
  const launched = await launchChromiumWithExtension({
    extensionDir: BUILD_DIRS.chromeSandbox,
    headless: true,
    locale: 'sv-SE',
  });
  try {
    const options = await openOptions(launched.context, launched.extensionId);
    await expect(options.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText(sv.optionsTitle);
    await expect(options).toHaveTitle(sv.optionsTitle);
    await expect(options.getByRole('combobox', { name: sv.optionsEnvironmentLabel })).toBeVisible();
    await expect(options.getByRole('checkbox', { name: sv.optionsReadOnlyLabel })).toBeVisible();
    await expect(options.getByRole('button', { name: sv.optionsClearButton })).toBeVisible();
  } finally {
    await launched.context.close();
  }
});

/** Sign-out revokes the token at the IMS that issued it (`/ims/revoke` or `/ims/logout/v1`). */
async function revokedAtIms(control: SandboxFixture['control']): Promise<boolean> {
  const paths = (await control<{ path: string }[]>('GET', 'requests')).map((request) => request.path);
  return paths.some((path) => path.startsWith('/ims/revoke') || path.startsWith('/ims/logout/v1'));
}

/** A pattern that matches `text` anywhere (descriptions join the error, the hint and any policy note). */
function containing(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
