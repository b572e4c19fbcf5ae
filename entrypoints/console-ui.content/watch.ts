import { detectCreativeCloudView } from '@/lib/console-page/detect';
import { loadProfilePolicy } from '@/lib/console-page/profile-policy';
import { type ContentScriptLifetime, LOCATION_CHANGE } from '@/lib/console-page/quiet-context';
import { type MountedView, mountView } from './mounted-view';

/**
 * The content script's lifecycle in one frame. Frames that are not Settings > Creative Cloud get
 * the minimum: one MutationObserver on the body and a location listener, both feeding a check
 * that runs at most once per animation frame. No UI, no messages to the worker.
 *
 * When the view appears the UI is mounted once; a re-render of the view re-anchors it. When the
 * view goes away it is removed, at once after a route change, or after a grace period when the
 * URL is unchanged (the console shows a loading state while it re-renders the same view).
 */
const RERENDER_GRACE_MS = 5000;

export function watchConsole(ctx: ContentScriptLifetime): void {
  let mounted: MountedView | undefined;
  let lastSeenUrl = '';
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let frameRequested = false;

  function leave(): void {
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
    mounted?.remove();
    mounted = undefined;
  }

  function check(): void {
    frameRequested = false;
    if (ctx.isInvalid) return;
    const view = detectCreativeCloudView(document);
    if (view) {
      observe(view.picker.getRootNode());
      clearTimeout(leaveTimer);
      leaveTimer = undefined;
      lastSeenUrl = location.href;
      mounted ??= mountView(ctx, view, schedule);
      mounted.update(view);
      return;
    }
    if (!mounted) return;
    if (location.href !== lastSeenUrl) leave();
    else leaveTimer ??= setTimeout(leave, RERENDER_GRACE_MS);
  }

  // Plain rAF: ctx.requestAnimationFrame adds an abort listener per call, which would pile up on
  // a busy page. check() itself refuses to run once the context is invalid.
  function schedule(): void {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(check);
  }

  const observer = new MutationObserver(schedule);
  const observed = new WeakSet<Node>();
  // A web component opens its listbox inside its shadow root, which the document's observer
  // does not see: the picker's shadow root is observed too once the view is found.
  function observe(root: Node): void {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true });
  }
  observe(document.body ?? document.documentElement);
  ctx.addEventListener(window, LOCATION_CHANGE, schedule);
  ctx.onInvalidated(() => {
    observer.disconnect();
    leave();
  });
  // The policy's labels first, so a console IT described is recognised by its labels from the start.
  void loadProfilePolicy().finally(schedule);
}
