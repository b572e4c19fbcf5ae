import type { Page } from '@playwright/test';
import { CUSTOM_HOST_SCRIPT_PREFIX } from '../../lib/console-hosts';
import en from '../../locales/en.json' with { type: 'json' };
import sv from '../../locales/sv.json' with { type: 'json' };
import { SCENARIOS } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { axeOn, seriousViolationsIn } from './support/axe';
import { contentScriptSender } from './support/content-script-sender';
import { detectorStarts } from './support/content-scripts';
import { allowSiteOnExtensionsPage, serveSandboxConsoleAt } from './support/custom-console-host';
import type { ChromiumGlobals } from './support/extension-apis';
import { writeProtectedSetting } from './support/extension-environment';

// Options › Console hosts: a console on a host the build does not match (served from the
// sandbox through context.route) gets the extension only while the admin's host is added.
const CUSTOM_ORIGIN = 'https://aem-custom.test';
const CUSTOM_PATTERN = `${CUSTOM_ORIGIN}/*`;
const tenant = SCENARIOS.default.aemOrg.tenant;
// The app on its own: on a custom host its top-level page is the console (a shell host).
const consoleUrl = `${CUSTOM_ORIGIN}/app/?lang=sv#/settings/creative-cloud`;
const getConsoleState = { type: 'getConsoleState', console: { tenant }, freshness: 'fresh' };
const fill = (text: string, host: string) => text.replace('{host}', host);

async function seriousViolations(page: Page) {
  const results = await axeOn(page, '[data-testid="console-hosts"]');
  expect(results.passes.length).toBeGreaterThan(0);
  return seriousViolationsIn(results);
}

test('adding a custom console host injects the extension there; removing it takes it away again', async ({
  context,
  extensionId,
  hasContentScript,
  page,
  sandbox,
  serviceWorker,
}) => {
  await serveSandboxConsoleAt(context, CUSTOM_ORIGIN, sandbox.appOrigin);
  const nativeSwitch = page.getByRole('button', { name: 'Switch orgs' });

  // Before: the console renders on the custom host, without the extension.
  await page.goto(consoleUrl);
  await expect(nativeSwitch).toBeVisible();
  expect(await hasContentScript(page.mainFrame())).toBe(false);
  expect(await detectorStarts(page, page.mainFrame(), extensionId)).toBe(0);
  await expect(page.getByTestId('console-ui')).toHaveCount(0);

  // The options page refuses what is not a plain origin, inline and without asking the browser.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByTestId('console-hosts');
  const address = section.getByLabel(en.hostsAddLabel);
  const add = section.getByRole('button', { name: en.hostsAdd });
  await address.fill(`${CUSTOM_ORIGIN}/assets`);
  await add.click();
  await expect(section.getByRole('alert')).toHaveText(en.hostsErrorHasPath);
  await address.fill('https://experience.adobe.com');
  await add.click();
  await expect(section.getByRole('alert')).toHaveText(fill(en.hostsErrorBuiltIn, 'https://experience.adobe.com'));
  // The hosts the worker sends tokens to, refused by the same rule as policy.
  await address.fill('https://author-p1-e2.adobeaemcloud.com');
  await add.click();
  await expect(section.getByRole('alert')).toHaveText(
    fill(en.hostsErrorReserved, 'https://author-p1-e2.adobeaemcloud.com'),
  );
  await expect(section.getByText(en.hostsNone)).toBeVisible();

  // Add: the click asks the browser for this one host (granted as the user would, see HARNESS.md).
  const siteAccess = await allowSiteOnExtensionsPage(context, extensionId, CUSTOM_PATTERN);
  await address.fill(CUSTOM_ORIGIN);
  await add.click();
  await expect(section.getByTestId('hosts-status')).toHaveText(fill(en.hostsAdded, CUSTOM_ORIGIN));
  await siteAccess.restore();
  const entry = section.locator(`li[data-host="${CUSTOM_ORIGIN}"]`);
  await expect(entry.getByTestId('host-status')).toHaveText(en.hostsStatusActive);
  await expect(section.getByRole('alert')).toHaveCount(0);

  const worker = {
    granted: () =>
      serviceWorker.evaluate(
        (origin) => (globalThis as ChromiumGlobals).chrome?.permissions?.contains({ origins: [origin] }),
        CUSTOM_PATTERN,
      ),
    registered: () =>
      serviceWorker.evaluate(
        async (prefix) =>
          (await (globalThis as ChromiumGlobals).chrome?.scripting?.getRegisteredContentScripts())
            ?.filter((script) => script.id.startsWith(prefix))
            .map(({ matches, allFrames, runAt }) => ({ matches, allFrames, runAt })),
        CUSTOM_HOST_SCRIPT_PREFIX,
      ),
  };
  expect(await worker.granted()).toBe(true);
  await expect
    .poll(worker.registered)
    .toEqual([{ matches: [CUSTOM_PATTERN], allFrames: true, runAt: 'document_idle' }]);

  // After adding: the content script runs there, speaks the console's language and the worker answers it.
  await page.reload();
  await expect(page.getByTestId('console-ui').getByRole('heading', { name: sv.panelTitle })).toBeVisible();
  expect(await hasContentScript(page.mainFrame())).toBe(true);
  expect(await detectorStarts(page, page.mainFrame(), extensionId)).toBe(1);
  const contentScript = await contentScriptSender(page, extensionId);
  expect(await contentScript.send(getConsoleState)).toEqual({ ok: true, data: { signedIn: false } });
  // The worker's broadcasts reach console tabs on the custom host too.
  await contentScript.listen();
  await options.evaluate(() => (globalThis as ChromiumGlobals).chrome?.runtime.sendMessage({ type: 'signOut' }));
  await expect.poll(() => contentScript.received()).toContainEqual({ event: 'stateChanged', reason: 'signedOut' });

  // Remove: the list, the permission and the registration go; the worker refuses that origin at once.
  await section.getByRole('button', { name: fill(en.hostsRemoveLabel, CUSTOM_ORIGIN) }).click();
  await expect(section.getByTestId('hosts-status')).toHaveText(fill(en.hostsRemoved, CUSTOM_ORIGIN));
  await expect(section.getByText(en.hostsNone)).toBeVisible();
  expect(await worker.granted()).toBe(false);
  await expect.poll(worker.registered).toEqual([]);
  expect(await contentScript.send(getConsoleState)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN_SENDER' },
  });
  await contentScript.close();

  // After removing: a reload brings the console back without the extension.
  await page.reload();
  await expect(nativeSwitch).toBeVisible();
  expect(await detectorStarts(page, page.mainFrame(), extensionId)).toBe(0);
  await expect(page.getByTestId('console-ui')).toHaveCount(0);
});

test('a host whose access is revoked in the browser shows "permission missing" and loses its script until allowed again', async ({
  context,
  extensionId,
  page,
  sandbox,
  serviceWorker,
}) => {
  await serveSandboxConsoleAt(context, CUSTOM_ORIGIN, sandbox.appOrigin);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByTestId('console-hosts');
  const siteAccess = await allowSiteOnExtensionsPage(context, extensionId, CUSTOM_PATTERN);
  await section.getByLabel(en.hostsAddLabel).fill(CUSTOM_ORIGIN);
  await section.getByRole('button', { name: en.hostsAdd }).click();
  const entry = section.locator(`li[data-host="${CUSTOM_ORIGIN}"]`);
  await expect(entry.getByTestId('host-status')).toHaveText(en.hostsStatusActive);
  await siteAccess.restore();

  // The user takes the site away on chrome://extensions (Site access), not through our options.
  const settings = await context.newPage();
  await settings.goto(`chrome://extensions/?id=${extensionId}`);
  await settings.evaluate(
    ({ id, pattern }) =>
      (
        globalThis as { chrome?: { developerPrivate?: { removeHostPermission(i: string, p: string): Promise<void> } } }
      ).chrome?.developerPrivate?.removeHostPermission(id, pattern),
    { id: extensionId, pattern: CUSTOM_PATTERN },
  );
  await expect(entry.getByTestId('host-status')).toHaveText(en.hostsStatusPermissionMissing);
  const regrant = entry.getByRole('button', { name: fill(en.hostsRegrantLabel, CUSTOM_ORIGIN) });
  await expect(regrant).toBeVisible();
  // The section in its busiest state (an inline error, a missing permission) in light and dark.
  await section.getByLabel(en.hostsAddLabel).fill('http://aem.example.com');
  await section.getByRole('button', { name: en.hostsAdd }).click();
  await expect(section.getByRole('alert')).toHaveText(en.hostsErrorNotHttps);
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    expect(await seriousViolations(options), colorScheme).toEqual([]);
  }
  const registered = () =>
    serviceWorker.evaluate(async () =>
      ((await (globalThis as ChromiumGlobals).chrome?.scripting?.getRegisteredContentScripts()) ?? []).map(
        (script) => script.matches,
      ),
    );
  await expect.poll(registered).toEqual([]);
  await page.goto(consoleUrl);
  await expect(page.getByRole('button', { name: 'Switch orgs' })).toBeVisible();
  expect(await detectorStarts(page, page.mainFrame(), extensionId)).toBe(0);

  // Allowed again in the browser (the same Site access page): options and the worker follow on their own.
  const again = await allowSiteOnExtensionsPage(context, extensionId, CUSTOM_PATTERN);
  await again.restore();
  await expect(entry.getByTestId('host-status')).toHaveText(en.hostsStatusActive);
  await expect(regrant).toHaveCount(0);
  await expect.poll(registered).toEqual([[CUSTOM_PATTERN]]);
  await page.reload();
  await expect(page.getByTestId('console-ui').getByRole('heading', { name: sv.panelTitle })).toBeVisible();
});

test('an unreadable stored host list shows a notice and an empty list, and adding starts it afresh', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await writeProtectedSetting(serviceWorker, 'customConsoleHosts', 'https://aem.example.com');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByTestId('console-hosts');
  await expect(section.getByTestId('hosts-corrupted')).toHaveText(en.hostsCorrupted);
  await expect(section.getByText(en.hostsNone)).toBeVisible();
  await expect(section.getByTestId('hosts-built-in').getByRole('listitem')).toHaveText([
    'https://experience.adobe.com',
    'https://exc-unifiedcontent.experience.adobe.net',
    'https://exc-unifiedcontent.experience-stage.adobe.net',
    'http://127.0.0.1',
    'http://localhost',
  ]);

  const siteAccess = await allowSiteOnExtensionsPage(context, extensionId, CUSTOM_PATTERN);
  await section.getByLabel(en.hostsAddLabel).fill(CUSTOM_ORIGIN);
  await section.getByRole('button', { name: en.hostsAdd }).click();
  await expect(section.locator(`li[data-host="${CUSTOM_ORIGIN}"]`)).toBeVisible();
  await siteAccess.restore();
  await expect(section.getByTestId('hosts-corrupted')).toHaveCount(0);
});
