import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { CONSOLE_CONTENT_SCRIPT_FILE, CUSTOM_HOST_SCRIPT_PREFIX, IMS_HOST_PERMISSIONS } from '../../lib/console-hosts';
import { writeProtectedSetting } from '../e2e/support/extension-environment';
import { firefoxForSuite } from './suite';

// Firefox only answers permissions.request from real user input, which the harness cannot give.
// A host the temporary add-on already holds stands in for a granted custom host: the IMS host
// (granted at install, never a console host by itself). What this proves is that Firefox takes
// the worker's registration (persistAcrossSessions included) and drops it with the list entry.
const imsPattern = IMS_HOST_PERMISSIONS[0] ?? '';
const imsHost = { origin: imsPattern.replace('/*', ''), matchPattern: imsPattern };

/** What the worker registers, as the extension's own browser API types it. */
type Registered = Browser.scripting.RegisteredContentScript;
type Globals = typeof globalThis & {
  browser: {
    scripting: { getRegisteredContentScripts(): Promise<Registered[]> };
  };
};

describe('custom console hosts in firefox-esr', () => {
  const harness = firefoxForSuite();

  const registered = async () =>
    (await harness().background()).evaluate(
      async (prefix) =>
        (await (globalThis as Globals).browser.scripting.getRegisteredContentScripts()).filter((script) =>
          script.id.startsWith(prefix),
        ),
      CUSTOM_HOST_SCRIPT_PREFIX,
    );

  it('registers the console script for a stored, granted host and unregisters it when removed', async () => {
    const background = await harness().background();
    await writeProtectedSetting(background, 'customConsoleHosts', [imsHost]);

    await expect.poll(registered).toEqual([
      expect.objectContaining({
        matches: [imsPattern],
        js: [CONSOLE_CONTENT_SCRIPT_FILE],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      }),
    ]);

    await writeProtectedSetting(background, 'customConsoleHosts', undefined);
    await expect.poll(registered).toEqual([]);
  });
});
