import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { readProtectedSetting, writeProtectedSetting } from '../e2e/support/extension-environment';
import { matrixCaseStarted } from '../support/matrix';
import { openConsole } from './console-page';
import { firefoxForSuite } from './suite';

// The protected store (docs/ARCHITECTURE.md#storage) in Firefox: a content script runs in the
// page's origin, so the IndexedDB it opens is the page's, never the extension's. The code below
// runs where the extension's content scripts run (scripting.executeScript's isolated world) and
// tries what a compromised console frame would.

type Globals = FirefoxGlobals & {
  browser: {
    scripting: {
      executeScript(details: {
        target: { tabId: number; allFrames?: boolean };
        func: () => unknown;
      }): Promise<{ frameId: number; result: unknown }[]>;
    };
    tabs: { query(query: object): Promise<{ id?: number; url?: string }[]> };
  };
};

describe('the protected store in firefox-esr', () => {
  const harness = firefoxForSuite();

  it('is out of reach of content scripts: they open the page origin database, and their writes change nothing', async () => {
    const matrixCase = matrixCaseStarted(
      'attack',
      'Firefox content script turns read-only off and redirects the Assets base (IndexedDB)',
    );
    const background = await harness().background();
    await writeProtectedSetting(background, 'readOnly', true);
    const storedEnvironment = await readProtectedSetting(background, 'environment');
    expect(storedEnvironment).not.toBeNull();
    await openConsole(harness(), SCENARIOS.default.aemOrg.tenant);

    const frames = await background.evaluate(async (shellUrl) => {
      const { browser } = globalThis as unknown as Globals;
      const tab = (await browser.tabs.query({})).find((candidate) => candidate.url?.startsWith(shellUrl));
      if (tab?.id === undefined) throw new Error('No console tab');
      return browser.scripting.executeScript({
        target: { tabId: tab.id, allFrames: true },
        func: async () => {
          const database = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('protected-settings');
            request.onupgradeneeded = () => request.result.createObjectStore('items');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const keysBefore = await new Promise<IDBValidKey[]>((resolve) => {
            const read = database.transaction('items').objectStore('items').getAllKeys();
            read.onsuccess = () => resolve(read.result);
          });
          await new Promise((resolve, reject) => {
            const transaction = database.transaction('items', 'readwrite');
            const items = transaction.objectStore('items');
            items.put({ version: 1, value: false }, 'readOnly');
            items.put(
              {
                version: 1,
                value: { name: 'custom', clientId: 'x', baseUrls: { imsBaseUrl: 'https://ims.attacker.example' } },
              },
              'environment',
            );
            transaction.oncomplete = resolve;
            transaction.onerror = () => reject(transaction.error);
          });
          new BroadcastChannel('protected-settings-changed').postMessage({ key: 'readOnly' });
          return { origin: location.origin, keysBefore };
        },
      });
    }, harness().sandbox.shellUrl);

    // Each console frame (shell and app frame) ran the attack, in its own page origin's database,
    // which held none of the extension's settings.
    expect(frames.length).toBeGreaterThanOrEqual(2);
    for (const { result } of frames) {
      expect(result).toMatchObject({ keysBefore: [] });
      expect((result as { origin: string }).origin).not.toMatch(/^moz-extension:/);
    }
    // The extension's own store is unchanged, and the options page still shows read-only.
    expect(await readProtectedSetting(background, 'readOnly')).toMatchObject({ value: true });
    expect(await readProtectedSetting(background, 'environment')).toEqual(storedEnvironment);
    const options = await harness().openExtensionPage('options.html');
    await expect
      .poll(() =>
        options.evaluate(() => document.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? null),
      )
      .toBe(true);
    matrixCase.passed({ tokensFound: 0 });
  });
});
