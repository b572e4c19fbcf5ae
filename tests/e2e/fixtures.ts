import { type BrowserContext, test as base, expect, type Frame, type Page, type Worker } from '@playwright/test';
import type { EnvironmentSettings } from '../../lib/environment';
import type { ScenarioUser } from '../../sandbox/scenario-builders';
import { SCENARIOS, type ScenarioName, userOf } from '../../sandbox/scenarios';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { consoleUi, openConsoleApp } from './support/console-ui';
import { frameHasContentScript } from './support/content-scripts';
import { type ExtensionBrowser, launchExtensionBrowser } from './support/extension-browser';
import { bindSandboxAuthorHost, sandboxEnvironment, writeExtensionEnvironment } from './support/extension-environment';
import { consoleTabId, openPopupFor } from './support/extension-pages';
import { openOptions } from './support/options-page';
import { BUILD_DIRS } from './support/paths';
import { type SandboxFixture, sandboxFixture } from './support/sandbox-fixture';
import { killServiceWorker, reacquireServiceWorker } from './support/service-worker';
import { signIn } from './support/sign-in';
import { openWorkerClient, type WorkerClient } from './support/worker-client';

export type { SandboxFixture };

export interface SignedInConsoleOptions {
  /** Load this scenario first (the sandbox starts every test on `default`); its console opens. */
  scenario?: ScenarioName;
  /** Sandbox set-up that needs the scenario loaded and must be in place before sign-in and the console. */
  arrange?: () => Promise<unknown>;
  /** Who signs in: a scenario user, or the start of an account button's name. Default: the console's user. */
  user?: ScenarioUser | string;
  /** The console's language (`?lang=`). */
  lang?: string;
  /** Wait until our UI shows the worker's summary, as the user first sees it (default), or just for the app frame. */
  until?: 'summary' | 'app';
}

export interface ExtensionFixtures {
  /** A sandbox reset to its `default` scenario before this test. */
  sandbox: SandboxFixture;
  /** Chromium with the sandbox build freshly installed, pointed at this worker's sandbox. */
  context: BrowserContext;
  extensionId: string;
  /** The extension's worker when the test starts; after `killServiceWorker`, use `reacquireServiceWorker`. */
  serviceWorker: Worker;
  /** Closes the worker's target, as Chrome does to an idle MV3 worker. */
  killServiceWorker: () => Promise<void>;
  /** The worker again once it has restarted (it restarts on the next event, e.g. a message). */
  reacquireServiceWorker: () => Promise<Worker>;
  /** Replaces the extension's environment setting (`storage.local`), e.g. to test a misconfiguration. */
  setExtensionEnvironment: (settings: EnvironmentSettings) => Promise<void>;
  /** Whether the extension's content script runs in a frame of the page. */
  hasContentScript: (frame: Frame) => Promise<boolean>;
  /**
   * Signs the extension in as the popup would, then opens the console's Settings > Creative
   * Cloud in `page`; resolves to the app frame once our UI shows the summary.
   */
  signedInConsole: (options?: SignedInConsoleOptions) => Promise<Frame>;
  /** A new extension page that sends requests to the worker as the popup or options page would. */
  workerClient: () => Promise<WorkerClient>;
  /** The popup for the console tab `page` shows (`popup.html?tab=<id>`), in a new tab. */
  consolePopup: () => Promise<Page>;
  /** The options page in a new tab, once it shows the settings in force. */
  optionsPage: () => Promise<Page>;
}

interface WorkerFixtures {
  /** One sandbox per Playwright worker, on a free port. */
  sandboxServer: RunningSandbox;
  /** This worker's Chromium, where each test installs the extension afresh (support/extension-browser.ts). */
  extensionBrowser: ExtensionBrowser;
}

export const test = base.extend<ExtensionFixtures, WorkerFixtures>({
  sandboxServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from the pattern.
    async ({}, use) => {
      const server = await startSandbox({ port: 0 });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  extensionBrowser: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from the pattern.
    async ({}, use) => {
      const browser = await launchExtensionBrowser();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  sandbox: async ({ sandboxServer }, use) => {
    const sandbox = sandboxFixture(sandboxServer);
    await sandbox.control('POST', 'reset');
    await use(sandbox);
  },

  context: async ({ sandbox, extensionBrowser }, use) => {
    const worker = await extensionBrowser.install(BUILD_DIRS.chromeSandbox);
    await writeExtensionEnvironment(worker, sandboxEnvironment(sandbox.apiBaseUrl));
    await bindSandboxAuthorHost(worker, sandbox.authorHost);
    await use(extensionBrowser.context);
    await extensionBrowser.uninstall();
  },

  serviceWorker: async ({ context }, use) => {
    await use(await reacquireServiceWorker(context));
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  killServiceWorker: async ({ context, extensionId }, use) => {
    await use(() => killServiceWorker(context, extensionId));
  },

  reacquireServiceWorker: async ({ context }, use) => {
    await use(() => reacquireServiceWorker(context));
  },

  setExtensionEnvironment: async ({ context }, use) => {
    await use(async (settings) => writeExtensionEnvironment(await reacquireServiceWorker(context), settings));
  },

  hasContentScript: async ({ page, extensionId }, use) => {
    await use((frame) => frameHasContentScript(page, frame, extensionId));
  },

  signedInConsole: async ({ page, context, extensionId, sandbox }, use) => {
    await use(async ({ scenario: name = 'default', arrange, user, lang, until = 'summary' } = {}) => {
      const scenario = SCENARIOS[name];
      if (name !== 'default') await sandbox.control('POST', 'scenario', { name });
      await arrange?.();
      const account = user ?? userOf(scenario, scenario.consoleUserId);
      if (!account) throw new Error(`The ${name} scenario has no console user`);
      await signIn(context, extensionId, account);
      const app = await openConsoleApp(page, sandbox, { tenant: scenario.aemOrg.tenant, lang });
      if (until === 'summary') await expect(consoleUi(app).getByTestId('summary')).toBeVisible();
      return app;
    });
  },

  workerClient: async ({ page, context, extensionId }, use) => {
    await use(async () => {
      const client = await openWorkerClient(context, extensionId);
      // The client's tab opens in front; clicks the test then sends to `page` (a tab behind it)
      // were sometimes never delivered on a busy machine. The test's page is the one a user looks at.
      await page.bringToFront();
      return client;
    });
  },

  optionsPage: async ({ context, extensionId }, use) => {
    await use(() => openOptions(context, extensionId));
  },

  consolePopup: async ({ context, extensionId, serviceWorker, sandbox }, use) => {
    await use(async () => openPopupFor(context, extensionId, await consoleTabId(serviceWorker, sandbox)));
  },
});

export { expect } from '@playwright/test';
