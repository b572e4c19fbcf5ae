import { describe, expect, it } from 'vitest';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import en from '../../locales/en.json' with { type: 'json' };
import { type LoggedRequest, madeByExtension } from '../../sandbox/request-log';
import { SCENARIOS } from '../../sandbox/scenarios';
import { readProtectedSetting, writeProtectedSetting } from '../e2e/support/extension-environment';
import { sandboxAuthorHost } from '../e2e/support/sandbox-control';
import { clickInUi, openConsole } from './console-page';
import { firefoxForSuite } from './suite';

// docs/ARCHITECTURE.md#author-host-binding in firefox-esr: an unbound author host gets no call
// carrying the token until the admin confirms it with a real click.

const acme = SCENARIOS.default.aemOrg;

describe('binding the AEM author host in firefox-esr', () => {
  const harness = firefoxForSuite({ signedIn: true });

  it('asks the admin to confirm the host, calls the Assets API only after a real click, and ignores a page click', async () => {
    const background = await harness().background();
    await writeProtectedSetting(background, 'authorHostBindings', undefined);
    const host = sandboxAuthorHost(harness().sandbox.shellUrl);
    await harness().sandbox.control('DELETE', 'requests');
    const assetsCalls = async () =>
      (await harness().sandbox.control<LoggedRequest[]>('GET', 'requests')).filter(
        (entry) => madeByExtension(entry) && entry.path.startsWith('/adobe/assets/') && entry.headers.host === host,
      );

    const { page, app } = await openConsole(harness(), acme.tenant);
    const confirmText = await app.waitForFunction(
      (tag) =>
        document.querySelector(tag)?.shadowRoot?.querySelector('[data-testid="author-host-confirm"]')?.textContent,
      { timeout: 10_000, polling: 100 },
      CONSOLE_UI_TAG,
    );
    const text = String(await confirmText.jsonValue());
    expect(text).toContain(host);
    expect(text).toContain(acme.name);

    // Once the view has loaded (the button is enabled), the page's own script presses it:
    // nothing is bound, nothing is called.
    await app.waitForFunction(
      (tag) =>
        document
          .querySelector(tag)
          ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="author-host-confirm"] button')?.disabled ===
        false,
      { timeout: 10_000, polling: 100 },
      CONSOLE_UI_TAG,
    );
    const pageClick = await app.evaluate(async (tag) => {
      const find = () =>
        document
          .querySelector(tag)
          ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-testid="author-host-confirm"] button');
      find()?.click();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { found: Boolean(find()), enabledAfter: find()?.disabled === false };
    }, CONSOLE_UI_TAG);
    expect(pageClick).toEqual({ found: true, enabledAfter: true });
    expect((await readProtectedSetting(background, 'authorHostBindings')) ?? null).toBeNull();
    expect(await assetsCalls()).toEqual([]);

    await clickInUi(app, `[data-testid="author-host-confirm"] button::-p-text(${en.authorHostConfirm})`);
    await app.waitForFunction(
      (tag) => Boolean(document.querySelector(tag)?.shadowRoot?.querySelector('[data-testid="summary"]')),
      { timeout: 10_000, polling: 100 },
      CONSOLE_UI_TAG,
    );
    expect(new Set((await assetsCalls()).map((entry) => entry.headers['x-gw-ims-org-id']))).toEqual(new Set([acme.id]));
    expect(await readProtectedSetting(background, 'authorHostBindings')).toMatchObject({
      value: [{ environment: 'sandbox', aemOrgId: acme.id, authorHost: host }],
    });
    await page.close();
  });
});
