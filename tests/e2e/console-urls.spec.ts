import { ASSETS_PATHS } from '../../lib/assets/schemas';
import en from '../../locales/en.json' with { type: 'json' };
import type { LoggedRequest } from '../../sandbox/request-log';
import { SCENARIOS, userOf } from '../../sandbox/scenarios';
import { expect, test } from './fixtures';
import { appFrameOf, consoleUi } from './support/console-ui';
import { contentScriptSender } from './support/content-script-sender';
import { bindSandboxAuthorHost } from './support/extension-environment';
import { signIn } from './support/sign-in';

// The console's real URLs (docs/ARCHITECTURE.md#console-hosts-and-detection): the shell names the console by tenant or by AEM org id
// and the AEM author host in `?repoId=`/`?repo=`; the app frame's own URL names neither. The
// worker reads the tab's URL itself, and calls the Assets API on that author host.

const acme = SCENARIOS.default;
const ada = userOf(acme, acme.consoleUserId);
if (!ada) throw new Error('The default scenario has a console admin');

/**
 * The extension worker's calls to the Assets API. The console page reads the connection too (from
 * its own origin, with the same headers), but only the worker asks who the console user is.
 */
const workerAssetsRequests = async (sandbox: { control: <T>(method: 'GET', path: string) => Promise<T> }) =>
  (await sandbox.control<LoggedRequest[]>('GET', 'requests')).filter((entry) => entry.path === ASSETS_PATHS.me);

test.describe('the console as its URL names it', () => {
  for (const form of ['tenant', 'org id'] as const) {
    test(`the ${form} form shows the UI with the console's AEM org, and the app frame's URL names no tenant`, async ({
      context,
      extensionId,
      page,
      sandbox,
    }) => {
      await signIn(context, extensionId, ada);
      await page.goto(sandbox.creativeCloudUrl(form === 'tenant' ? acme.aemOrg.tenant : acme.aemOrg.id));
      const app = await appFrameOf(page, sandbox);
      await expect(consoleUi(app).getByTestId('aem-org')).toHaveText(acme.aemOrg.name);
      await expect(consoleUi(app).getByTestId('connected-org')).toBeVisible();
      expect(new URL(app.url()).search).not.toContain(acme.aemOrg.tenant);
      expect(new URL(app.url()).search).not.toContain(acme.aemOrg.id);
      // The worker asked the Assets API for that org.
      const asked = (await workerAssetsRequests(sandbox)).map((entry) => entry.headers['x-gw-ims-org-id']);
      expect(asked.length).toBeGreaterThan(0);
      expect(new Set(asked)).toEqual(new Set([acme.aemOrg.id]));
    });
  }

  test('the worker calls the Assets API on the author host the URL names in ?repoId= or ?repo=', async ({
    context,
    extensionId,
    page,
    sandbox,
    serviceWorker,
  }) => {
    await signIn(context, extensionId, ada);
    // The sandbox answers on both loopback names; IMS is configured on 127.0.0.1, so a call on
    // localhost can only come from the console's URL. The admin trusted both hosts.
    const authorHost = `localhost:${sandbox.port}`;
    await bindSandboxAuthorHost(serviceWorker, sandbox.authorHost, authorHost);
    for (const authorParam of ['repoId', 'repo'] as const) {
      await sandbox.control('DELETE', 'requests');
      await page.goto(sandbox.creativeCloudUrl(undefined, undefined, { authorHost, authorParam }));
      const app = await appFrameOf(page, sandbox);
      await expect(consoleUi(app).getByTestId('aem-org')).toHaveText(acme.aemOrg.name);
      await expect(consoleUi(app).getByTestId('connected-org')).toBeVisible();
      // The second load shows the state cached by the first at once; its fresh refresh may still
      // be on the way, so wait for the worker's calls rather than read the log once.
      const assetsHosts = async () => (await workerAssetsRequests(sandbox)).map((entry) => entry.headers.host);
      await expect.poll(async () => (await assetsHosts()).length, { message: authorParam }).toBeGreaterThan(0);
      expect(new Set(await assetsHosts()), authorParam).toEqual(new Set([authorHost]));
      await page.goto('about:blank');
    }
  });

  test('the sandbox shell names its author host in ?repoId= when opened without one, as the real shell does', async ({
    page,
    sandbox,
  }) => {
    await page.goto(sandbox.shellUrl);
    await expect(page).toHaveURL(
      `${sandbox.shellUrl}?repoId=${encodeURIComponent(sandbox.authorHost)}#/@${acme.aemOrg.tenant}/assets/browse`,
    );
  });

  test('a console URL whose author host is not one says so, and the worker calls no Assets API', async ({
    context,
    extensionId,
    page,
    sandbox,
  }) => {
    await signIn(context, extensionId, ada);
    await sandbox.control('DELETE', 'requests');
    await page.goto(sandbox.creativeCloudUrl(undefined, undefined, { authorHost: 'evil.example.com' }));
    const app = await appFrameOf(page, sandbox);
    await expect(consoleUi(app).getByText(en.errorAemHostUnknown)).toBeVisible();
    expect(await workerAssetsRequests(sandbox)).toEqual([]);
  });

  test('the app page opened on its own, outside the shell, gets no UI and no answer from the worker', async ({
    context,
    extensionId,
    hasContentScript,
    page,
    sandbox,
  }) => {
    await signIn(context, extensionId, ada);
    await page.goto(`${sandbox.appOrigin}/app/?lang=en#/settings/creative-cloud`);
    await expect(page.getByRole('button', { name: 'Switch orgs' })).toBeVisible();
    expect(await hasContentScript(page.mainFrame())).toBe(true);
    const outside = await contentScriptSender(page, extensionId);
    const request = { type: 'getConsoleState', console: { tenant: acme.aemOrg.tenant }, freshness: 'fresh' };
    expect(await outside.send(request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    await outside.close();
    // By now the script has long seen the view (it answered above): it stays out of a page that is no console.
    await expect(page.getByTestId('console-ui')).toHaveCount(0);
    expect(await page.locator('[data-cc-switcher-slot]').count()).toBe(0);
  });
});
