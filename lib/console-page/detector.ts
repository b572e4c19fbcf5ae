import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RequestOf } from '../messaging/contract';
import { detectCreativeCloudView } from './detect';

/**
 * The part of the extension that runs in every console frame: it only recognises Settings >
 * Creative Cloud. No UI, no Preact, no store: a frame that never shows the view pays for one
 * MutationObserver and a check per animation frame after DOM changes. When the view appears,
 * the worker is asked to inject the UI into this frame (entrypoints/console-ui.content), which
 * then takes over, and this watcher stops.
 */
export function detectConsoleView(ctx: ContentScriptContext): void {
  let checkRequested = false;
  let asked = false;

  const observer = new MutationObserver(schedule);
  function stop(): void {
    observer.disconnect();
    asked = true;
  }

  async function askForUi(): Promise<void> {
    stop();
    const request: RequestOf<'showConsoleUi'> = { type: 'showConsoleUi' };
    // The worker checks who asks and injects into this frame only; a failed request (the worker
    // restarting, the extension updated) lets the next change of the page ask again.
    const answer: unknown = await browser.runtime.sendMessage(request).catch(() => undefined);
    if ((answer as { ok?: boolean } | undefined)?.ok === true || ctx.signal.aborted) return;
    asked = false;
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  }

  function check(): void {
    checkRequested = false;
    if (asked || ctx.signal.aborted || !browser.runtime?.id) return;
    if (detectCreativeCloudView(document)) void askForUi();
  }

  // Plain rAF: ctx.requestAnimationFrame adds an abort listener per call, which would pile up.
  function schedule(): void {
    if (checkRequested || asked) return;
    checkRequested = true;
    requestAnimationFrame(check);
  }

  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.onInvalidated(stop);
  schedule();
}
