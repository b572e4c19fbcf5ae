import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { BADGE_HOST_ATTRIBUTE } from '../../lib/console-page/markers';
import type { ScenarioUser } from '../../sandbox/scenarios';
import type { SandboxFixture } from '../e2e/support/sandbox-fixture';

/**
 * The browser a shared behaviour (tests/behaviours/) runs in, as the few things the behaviour
 * needs: open a console tab, click and type as the user does, run code in a page or in the
 * extension, restart the extension's background. One implementation per browser:
 * Playwright for Chromium (tests/drivers/chromium.ts), puppeteer-core plus Firefox's debugger
 * for firefox-esr (tests/drivers/firefox.ts). tests/HARNESS.md explains the choice.
 */

export type BrowserName = 'chromium' | 'firefox';

export interface Evaluator {
  /** Runs `fn(arg)` there; `fn` must be self-contained (it travels as source text) and answer JSON. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

/** An element the user acts on: in our UI's shadow root or in the console's own page. */
export interface Target {
  in: 'ui' | 'page';
  css: string;
  /** Only an element whose text contains this. */
  text?: string;
  /** Only an element whose whole text, trimmed, is `text` (a link "Creative Cloud", not "Creative Cloud Settings"). */
  exact?: boolean;
}

/** A frame of a console tab, in the page's own world: what a hostile page could run, too. */
export interface ConsoleFrame extends Evaluator {
  /** A trusted click (the browser's own input events) on the first visible match, once there is one. */
  click(target: Target): Promise<void>;
  /** A trusted double click, as above. */
  doubleClick(target: Target): Promise<void>;
  /** Moves the mouse over the target (e.g. before the wheel scrolls it). */
  hover(target: Target): Promise<void>;
  /** Focuses the target, selects what it holds and types `text` over it with the keyboard, as a user replaces a search. */
  type(target: Target, text: string): Promise<void>;
}

export interface ConsoleTab {
  /** The Assets app's frame as it is now: find it again after every await that may navigate. */
  app(): Promise<ConsoleFrame>;
  /** The tab's top frame (the console shell). */
  top(): ConsoleFrame;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** A key press through the browser's input, to whatever has focus (`Tab`, `Enter`, `Escape`…). */
  press(key: string): Promise<void>;
  /** The mouse wheel where the mouse is, `deltaY` pixels down. */
  wheel(deltaY: number): Promise<void>;
  close(): Promise<void>;
  /**
   * The extension's content-script world in the app frame: what a compromised console frame's
   * content script could run (extension storage, runtime messaging), for the attack cases.
   */
  contentScript(): Promise<Evaluator>;
}

export interface ExtensionPage extends Evaluator {
  close(): Promise<void>;
}

export interface BrowserDriver {
  readonly browser: BrowserName;
  /** A sandbox of this test alone (reset), which the extension is pointed at, its author host trusted. */
  readonly sandbox: SandboxFixture;
  /** Signs the extension in as the popup would: `signIn`, then `user`'s account on the sandbox login page. */
  signIn(user: ScenarioUser): Promise<void>;
  /** A new tab at `url`. */
  openTab(url: string): Promise<ConsoleTab>;
  /** The extension's background as it is now: Chromium's service worker, Firefox's event page. */
  background(): Promise<Evaluator>;
  /** Stops the background as the browser does when it idles out; the next event starts a new one. */
  stopBackground(): Promise<void>;
  /** One of the extension's pages (`popup.html`, `options.html`…) in a new tab. */
  extensionPage(path: string): Promise<ExtensionPage>;
  /**
   * Starts collecting unhandled exceptions and promise rejections in the console's pages and
   * the extension, for a behaviour that asserts there were none (what each browser can watch
   * is said by its implementation).
   */
  watchUnhandledErrors(): Promise<UnhandledErrors>;
  /**
   * Picks `user` on every sandbox login page that opens until the answer's `stop()`: a sign-in
   * our console UI starts opens that page itself (and IMS may also answer without one).
   */
  answerLoginPages(user: ScenarioUser): { stop(): void };
  /** The browser's offline mode, which cuts the extension's requests off too. */
  setOffline(offline: boolean): Promise<void>;
  /** The extension's runtime id (Chromium's extension id, Firefox's add-on id): its content scripts' event names carry it. */
  readonly extensionId: string;
  /** Like `openTab`, but `script(arg)` runs first in every frame of the tab, before the page's own scripts: a hostile page's first script. */
  openTabWithScript<A>(url: string, script: (arg: A) => void, arg: A): Promise<ConsoleTab>;
}

export interface UnhandledErrors {
  /** "<where>: <description>" for each one seen so far. */
  list(): string[];
  stop(): Promise<void>;
}

export const POLL_MS = 100;

/**
 * Re-runs `probe` until it answers something truthy, and answers that. `what` names the
 * condition the user would see, for the error when it never comes. A bound, not a wait.
 */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false | '' | 0>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      // A frame that navigated mid-probe answers again on the next try.
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Not seen within ${timeoutMs} ms: ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Answers after two animation frames in `frame`: the content script checks the DOM once per
 * frame after mutations, so by then it has seen whatever the step before changed.
 */
export const afterContentScriptCheck = (frame: Evaluator) =>
  frame.evaluate(
    () => new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))),
  );

/**
 * Finds a target inside the frame (run there by both drivers through `evaluateHandle`): the
 * first visible match in our UI's shadow root, or in the page (its open shadow roots too, as
 * the web-component picker keeps its button in one, but never ours or a badge host's). The
 * element is found again for every action: the console re-creates its controls.
 */
export function findTarget({
  target,
  uiTag,
  badgeHostAttribute,
}: {
  target: Target;
  uiTag: string;
  badgeHostAttribute: string;
}): Element | null {
  const textMatches = (text: string) =>
    target.text === undefined || (target.exact ? text.trim() === target.text : text.includes(target.text));
  const matches = (element: Element) => element.getClientRects().length > 0 && textMatches(element.textContent ?? '');
  const search = (root: Document | ShadowRoot, pierce: boolean): Element | null => {
    for (const element of root.querySelectorAll(target.css)) if (matches(element)) return element;
    if (!pierce) return null;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot;
      if (!inner || element.localName === uiTag || element.hasAttribute(badgeHostAttribute)) continue;
      const found = search(inner, true);
      if (found) return found;
    }
    return null;
  };
  if (target.in === 'page') return search(document, true);
  const ui = document.querySelector(uiTag)?.shadowRoot;
  return ui ? search(ui, false) : null;
}

/** What `findTarget` needs besides the target: the names of the hosts whose shadow roots are ours. */
export const OUR_HOSTS = { uiTag: CONSOLE_UI_TAG, badgeHostAttribute: BADGE_HOST_ATTRIBUTE };

export const describeTarget = (target: Target) =>
  `${target.in === 'ui' ? 'our UI' : 'the page'}: ${target.css}${target.text === undefined ? '' : ` "${target.text}"`}`;
