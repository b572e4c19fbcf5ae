import { browser } from 'wxt/browser';
import type { WorkerEvent } from '../messaging/contract';

/**
 * Push a state change to every extension page and every console tab (all frames). A page
 * or tab without a listener makes the send fail; that is expected and ignored.
 */
export async function broadcast(event: WorkerEvent, consoleMatches: readonly string[]): Promise<void> {
  const ignore = () => {};
  await browser.runtime.sendMessage(event).catch(ignore);
  const tabs = await browser.tabs.query({ url: [...consoleMatches] }).catch(() => []);
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, event).catch(ignore))),
  );
}
