import type { BrowserContext } from '@playwright/test';

/**
 * A console on a host the build does not match statically. `context.route` answers every
 * request for `origin` from the sandbox's Assets app origin, so the page really is
 * `https://<custom host>/…` to the browser (no certificate, no DNS), and its own requests
 * (scripts, `/console/session`, the API) go to the sandbox the same way.
 */
export async function serveSandboxConsoleAt(context: BrowserContext, origin: string, appOrigin: string): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${appOrigin}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
}

interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
}

/**
 * The user's side of the permission prompt. Chromium shows `permissions.request`'s prompt as
 * browser UI that a headless test cannot click (it stays pending). What a user can also do is
 * allow the site first on chrome://extensions (Site access → On specific sites → Add); Chromium
 * then grants the extension's request for that host without a prompt. This does that through
 * the page's own API, then puts Site access back to "On all sites" (the required hosts).
 */
export async function allowSiteOnExtensionsPage(
  context: BrowserContext,
  extensionId: string,
  ...matchPatterns: string[]
) {
  const settings = await context.newPage();
  await settings.goto(`chrome://extensions/?id=${extensionId}`);
  const setHostAccess = (hostAccess: string) =>
    settings.evaluate(
      ({ id, access }) => {
        const api = (globalThis as { chrome?: { developerPrivate?: DeveloperPrivate } }).chrome?.developerPrivate;
        return api?.updateExtensionConfiguration({ extensionId: id, hostAccess: access });
      },
      { id: extensionId, access: hostAccess },
    );
  await setHostAccess('ON_SPECIFIC_SITES');
  for (const matchPattern of matchPatterns) {
    await settings.evaluate(
      ({ id, pattern }) =>
        (
          globalThis as { chrome?: { developerPrivate?: DeveloperPrivate } }
        ).chrome?.developerPrivate?.addHostPermission(id, pattern),
      { id: extensionId, pattern: matchPattern },
    );
  }
  return {
    /** Site access back to "On all sites"; call once the extension's request was granted. */
    async restore(): Promise<void> {
      await setHostAccess('ON_ALL_SITES');
      await settings.close();
    },
  };
}
