import type { Frame, Page } from 'puppeteer-core';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import { creativeCloudUrl } from '../e2e/support/sandbox-control';
import type { FirefoxHarness } from './harness';

/** Driving the sandbox console and our UI in it from the Firefox suite. */

export const inUi = (selector: string) => `${CONSOLE_UI_TAG} >>> ${selector}`;

export async function appFrame(page: Page, appOrigin: string): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith(appOrigin));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('The console app frame did not load');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Clicks an element of our shadow-root UI. Puppeteer's own waiting watches the document for
 * mutations, which never fire for changes inside a shadow root, so this polls instead.
 */
export async function clickInUi(frame: Frame, selector: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const element = await frame.$(inUi(selector));
    if (element) return element.click();
    if (Date.now() > deadline) throw new Error(`${selector} did not appear in the console UI`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function openConsole(harness: FirefoxHarness, tenant: string): Promise<{ page: Page; app: Frame }> {
  const page = await harness.browser.newPage();
  await page.goto(creativeCloudUrl(harness.sandbox.shellUrl, tenant));
  return { page, app: await appFrame(page, harness.sandbox.appOrigin) };
}
