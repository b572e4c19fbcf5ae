import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { issuedTokenRecords } from './attack-surfaces';
import { axeOn, seriousViolationsIn } from './axe';
import type { ChromiumGlobals } from './extension-apis';
import type { SandboxFixture } from './sandbox-fixture';

/**
 * Helpers for the extension's own pages (popup, options) in tests: which tab shows the
 * console, opening the popup for it, downloads, axe.
 */

/** The id of the tab whose URL starts with `urlPrefix`, as the worker sees it (it may read console tabs' URLs). */
export async function tabIdShowing(worker: Worker, urlPrefix: string): Promise<number> {
  const id = await worker.evaluate(async (prefix) => {
    const tabs = (await (globalThis as ChromiumGlobals).chrome?.tabs?.query({})) ?? [];
    return tabs.find((tab) => tab.url?.startsWith(prefix))?.id;
  }, urlPrefix);
  if (id === undefined) throw new Error(`No tab shows ${urlPrefix}`);
  return id;
}

/** The tab showing the sandbox console. */
export const consoleTabId = (worker: Worker, sandbox: SandboxFixture) => tabIdShowing(worker, sandbox.shellUrl);

/** The popup in a tab of its own, describing tab `tabId` (`?tab=`; see lib/popup/popup-store.ts). */
export async function openPopupFor(context: BrowserContext, extensionId: string, tabId?: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
  return popup;
}

/** Clicks `trigger` and answers the text of the file it downloads, with its suggested name. */
export async function downloadedText(
  page: Page,
  trigger: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await trigger();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Serious and critical axe violations on an extension page (checked after the page rendered). */
export async function seriousPageViolations(page: Page) {
  return seriousViolationsIn(await axeOn(page));
}

/** Every token the sandbox ever issued (IMS, console, control API): what must never leak. */
export async function issuedTokens(sandbox: SandboxFixture): Promise<string[]> {
  return (await issuedTokenRecords(sandbox)).map(({ token }) => token);
}
