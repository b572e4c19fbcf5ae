import type { Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { CONSOLE_UI_TAG } from '../../components/console/ui-tag';
import en from '../../locales/en.json' with { type: 'json' };
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

export async function waitForText(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.waitForFunction(
    (tag, testId, expected) =>
      document.querySelector(tag)?.shadowRoot?.querySelector(`[data-testid="${testId}"]`)?.textContent === expected,
    { timeout: 10_000, polling: 100 },
    CONSOLE_UI_TAG,
    selector,
    text,
  );
}

export async function openConsole(harness: FirefoxHarness, tenant: string): Promise<{ page: Page; app: Frame }> {
  const page = await harness.browser.newPage();
  await page.goto(creativeCloudUrl(harness.sandbox.shellUrl, tenant));
  return { page, app: await appFrame(page, harness.sandbox.appOrigin) };
}

export interface SwitchedSandboxState {
  connectedOrg: { id: string } | null;
  appliedChanges: number;
  putsByIdempotencyKey: Record<string, number>;
}

/** What the result line says: Verified (the Assets API read it back) or reported by the console (its card only). */
const resultLine = (path: 'api' | 'console', org: string) =>
  (path === 'console' ? en.reportedByConsole : en.verified).replace('{org}', org);

async function waitForDialog(app: Frame, open: boolean): Promise<void> {
  await app.waitForFunction(
    (tag, expected) => Boolean(document.querySelector(tag)?.shadowRoot?.querySelector('dialog[open]')) === expected,
    { timeout: 10_000, polling: 100 },
    CONSOLE_UI_TAG,
    open,
  );
}

/**
 * A switch to `to` in our switcher, confirmed, then Switch back to `back`: each waits for its
 * result line and checks what the sandbox applied. Through the console page (`path: 'console'`)
 * Switch back asks again: Cancel there first changes nothing, then the confirmation goes back.
 * Answers the sandbox's state at the end.
 */
export async function switchAndSwitchBack(
  harness: FirefoxHarness,
  app: Frame,
  to: { id: string; name: string },
  back: { id: string; name: string },
  path: 'api' | 'console' = 'api',
): Promise<SwitchedSandboxState> {
  await clickInUi(app, `button::-p-text(${en.openSwitcher})`);
  await clickInUi(app, `[role="option"][data-org-id="${to.id}"]`);
  await clickInUi(app, `dialog[open] button::-p-text(${en.confirmSwitch})`);
  await waitForText(app, 'progress', resultLine(path, to.name));
  const switched = await harness.sandbox.control<SwitchedSandboxState>('GET', 'state');
  expect(switched).toMatchObject({ appliedChanges: 1, connectedOrg: { id: to.id } });

  await clickInUi(app, `button::-p-text(Switch back to ${back.name})`);
  if (path === 'console') {
    await waitForText(app, 'confirm-reported-by-console', en.confirmReportedByConsole);
    await clickInUi(app, `dialog[open] button::-p-text(${en.cancel})`);
    await waitForDialog(app, false);
    const cancelled = await harness.sandbox.control<SwitchedSandboxState>('GET', 'state');
    expect(cancelled).toMatchObject({ appliedChanges: 1, connectedOrg: { id: to.id } });
    await clickInUi(app, `button::-p-text(Switch back to ${back.name})`);
    await clickInUi(app, `dialog[open] button::-p-text(Switch back to ${back.name})`);
  }
  await waitForText(app, 'progress', resultLine(path, back.name));
  const backAgain = await harness.sandbox.control<SwitchedSandboxState>('GET', 'state');
  expect(backAgain).toMatchObject({ appliedChanges: 2, connectedOrg: { id: back.id } });
  return backAgain;
}
