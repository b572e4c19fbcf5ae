import type { Browser, Target as BrowserTarget, ElementHandle, Frame, Page } from 'puppeteer-core';
import type { ScenarioUser } from '../../sandbox/scenarios';
import type { FirefoxGlobals } from '../e2e/support/extension-apis';
import { type SandboxFixture, sandboxFixture } from '../e2e/support/sandbox-fixture';
import type { ExtensionDocument } from '../firefox/extension-debugger';
import type { FirefoxHarness } from '../firefox/harness';
import { signInThroughLoginPage } from '../firefox/sign-in';
import {
  type BrowserDriver,
  type ConsoleFrame,
  type ConsoleTab,
  describeTarget,
  type Evaluator,
  findTarget,
  OUR_HOSTS,
  type Target,
  type UnhandledErrors,
  until,
} from './driver';

/** The shared behaviours' driver on firefox-esr: puppeteer-core for web pages, Firefox's debugger for the extension. */
export function firefoxDriver(harness: FirefoxHarness): BrowserDriver {
  const sandbox = sandboxFixture(harness.sandbox);
  return {
    browser: 'firefox',
    sandbox,
    async signIn(user: ScenarioUser) {
      const popup = await harness.openExtensionPage('popup.html');
      const answer = (await signInThroughLoginPage(harness, popup, user)) as { ok?: boolean } | undefined;
      if (!answer?.ok) throw new Error(`Sign-in failed: ${JSON.stringify(answer)}`);
      await closeExtensionTab(popup);
    },
    async openTab(url) {
      const page = await harness.browser.newPage();
      await page.goto(url);
      return firefoxTab(page, sandbox.appOrigin, harness);
    },
    background: () => harness.background(),
    stopBackground: () => harness.extension.terminateBackground(),
    async extensionPage(path) {
      const page = await harness.openExtensionPage(path);
      return { evaluate: (fn, arg) => page.evaluate(fn, arg), close: () => closeExtensionTab(page) };
    },
    watchUnhandledErrors: async () => watchPageErrors(harness.browser, (url) => isConsolePage(sandbox, url)),
    answerLoginPages(user) {
      const pickAccount = (target: BrowserTarget) =>
        void target
          .page()
          .then((page) => page && chooseAccountOn(page, user))
          .catch(() => {});
      harness.browser.on('targetcreated', pickAccount);
      return { stop: () => void harness.browser.off('targetcreated', pickAccount) };
    },
    async setOffline(offline) {
      // Nothing to switch back on; a row that goes offline runs in Chromium only (its `only` says why).
      if (offline) throw new Error("Firefox's offline mode leaves the loopback sandbox reachable");
    },
    extensionId: harness.addonId,
    async openTabWithScript(url, script, arg) {
      const page = await harness.browser.newPage();
      await page.evaluateOnNewDocument(script, arg);
      await page.goto(url);
      return firefoxTab(page, sandbox.appOrigin, harness);
    },
  };
}

/**
 * Unhandled exceptions and rejections in the web pages' own world, every frame of every tab
 * (WebDriver BiDi's javascript log entries). BiDi does not report content scripts' or the
 * background page's errors, so those go unwatched in Firefox.
 */
function watchPageErrors(browser: Browser, isWatched: (url: string) => boolean): UnhandledErrors {
  const seen: string[] = [];
  const watched = new Set<Page>();
  const watch = (page: Page | null) => {
    if (!page || watched.has(page)) return;
    watched.add(page);
    page.on('pageerror', (error) => {
      if (isWatched(page.url())) seen.push(`${page.url()}: ${String(error)}`);
    });
  };
  const onTarget = (target: BrowserTarget) => void target.page().then(watch, () => {});
  browser.on('targetcreated', onTarget);
  void browser.pages().then((pages) => pages.forEach(watch));
  return {
    list: () => [...seen],
    async stop() {
      browser.off('targetcreated', onTarget);
    },
  };
}

/** A console tab (the shell, or the app on its own), not the sandbox's IMS login page on the same origin. */
function isConsolePage(sandbox: SandboxFixture, url: string) {
  const { pathname } = new URL(url);
  return (url.startsWith(sandbox.shellUrl) || url.startsWith(sandbox.appOrigin)) && !pathname.startsWith('/ims/');
}

/** Picks `user` on the sandbox login page; Firefox closes it once IMS redirects, which may cut the click short. */
async function chooseAccountOn(page: Page, user: ScenarioUser) {
  const account = await page.waitForSelector(`button.account[value="${user.userId}"]`, { timeout: 10_000 });
  await account?.click().catch(() => {});
}

/** An extension page opened in a tab closes its own tab (puppeteer cannot reach moz-extension:// pages). */
async function closeExtensionTab(page: ExtensionDocument) {
  await page.evaluate(async () => {
    const api = (globalThis as FirefoxGlobals).browser as FirefoxGlobals['browser'] & {
      tabs: { getCurrent(): Promise<{ id?: number }>; remove(id: number): Promise<void> };
    };
    const tab = await api.tabs.getCurrent();
    if (tab.id !== undefined) void api.tabs.remove(tab.id);
    return true;
  });
}

function firefoxTab(page: Page, appOrigin: string, harness: FirefoxHarness): ConsoleTab {
  return {
    app: async () =>
      firefoxFrame(
        page,
        await until(
          async () => page.frames().find((frame) => frame.url().startsWith(appOrigin)),
          'the console app frame loads',
        ),
      ),
    top: () => firefoxFrame(page, page.mainFrame()),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    press: (key) => page.keyboard.press(key as never),
    wheel: (deltaY) => page.mouse.wheel({ deltaY }),
    close: () => page.close(),
    contentScript: async () => contentScriptWorld(harness, page.url(), appOrigin),
  };
}

/**
 * The content scripts' world in the tab's frame at `origin`: the background runs `fn` there
 * with scripting.executeScript (Firefox gives it the same isolated world as our content
 * scripts). The background's function is built as text, as the debugger sends it, so that
 * `fn` travels inside it.
 */
function contentScriptWorld(harness: FirefoxHarness, pageUrl: string, origin: string): Evaluator {
  return {
    async evaluate(fn, arg) {
      const source = `async ({ pageUrl, origin, arg }) => {
        const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === pageUrl);
        if (tab?.id === undefined) throw new Error('No tab at ' + pageUrl);
        const results = await browser.scripting.executeScript({
          target: { tabId: tab.id, allFrames: true },
          func: async (origin, arg) => {
            if (location.origin !== origin) return null;
            try {
              return { value: await (${fn.toString()})(arg) };
            } catch (error) {
              return { error: String(error) };
            }
          },
          args: [origin, arg ?? null],
        });
        const answer = results.map((each) => each.result).find(Boolean);
        if (!answer) throw new Error('No frame at ' + origin + ' in ' + pageUrl);
        if ('error' in answer) throw new Error('Content script evaluation failed: ' + answer.error);
        return answer.value;
      }`;
      const inBackground = Object.assign(() => undefined, { toString: () => source });
      return (await harness.background()).evaluate(inBackground as never, { pageUrl, origin, arg }) as never;
    },
  };
}

function firefoxFrame(page: Page, frame: Frame): ConsoleFrame {
  /**
   * Finds the target again on every try and acts on it. Puppeteer's own waiting watches
   * document mutations, which never fire inside a shadow root, so this polls.
   */
  const act = async (target: Target, action: (element: ElementHandle<Element>) => Promise<void>) =>
    void (await until(async () => {
      const handle = (await frame.evaluateHandle(findTarget, { target, ...OUR_HOSTS })).asElement();
      if (!handle) return false;
      // A user acts in the tab in front; Firefox's input to a tab behind another takes seconds.
      await page.bringToFront();
      await action(handle as ElementHandle<Element>);
      return true;
    }, describeTarget(target)));
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    click: (target) => act(target, (element) => element.click()),
    doubleClick: (target) => act(target, (element) => element.click({ count: 2 })),
    hover: (target) => act(target, (element) => element.hover()),
    type: async (target, text) =>
      act(target, async (element) => {
        await element.focus();
        await element.evaluate((field) => (field as HTMLInputElement).select?.());
        await page.keyboard.type(text);
      }),
  };
}
