import type { BrowserContext } from '@playwright/test';

/**
 * The worker's JS heap after a garbage collection. Playwright opens CDP sessions for pages
 * and frames only, so this attaches to the worker's target from the browser session and
 * speaks CDP to it through Target.sendMessageToTarget.
 */
export async function workerHeapAfterGc(context: BrowserContext, extensionId: string): Promise<number> {
  const browser = context.browser();
  if (!browser) throw new Error('Reading the worker heap needs a Chromium browser CDP endpoint');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find(
      (info) => info.type === 'service_worker' && info.url.startsWith(`chrome-extension://${extensionId}/`),
    );
    if (!target) throw new Error('The extension worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const answers = new Map<number, (message: { result?: { usedSize?: number } }) => void>();
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize?: number } };
      if (message.id !== undefined) answers.get(message.id)?.(message);
    });
    let nextId = 0;
    const call = (method: string) =>
      new Promise<{ result?: { usedSize?: number } }>((resolve) => {
        nextId += 1;
        answers.set(nextId, resolve);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId });
    return usage.result?.usedSize ?? Number.NaN;
  } finally {
    await cdp.detach();
  }
}
