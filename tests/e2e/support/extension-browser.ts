import { type BrowserContext, type CDPSession, chromium, type Worker } from '@playwright/test';
import { chromiumFlags, extensionIdOf, isExtensionWorker } from './chromium';
import { CHROMIUM_PATH } from './paths';

/**
 * One Chromium per Playwright worker, with the extension installed afresh for each test.
 *
 * A fresh install is what a fresh profile gave each test: uninstalling takes the extension's
 * storage, IndexedDB, granted permissions, registered scripts and worker with it, and the next
 * install starts from nothing (`runtime.onInstalled` with reason "install"). It costs a tenth of
 * the CPU of launching and closing a browser, which on a busy two-core machine was a third of
 * the suite's time. The browser installs over CDP (`Extensions.loadUnpacked` and
 * `Extensions.uninstall`, which Chromium offers only with --enable-unsafe-extension-debugging).
 *
 * What belongs to the browser rather than the extension, `uninstall` also clears: every page the
 * test opened, cookies (the sandbox IMS's session cookie would sign the next test in), the HTTP
 * cache, permissions granted to pages, routes and offline mode. The sandbox pages keep nothing
 * else (no web storage). Tests that need their own profile (a policy, a locale, a second
 * extension) still launch their own browser.
 */
export interface ExtensionBrowser {
  /** The browser's one persistent context: the same object for every test of the worker. */
  context: BrowserContext;
  /** Installs the unpacked extension and resolves to its worker once that runs. */
  install(extensionDir: string): Promise<Worker>;
  /** Uninstalls the extension and clears what the test left in the browser. */
  uninstall(): Promise<void>;
  close(): Promise<void>;
}

export async function launchExtensionBrowser(): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright disables extensions unless it sees --load-extension; these come over CDP instead.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...chromiumFlags(), '--enable-unsafe-extension-debugging'],
  });
  const browser = context.browser();
  if (!browser) throw new Error('Chromium gave no browser-level CDP endpoint');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  let installedId: string | undefined;

  return {
    context,
    async install(extensionDir) {
      if (installedId) throw new Error(`Extension ${installedId} is still installed: uninstall it first`);
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)) as {
        id: string;
      };
      installedId = id;
      const ours = (worker: Worker) => isExtensionWorker(worker) && extensionIdOf(worker) === id;
      return (
        context.serviceWorkers().find(ours) ??
        (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 10_000 }))
      );
    },
    async uninstall() {
      // A blank page first: it keeps the context open while the test's pages close, and it is
      // what a fresh launch starts with.
      const blank = await context.newPage();
      await Promise.all(context.pages().map((page) => (page === blank ? undefined : page.close())));
      if (installedId) {
        const workers = context.serviceWorkers().filter(isExtensionWorker);
        await cdp.send('Extensions.uninstall' as never, { id: installedId } as never);
        installedId = undefined;
        // The next install's worker has the same URL: wait until no handle can be mistaken for it.
        await Promise.all(
          workers.map((worker) =>
            context.serviceWorkers().includes(worker)
              ? new Promise((closed) => worker.once('close', closed))
              : undefined,
          ),
        );
      }
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.setOffline(false);
      await context.clearPermissions();
      await context.clearCookies();
      const pageCdp = await context.newCDPSession(blank);
      await pageCdp.send('Network.clearBrowserCache');
      await pageCdp.detach();
    },
    async close() {
      await context.close();
    },
  };
}
