import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from './fixtures';
import { chromiumArgsFor, extensionIdOf, extensionWorkersByName } from './support/chromium';
import type { ChromiumGlobals } from './support/extension-apis';
import { BUILD_DIRS, CHROMIUM_PATH } from './support/paths';

interface Manifest {
  name: string;
  version: string;
  externally_connectable?: unknown;
}
const readManifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

const builtManifest = readManifest(BUILD_DIRS.chromeSandbox);
/** A second, unrelated extension: the one sender besides web pages that could try to reach the worker. */
const FOREIGN_EXTENSION_DIR = path.join(import.meta.dirname, 'support/foreign-extension');
const foreignManifest = readManifest(FOREIGN_EXTENSION_DIR);

test.describe('the extension in Chromium', () => {
  test('the popup shows the status the worker answers to getStatus', async ({ page, extensionId }) => {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);

    await expect(page.getByTestId('status-version')).toHaveText(builtManifest.version);
    await expect(page.getByTestId('status-environment')).toHaveText('Sandbox');
    await expect(page.getByTestId('status-signed-in')).toHaveText('Not signed in');
  });

  test('the popup reports the environment stored in settings, not a built-in one', async ({
    page,
    extensionId,
    sandbox,
    setExtensionEnvironment,
  }) => {
    const baseUrls = { imsBaseUrl: sandbox.apiBaseUrl, assetsBaseUrl: sandbox.apiBaseUrl };
    await setExtensionEnvironment({ name: 'custom', clientId: 'custom-client', baseUrls });

    await page.goto(`chrome-extension://${extensionId}/popup.html`);

    await expect(page.getByTestId('status-environment')).toHaveText('Custom');
  });

  test('web pages get no messaging channel to the extension', async ({ page, sandbox }) => {
    expect(builtManifest.externally_connectable).toBeUndefined();
    await page.goto(sandbox.shellUrl);

    const sendMessageType = await page.evaluate(
      () => typeof (globalThis as ChromiumGlobals).chrome?.runtime?.sendMessage,
    );

    expect(sendMessageType).toBe('undefined');
  });

  // The shell's own page never shows the view: a console page pays for one injected script, not two.
  test("the content script runs in the app frame on the second origin, not in the shell's own page", async ({
    page,
    sandbox,
    hasContentScript,
  }) => {
    await page.goto(sandbox.creativeCloudUrl());
    const appFrame = () => page.frames().find((frame) => frame.url().startsWith(`${sandbox.appOrigin}/`));
    await expect.poll(() => appFrame()?.url()).toBeDefined();

    await expect
      .poll(async () => {
        const frame = appFrame();
        return frame ? hasContentScript(frame) : false;
      })
      .toBe(true);
    expect(await hasContentScript(page.mainFrame())).toBe(false);
  });

  test('a killed worker loses its globals and answers the next message', async ({
    page,
    extensionId,
    serviceWorker,
    killServiceWorker,
    reacquireServiceWorker,
  }) => {
    await serviceWorker.evaluate(() => {
      (globalThis as { incarnationMarker?: string }).incarnationMarker = 'before the kill';
    });

    await killServiceWorker();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);

    await expect(page.getByTestId('status-environment')).toHaveText('Sandbox');
    const restarted = await reacquireServiceWorker();
    const marker = await restarted.evaluate(() => (globalThis as { incarnationMarker?: string }).incarnationMarker);
    expect(marker).toBeUndefined();
  });
});

test('another extension in the same browser gets no answer from the worker', async () => {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgsFor(BUILD_DIRS.chromeSandbox, FOREIGN_EXTENSION_DIR),
  });
  try {
    const workers = await extensionWorkersByName(context, 2);
    const own = workers.get(builtManifest.name);
    const foreign = workers.get(foreignManifest.name);
    if (!own || !foreign) throw new Error(`Expected both extensions' workers, got ${[...workers.keys()].join(', ')}`);

    const outcome = await foreign.evaluate(async (targetId) => {
      const chrome = (globalThis as ChromiumGlobals).chrome;
      if (!chrome) return 'no chrome.runtime';
      try {
        return `answered: ${JSON.stringify(await chrome.runtime.sendMessage(targetId, { type: 'getStatus' }))}`;
      } catch (error) {
        return `rejected: ${(error as Error).message}`;
      }
    }, extensionIdOf(own));

    expect(outcome).toMatch(/^rejected: .*Receiving end does not exist/);
  } finally {
    await context.close();
  }
});
