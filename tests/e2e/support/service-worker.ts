import type { BrowserContext, Worker } from '@playwright/test';
import { extensionServiceWorker } from './chromium';

/**
 * MV3 workers die whenever the browser likes; an attached Playwright keeps ours alive, so
 * tests simulate the kill: close the worker's target over the browser's CDP session
 * (tests/HARNESS.md, `killServiceWorker`). The worker's globals are gone; `storage.session` survives.
 */
export async function killServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('killServiceWorker needs a Chromium context with a browser CDP endpoint');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!target) throw new Error(`No running service worker for extension ${extensionId}`);
    const { success } = await cdp.send('Target.closeTarget', { targetId: target.targetId });
    if (!success) throw new Error(`Chromium refused to close the worker target ${target.targetId}`);
  } finally {
    await cdp.detach();
  }
}

const RESTART_POLL_MS = 50;

/**
 * The worker after a kill. Playwright keeps one `Worker` handle per registration: its first
 * call after the kill rejects with "Service worker restarted", later calls reach the new
 * incarnation. This waits until a call succeeds and hands the live handle back.
 */
export async function reacquireServiceWorker(context: BrowserContext, timeoutMs = 10_000): Promise<Worker> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const worker = await extensionServiceWorker(context);
    try {
      await worker.evaluate(() => true);
      return worker;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, RESTART_POLL_MS));
    }
  }
  throw new Error(`The extension's worker did not come back within ${timeoutMs} ms: ${String(lastError)}`);
}
