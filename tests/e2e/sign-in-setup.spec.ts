import { IMS_SCOPES } from '../../lib/ims/schemas';
import en from '../../locales/en.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { consoleUi, openConsoleApp } from './support/console-ui';
import { sandboxEnvironment } from './support/extension-environment';

// What IT needs to register the extension's IMS client, and what a user sees before they have.

test('options show the redirect URL of this browser and the scopes, and copy them for IT', async ({
  context,
  extensionId,
  sandbox,
  optionsPage,
}) => {
  const options = await optionsPage();
  const setup = options.getByRole('region', { name: en.optionsSignInSetupTitle });
  const redirectUrl = `https://${extensionId}.chromiumapp.org/`;
  await expect(setup.getByLabel(en.optionsRedirectUrl)).toHaveValue(redirectUrl);
  await expect(setup.getByLabel(en.optionsScopes)).toHaveValue(IMS_SCOPES.join(','));

  await setup.getByTestId('copy-redirect-url').click();
  await expect(setup.getByTestId('sign-in-setup-status')).toHaveText(en.optionsRedirectUrlCopied);
  // Extension pages cannot be granted clipboard-read; a sandbox page that may read it shows what was copied.
  await context.grantPermissions(['clipboard-read'], { origin: sandbox.shellUrl });
  const reader = await context.newPage();
  await reader.goto(sandbox.shellUrl);
  expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(redirectUrl);

  await setup.getByTestId('copy-scopes').click();
  await expect(setup.getByTestId('sign-in-setup-status')).toHaveText(en.optionsScopesCopied);
  expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(IMS_SCOPES.join(','));
});

test('signing in with no client ID configured says that IT must register one, and opens no window', async ({
  page,
  context,
  sandbox,
  setExtensionEnvironment,
}) => {
  await setExtensionEnvironment({ ...sandboxEnvironment(sandbox.apiBaseUrl), clientId: '' });
  const app = await openConsoleApp(page, sandbox);
  const pagesBefore = context.pages().length;
  await consoleUi(app).getByRole('button', { name: en.signIn }).click();
  await expect(consoleUi(app).getByRole('alert')).toContainText(en.errorNoClientId);
  expect(context.pages()).toHaveLength(pagesBefore);
  const authorizeRequests = (await sandbox.control<{ path: string }[]>('GET', 'requests')).filter((request) =>
    request.path.startsWith('/ims/authorize'),
  );
  expect(authorizeRequests).toEqual([]);
});
