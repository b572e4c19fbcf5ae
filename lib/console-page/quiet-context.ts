import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The context our content scripts run with, in place of WXT's (wxt.config.ts aliases WXT's
 * module to this one). WXT's announces every start to the page: a `window.postMessage` and a
 * CustomEvent on `document` named after the extension id, and a `<id>:…:wxt:locationchange`
 * event on `window` for every route change. Any page script could read the id from them and
 * know the extension is there. This one does the same work inside the content script's world.
 */

/** What our content scripts use of their context; WXT's class and this one both provide it. */
export type ContentScriptLifetime = Pick<
  WxtContentScriptContext,
  'signal' | 'abort' | 'isInvalid' | 'isValid' | 'onInvalidated' | 'addEventListener'
>;

/**
 * The running instance of each content script in this frame. Content scripts of one extension
 * share one isolated world per frame (Chrome and Firefox), whose globals the page cannot reach:
 * a script injected again finds its older instance here and stops it, as WXT's did through the DOM.
 * An extension reload or update starts a new world; the orphaned scripts notice that
 * `runtime.id` is gone (`isInvalid`).
 */
const RUNNING = Symbol.for('cc-switcher:running-content-scripts');
/**
 * How often each content script started in this frame: a console on a custom host must get the
 * detector once, not once per registration. Only the content scripts' world (and a test asking
 * it over the debugging protocol) can read it.
 */
export const STARTS = Symbol.for('cc-switcher:content-script-starts');
type WorldGlobals = typeof globalThis & {
  [RUNNING]?: Map<string, ContentScriptContext>;
  [STARTS]?: Map<string, number>;
};

/**
 * The event name WXT's API gives route changes (`ctx.addEventListener(window, LOCATION_CHANGE, …)`).
 * Here it is never dispatched on the page: the listener is called from the content script's world.
 */
export const LOCATION_CHANGE = 'wxt:locationchange';

/** Without the Navigation API (Firefox) a route change is noticed by polling, as WXT does. */
const LOCATION_POLL_MS = 1000;

interface NavigateEvent extends Event {
  destination: { url: string };
}
interface NavigationTarget {
  addEventListener(type: 'navigate', listener: (event: NavigateEvent) => void, options: AddEventListenerOptions): void;
}

export class ContentScriptContext implements ContentScriptLifetime {
  private readonly controller = new AbortController();

  constructor(contentScriptName: string) {
    const world = globalThis as WorldGlobals;
    world[RUNNING] ??= new Map();
    const running = world[RUNNING];
    running.get(contentScriptName)?.abort('A newer instance of this content script started');
    running.set(contentScriptName, this);
    world[STARTS] ??= new Map();
    world[STARTS].set(contentScriptName, (world[STARTS].get(contentScriptName) ?? 0) + 1);
    this.onInvalidated(() => {
      if (running.get(contentScriptName) === this) running.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  /**
   * Chrome never tells an orphaned content script; it only loses `runtime.id`. Unlike WXT's
   * getter, reading this neither re-notifies nor logs, so the UI may poll it.
   */
  get isInvalid(): boolean {
    if (!browser.runtime?.id) this.abort('Extension context invalidated');
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A listener removed when the context is invalidated; `LOCATION_CHANGE` is never dispatched. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    const listener = handler as (event: Event) => void;
    if (type === LOCATION_CHANGE) this.watchLocation(listener);
    else target.addEventListener(type, listener, { ...options, signal: this.signal });
  }

  /** Calls `handler` with the new and old URL whenever this frame's URL changes. */
  private watchLocation(handler: (event: Event) => void): void {
    if (this.isInvalid) return;
    let lastUrl = new URL(location.href);
    const changedTo = (url: string) => {
      const newUrl = new URL(url);
      if (newUrl.href === lastUrl.href) return;
      const oldUrl = lastUrl;
      lastUrl = newUrl;
      handler(Object.assign(new Event(LOCATION_CHANGE), { newUrl, oldUrl }));
    };
    const navigation = (globalThis as { navigation?: Partial<NavigationTarget> }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changedTo(event.destination.url), { signal: this.signal });
      return;
    }
    const poll = setInterval(() => {
      if (this.isValid) changedTo(location.href);
    }, LOCATION_POLL_MS);
    this.onInvalidated(() => clearInterval(poll));
  }
}
