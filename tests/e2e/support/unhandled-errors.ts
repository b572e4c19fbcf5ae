import type { BrowserContext, CDPSession } from '@playwright/test';

/**
 * Collects every unhandled exception and unhandled promise rejection in the contexts a fault
 * can reach: the console's pages and its out-of-process app frame (main world and our
 * content script's isolated world alike) and the extension's service worker, including
 * each new incarnation after a kill or an extension reload.
 *
 * Chromium reports both kinds as `Runtime.exceptionThrown` on the target they happen in.
 * Playwright's CDP sessions speak to one target each and cannot follow a restarted worker,
 * so this attaches from the browser session to every matching target as it appears (the
 * non-flattened `Target.attachToTarget` protocol: messages travel inside
 * `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget`).
 */
export interface UnhandledErrors {
  /** "<target url>: <description>" for each one seen so far. */
  list(): string[];
  stop(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface ExceptionDetails {
  text: string;
  exception?: { description?: string; value?: unknown };
}

const WATCHED_TYPES = new Set(['page', 'iframe', 'service_worker']);

export async function watchUnhandledErrors(
  context: BrowserContext,
  isWatched: (url: string) => boolean,
): Promise<UnhandledErrors> {
  const browser = context.browser();
  if (!browser) throw new Error('watchUnhandledErrors needs a Chromium context with a browser CDP endpoint');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const seen: string[] = [];
  const attached = new Set<string>();
  const urlBySession = new Map<string, string>();

  const attach = async (target: TargetInfo) => {
    if (attached.has(target.targetId) || !WATCHED_TYPES.has(target.type) || !isWatched(target.url)) return;
    attached.add(target.targetId);
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      urlBySession.set(sessionId, target.url);
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: 1, method: 'Runtime.enable' }),
      });
    } catch {
      // The target went away between its announcement and the attach: nothing ran there to watch.
    }
  };

  cdp.on('Target.receivedMessageFromTarget', (event) => {
    let message: { method?: string; params?: { exceptionDetails?: ExceptionDetails } };
    try {
      message = JSON.parse(event.message);
    } catch {
      return;
    }
    if (message.method !== 'Runtime.exceptionThrown' || !message.params?.exceptionDetails) return;
    const details = message.params.exceptionDetails;
    const description = details.exception?.description ?? String(details.exception?.value ?? '');
    seen.push(`${urlBySession.get(event.sessionId) ?? 'unknown target'}: ${details.text} ${description}`.trim());
  });
  cdp.on('Target.targetCreated', ({ targetInfo }) => void attach(targetInfo));
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => void attach(targetInfo));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  await Promise.all(targetInfos.map(attach));

  return {
    list: () => [...seen],
    async stop() {
      await cdp.detach().catch(() => {});
    },
  };
}
