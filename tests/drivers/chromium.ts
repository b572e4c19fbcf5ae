import type { BrowserContext, ElementHandle, Frame, Page } from '@playwright/test';
import type { ScenarioUser } from '../../sandbox/scenarios';
import { appFrameOf } from '../e2e/support/console-ui';
import { contentScriptSender } from '../e2e/support/content-script-sender';
import type { SandboxFixture } from '../e2e/support/sandbox-fixture';
import { killServiceWorker, reacquireServiceWorker } from '../e2e/support/service-worker';
import { signIn } from '../e2e/support/sign-in';
import { watchUnhandledErrors } from '../e2e/support/unhandled-errors';
import { chooseAccount } from '../e2e/support/worker-client';
import {
  type BrowserDriver,
  type ConsoleFrame,
  type ConsoleTab,
  describeTarget,
  type Evaluator,
  findTarget,
  OUR_HOSTS,
  type Target,
  until,
} from './driver';

/** The shared behaviours' driver on Playwright's Chromium: the extension freshly installed for each test (tests/e2e/fixtures.ts). */
export function chromiumDriver(fixtures: {
  context: BrowserContext;
  extensionId: string;
  sandbox: SandboxFixture;
}): BrowserDriver {
  const { context, extensionId, sandbox } = fixtures;
  return {
    browser: 'chromium',
    sandbox,
    async signIn(user: ScenarioUser) {
      await signIn(context, extensionId, user);
    },
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url);
      return chromiumTab(page, sandbox, extensionId);
    },
    async background() {
      return evaluatorOf(await reacquireServiceWorker(context));
    },
    stopBackground: () => killServiceWorker(context, extensionId),
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return { ...evaluatorOf(page), close: () => page.close() };
    },
    /** Every console page and app frame (both worlds) and every incarnation of the worker, over CDP. */
    watchUnhandledErrors: () => {
      const watched = [sandbox.shellUrl, sandbox.appOrigin, `chrome-extension://${extensionId}/`];
      return watchUnhandledErrors(context, (url) => watched.some((origin) => url.startsWith(origin)));
    },
    answerLoginPages(user) {
      const pickAccount = (loginPage: Page) =>
        void loginPage
          .waitForURL(/\/ims\/authorize\/v2/)
          .then(() => chooseAccount(loginPage, user))
          .catch(() => {});
      context.on('page', pickAccount);
      return { stop: () => void context.off('page', pickAccount) };
    },
    setOffline: (offline) => context.setOffline(offline),
    extensionId,
    async openTabWithScript(url, script, arg) {
      const page = await context.newPage();
      await page.addInitScript(script as never, arg);
      await page.goto(url);
      return chromiumTab(page, sandbox, extensionId);
    },
  };
}

function evaluatorOf(target: Pick<Page, 'evaluate'>): Evaluator {
  return { evaluate: (fn, arg) => target.evaluate(fn as never, arg) };
}

function chromiumTab(page: Page, sandbox: SandboxFixture, extensionId: string): ConsoleTab {
  return {
    app: async () => chromiumFrame(page, await appFrameOf(page, sandbox)),
    top: () => chromiumFrame(page, page.mainFrame()),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    press: (key) => page.keyboard.press(key),
    wheel: (deltaY) => page.mouse.wheel(0, deltaY),
    close: () => page.close(),
    contentScript: async () => contentScriptWorld(await appFrameOf(page, sandbox), extensionId),
  };
}

/** The content script's isolated world through CDP, one session per evaluation (the frame may have navigated since). */
function contentScriptWorld(frame: Frame, extensionId: string): Evaluator {
  return {
    async evaluate(fn, arg) {
      const world = await contentScriptSender(frame, extensionId);
      try {
        return (await world.evaluate(`(${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'})`)) as never;
      } finally {
        await world.close();
      }
    },
  };
}

function chromiumFrame(page: Page, frame: Frame): ConsoleFrame {
  /** Finds the target again on every try and acts on it: a re-created control is simply found anew. */
  const act = async (target: Target, action: (element: ElementHandle) => Promise<void>) =>
    void (await until(async () => {
      const handle = (await frame.evaluateHandle(findTarget, { target, ...OUR_HOSTS })).asElement();
      if (!handle) return false;
      await action(handle as ElementHandle);
      return true;
    }, describeTarget(target)));
  return {
    ...evaluatorOf(frame),
    click: (target) => act(target, (element) => element.click({ timeout: 5_000 })),
    doubleClick: (target) => act(target, (element) => element.dblclick({ timeout: 5_000 })),
    hover: (target) => act(target, (element) => element.hover({ timeout: 5_000 })),
    type: (target, text) =>
      act(target, async (element) => {
        await element.focus();
        await element.evaluate((field) => (field as HTMLInputElement).select?.());
        await page.keyboard.type(text);
      }),
  };
}
