import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { withNewestEntry } from '../bounded-record';
import { type ConsoleIdentity, consoleIdentitySchema } from '../messaging/contract';
import { storedItem } from '../stored-items';

/**
 * Which console each tab shows, so the popup can answer for the active tab. When a content
 * script asks for state, the worker keeps the console it resolved for that tab (the tab URL's
 * tenant or org id and author host, the page's org name) per tab id with the tab's origin at
 * that time, in session storage. The popup uses this record, never the page's word.
 */
const consoleTabsItem = storedItem('consoleTabs');
const consoleTabsSchema = z.record(z.string(), z.strictObject({ console: consoleIdentitySchema, origin: z.string() }));

async function readConsoleTabs() {
  const parsed = consoleTabsSchema.safeParse(await consoleTabsItem.getValue());
  return parsed.success ? parsed.data : {};
}

const originOf = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

export async function rememberConsoleTab(tabId: number, tabUrl: string | undefined, identity: ConsoleIdentity) {
  const origin = originOf(tabUrl);
  if (!origin) return;
  const tabs = await readConsoleTabs();
  const known = tabs[tabId];
  if (known?.origin === origin && JSON.stringify(known.console) === JSON.stringify(identity)) return;
  await consoleTabsItem.setValue(withNewestEntry(tabs, String(tabId), { console: identity, origin }));
}

/**
 * The console a tab shows, if it still shows one: the tab must exist and still be on the
 * origin it was recorded from (its URL is visible to the worker only on hosts the extension
 * may access, which console hosts are; no `tabs` permission needed).
 */
export async function consoleOfTab(tabId: number): Promise<ConsoleIdentity | undefined> {
  const known = (await readConsoleTabs())[tabId];
  if (!known) return undefined;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return originOf(tab?.url) === known.origin ? known.console : undefined;
}

/** A closed tab shows no console any more (ids are not reused within a browser session, but records pile up). */
export async function forgetConsoleTab(tabId: number): Promise<void> {
  const tabs = await readConsoleTabs();
  if (!(tabId in tabs)) return;
  const { [tabId]: _closed, ...rest } = tabs;
  await consoleTabsItem.setValue(rest);
}
