import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import {
  bindSandboxAuthorHost,
  sandboxEnvironment,
  writeExtensionEnvironment,
} from '../e2e/support/extension-environment';
import { BUILD_DIRS, FIREFOX_PATH } from '../e2e/support/paths';
import { type SandboxControl, sandboxAuthorHost, sandboxControl } from '../e2e/support/sandbox-control';
import { ExtensionDebugger, type ExtensionDocument } from './extension-debugger';
import { RdpClient } from './rdp-client';

export interface FirefoxHarness {
  /** firefox-esr under puppeteer-core (WebDriver BiDi): drive web pages such as the sandbox console with it. */
  browser: Browser;
  /** The add-on id from the manifest's `browser_specific_settings.gecko.id`. */
  addonId: string;
  /** The extension's own documents over Firefox's debugger (BiDi may not open moz-extension:// pages). */
  extension: ExtensionDebugger;
  /**
   * The extension's running background page (MV3 `background.scripts`). After
   * `extension.terminateBackground()` it waits until an event (e.g. a message) starts a new one.
   */
  background(): Promise<ExtensionDocument>;
  sandbox: RunningSandbox & { control: SandboxControl };
  /** Has the extension open one of its pages (e.g. `popup.html`) in a new tab, and returns that tab's document. */
  openExtensionPage(pagePath: string): Promise<ExtensionDocument>;
  close(): Promise<void>;
}

/** Prefs that let the harness attach Firefox's debugger without a prompt. */
const DEBUGGER_PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.debugger.prompt-connection': false,
  'devtools.chrome.enabled': true,
};

function geckoIdOf(extensionDir: string): string {
  const manifestPath = path.join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`The Firefox extension is not built (${manifestPath} is missing): run npm run build:sandbox`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxBrowser {
  /**
   * The extension installed afresh, with a reset sandbox, no cookies and one blank tab: what a
   * new profile gave. The harness's `close` uninstalls the extension (its storage goes with it)
   * and keeps the browser for the next `fresh`.
   */
  fresh(): Promise<FirefoxHarness>;
  close(): Promise<void>;
}

interface LaunchOptions {
  extensionDir?: string;
  headless?: boolean;
  /** Firefox's HOME, e.g. one with `.mozilla/managed-storage/<add-on id>.json` (an enterprise policy). */
  home?: string;
  /** Another firefox-esr executable, e.g. one whose installation carries a `distribution/policies.json`. */
  executablePath?: string;
}

/**
 * firefox-esr with the built extension installed (as a temporary add-on, which Firefox grants
 * its host permissions), a sandbox on a free port, and the extension pointed at it. `close`
 * closes the browser.
 */
export async function launchFirefoxHarness(options: LaunchOptions = {}): Promise<FirefoxHarness> {
  const firefox = await launchFirefox(options);
  try {
    return { ...(await firefox.fresh()), close: () => firefox.close() };
  } catch (error) {
    await firefox.close();
    throw error;
  }
}

/**
 * firefox-esr and a sandbox on a free port, for harnesses one after another: installing the
 * extension afresh costs a fraction of launching a browser.
 */
export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxBrowser> {
  const extensionDir = options.extensionDir ?? BUILD_DIRS.firefoxSandbox;
  const addonId = geckoIdOf(extensionDir);
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'firefox-harness-'));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));
    const sandbox = await startSandbox({ port: 0 });
    cleanups.push(() => sandbox.close());
    const control = sandboxControl(sandbox.apiBaseUrl);

    const debuggerSocket = path.join(workDir, 'debugger.sock');
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: options.executablePath ?? FIREFOX_PATH,
      headless: options.headless ?? true,
      args: ['--start-debugger-server', debuggerSocket],
      extraPrefsFirefox: DEBUGGER_PREFS,
      ...(options.home && { env: { ...process.env, HOME: options.home } }),
    });
    cleanups.push(() => browser.close());
    const client = await RdpClient.connect(debuggerSocket);
    cleanups.push(() => client.close());

    let installed: ExtensionDebugger | undefined;
    const uninstall = async () => {
      if (!installed) return;
      const extension = installed;
      installed = undefined;
      // The extension sees every tab, including ones puppeteer does not list (a console tab left
      // open here once answered the next test's "which tab is the console?").
      await (await extension.background()).evaluate(leaveOneBlankTab);
      extension.detach();
      // Firefox deletes the extension's storage with it.
      await browser.uninstallExtension(addonId);
    };

    return {
      async fresh() {
        await uninstall();
        await control('POST', 'reset');
        await browser.deleteCookie(...(await browser.cookies()));
        const installedId = await browser.installExtension(extensionDir);
        if (installedId !== addonId) throw new Error(`Firefox installed ${installedId}, expected ${addonId}`);
        const extension = await ExtensionDebugger.attach(client, addonId);
        installed = extension;
        const background = await extension.background();
        const tabs = await background.evaluate(
          async () => (await (globalThis as FirefoxGlobals).browser.tabs?.query({}))?.length,
        );
        if (tabs !== 1) throw new Error(`A fresh install should see one blank tab, saw ${tabs}`);
        await writeExtensionEnvironment(background, sandboxEnvironment(sandbox.apiBaseUrl));
        // As in Chromium's fixture: the admin trusted the sandbox's author host.
        await bindSandboxAuthorHost(background, sandboxAuthorHost(sandbox.shellUrl));
        return {
          browser,
          addonId,
          extension,
          background: () => extension.background(),
          sandbox: { ...sandbox, control },
          async openExtensionPage(pagePath) {
            const background = await extension.background();
            const page = await extension.openDocument(pagePath, (url) =>
              background.evaluate(async (pageUrl) => {
                await (globalThis as FirefoxGlobals).browser.tabs?.create({ url: pageUrl });
                return true;
              }, url),
            );
            // The debugger announces the document as soon as its window exists; steps act on a loaded page.
            await pollDocument(page, () => (document.readyState === 'complete' ? true : null));
            return page;
          },
          async close() {
            if (installed === extension) await uninstall();
          },
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** In the extension's background: closes every tab but a new blank one (closing the last would close the window). */
async function leaveOneBlankTab() {
  const { tabs } = (globalThis as FirefoxGlobals).browser;
  const blank = await tabs?.create({ url: 'about:blank' });
  const others = (await tabs?.query({}))?.flatMap(({ id }) => (id !== undefined && id !== blank?.id ? [id] : []));
  if (others?.length) await tabs?.remove(others);
}

/** Re-runs `probe` in the document until it returns something other than null/undefined. */
export async function pollDocument<R, A = undefined>(
  document: ExtensionDocument,
  probe: (arg: A) => R | null | undefined,
  arg?: A,
  timeoutMs = 5_000,
): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await document.evaluate(probe, arg);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${document.url}: nothing to read within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
