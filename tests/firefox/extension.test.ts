import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CONSOLE_MATCHES } from '../../lib/console-hosts';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { BUILD_DIRS } from '../e2e/support/paths';
import { pollDocument } from './harness';
import { firefoxForSuite } from './suite';

const builtManifest = JSON.parse(readFileSync(path.join(BUILD_DIRS.firefoxSandbox, 'manifest.json'), 'utf8')) as {
  version: string;
};

describe('the extension in firefox-esr', () => {
  const harness = firefoxForSuite();

  it('installs with the sandbox console hosts granted', async () => {
    const background = await harness().background();
    const granted = await background.evaluate(
      (origins) => (globalThis as FirefoxGlobals).browser.permissions?.contains({ origins }),
      SANDBOX_CONSOLE_MATCHES,
    );

    expect(granted).toBe(true);
  });

  it('shows in its popup the status the worker answers to getStatus', async () => {
    const popup = await harness().openExtensionPage('popup.html');

    // Read once the fresh answer is in: the popup then has no request left in flight for the next test.
    const shown = await pollDocument(popup, () => {
      const text = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.textContent;
      const settled = document.querySelector('main[aria-busy="false"]');
      const version = text('status-version');
      return settled && version
        ? { version, environment: text('status-environment'), session: text('status-signed-in') }
        : null;
    });

    expect(shown).toEqual({ version: builtManifest.version, environment: 'Sandbox', session: 'Not signed in' });
  });

  it('wakes a stopped background page for the next message and starts it afresh', async () => {
    const popup = await harness().openExtensionPage('popup.html');
    // Every open page's requests are answered first (the earlier test's popup settled before it ended):
    // an event reaching the page mid-stop makes Firefox cancel the stop, and the page stays open.
    await pollDocument(popup, () => document.querySelector('main[aria-busy="false"]')?.tagName);
    await (await harness().background()).evaluate(() => {
      (globalThis as { incarnationMarker?: string }).incarnationMarker = 'before the stop';
      return true;
    });

    await harness().extension.terminateBackground();
    const answer = await popup.evaluate(() =>
      (globalThis as FirefoxGlobals).browser.runtime.sendMessage({ type: 'getStatus' }),
    );

    expect(answer).toEqual({
      ok: true,
      data: { version: builtManifest.version, environment: 'sandbox', signedIn: false },
    });
    const restarted = await harness().background();
    const marker = await restarted.evaluate(
      () => (globalThis as { incarnationMarker?: string }).incarnationMarker ?? null,
    );
    expect(marker).toBeNull();
  });
});
