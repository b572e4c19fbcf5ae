import { browser } from 'wxt/browser';
import type { RequestOf } from '../messaging/contract';
import { findView } from './detect';
import { loadProfilePolicy } from './profile-policy';
import type { ContentScriptLifetime } from './quiet-context';

/**
 * The part of the extension that runs in every app frame of a console: it only recognises Settings >
 * Creative Cloud. No UI, no Preact, no store: a frame that never shows the view pays for one
 * MutationObserver and a check per animation frame after DOM changes. When the view appears,
 * the worker is asked to inject the UI into this frame (entrypoints/console-ui.content), which
 * then takes over, and this watcher stops.
 *
 * Nothing of this runs before the page has loaded: browsers inject `document_idle` scripts just
 * before a frame's load event, and the shell's load event waits for every frame's, so any work
 * here (observing the app's first render, checking each of its frames) would be on the page's
 * load path. The view cannot be missed by waiting: the first check looks at the whole document,
 * and the observer catches everything rendered after it, route changes included (they replace
 * the view's DOM; a location watcher would only repeat that signal, with a timer in every frame
 * where the Navigation API is missing).
 */
export function detectConsoleView(ctx: ContentScriptLifetime): void {
  let checkRequested = false;
  let asked = false;
  let policyAsked = false;

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
    const { view, pickerSeen } = findView(document);
    if (view) void askForUi();
    else if (pickerSeen && !policyAsked) {
      // A listbox picker that matches neither the built-in labels nor the structure: IT may have
      // given this console's labels by policy. Asked once per frame, and only where a picker is.
      policyAsked = true;
      void loadProfilePolicy().then((added) => added && schedule());
    }
  }

  // Plain rAF: ctx.requestAnimationFrame adds an abort listener per call, which would pile up.
  function schedule(): void {
    if (checkRequested || asked) return;
    checkRequested = true;
    requestAnimationFrame(check);
  }

  function start(): void {
    if (asked || ctx.signal.aborted) return;
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    check();
  }

  ctx.onInvalidated(stop);
  afterLoad(ctx, start);
}

/**
 * Runs `task` once this frame has loaded and the browser has a moment to spare (or after
 * IDLE_TIMEOUT_MS at the latest). The shell's load event waits for this frame's and usually
 * fires before that idle moment; an app frame on another origin cannot see the shell's state,
 * so idle time is the best sign it has. A frame whose load drags on (a slow image, a hanging
 * request) still gets its check LOAD_WAIT_CAP_MS after injection, so a view already on screen
 * gets its UI then rather than whenever the last resource arrives.
 */
const IDLE_TIMEOUT_MS = 200;
const LOAD_WAIT_CAP_MS = 1000;
function afterLoad(ctx: ContentScriptLifetime, task: () => void): void {
  let scheduled = false;
  const whenIdle = () => {
    if (scheduled) return;
    scheduled = true;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(task, 0);
  };
  if (document.readyState === 'complete') {
    whenIdle();
  } else {
    ctx.addEventListener(window, 'load', whenIdle, { once: true });
    setTimeout(whenIdle, LOAD_WAIT_CAP_MS);
  }
}
