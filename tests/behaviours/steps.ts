import en from '../../locales/en.json' with { type: 'json' };
import { SCENARIOS, type ScenarioName, type ScenarioUser, userOf } from '../../sandbox/scenarios';
import { byTestId, uiText } from '../drivers/console-readers';
import { type BrowserDriver, type ConsoleTab, until } from '../drivers/driver';

/** Steps the shared behaviours take alike. */

export interface SignedInConsoleOptions {
  /** Loaded first (the sandbox starts on `default`); its console opens. */
  scenario?: ScenarioName;
  /** Sandbox set-up after the scenario, before sign-in and the console (picker form, faults…). */
  arrange?: () => Promise<unknown>;
  /** Who signs in; default: the scenario's console user. */
  user?: ScenarioUser;
  lang?: string;
}

/** Signs the admin in, opens the console's Settings > Creative Cloud and waits for our UI's summary. */
export async function signedInConsole(
  driver: BrowserDriver,
  { scenario: name = 'default', arrange, user, lang }: SignedInConsoleOptions = {},
): Promise<ConsoleTab> {
  const scenario = SCENARIOS[name];
  if (name !== 'default') await driver.sandbox.control('POST', 'scenario', { name });
  await arrange?.();
  const account = user ?? userOf(scenario, scenario.consoleUserId);
  if (!account) throw new Error(`The ${name} scenario has no console user`);
  await driver.signIn(account);
  const tab = await driver.openTab(driver.sandbox.creativeCloudUrl(scenario.aemOrg.tenant, lang));
  await consoleShowsSummary(tab);
  return tab;
}

/** Our UI on the tab shows the worker's summary, as the user first sees it. */
export async function consoleShowsSummary(tab: ConsoleTab, timeoutMs = 20_000): Promise<void> {
  await until(
    async () => (await uiText(await tab.app(), byTestId('summary'))) !== null,
    'our UI shows its summary',
    timeoutMs,
  );
}

export interface SandboxState {
  appliedChanges: number;
  connectedOrg: { id: string; name: string } | null;
}

export const sandboxState = (driver: BrowserDriver) => driver.sandbox.control<SandboxState>('GET', 'state');
export const appliedChanges = async (driver: BrowserDriver) => (await sandboxState(driver)).appliedChanges;

/** A request to the worker from one of the extension's pages, as the popup or options page sends it; the raw answer. */
export async function sendFromExtensionPage(driver: BrowserDriver, request: unknown): Promise<unknown> {
  const page = await driver.extensionPage('popup.html');
  try {
    return await page.evaluate((message) => {
      const api =
        (globalThis as { browser?: ExtensionMessaging; chrome?: ExtensionMessaging }).browser ??
        (globalThis as { chrome?: ExtensionMessaging }).chrome;
      return api?.runtime.sendMessage(message);
    }, request);
  } finally {
    await page.close();
  }
}
interface ExtensionMessaging {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Opens our switcher, searches for `orgName` and picks it; resolves once our confirmation asks. */
export async function pickInSwitcher(tab: ConsoleTab, orgName: string): Promise<void> {
  await (await tab.app()).click({ in: 'ui', css: 'button', text: en.openSwitcher });
  await (await tab.app()).type({ in: 'ui', css: '[role="combobox"]' }, orgName);
  await (await tab.app()).click({ in: 'ui', css: '[role="option"]', text: orgName });
  await until(async () => (await uiText(await tab.app(), 'dialog[open]')) !== null, 'our confirmation asks');
}

/** What the result line says: Verified (the Assets API read it back) or reported by the console (its card only). */
export const resultLine = (path: 'api' | 'console', org: string) =>
  (path === 'console' ? en.reportedByConsole : en.verified).replace('{org}', org);

/** Waits until our UI's element `css` shows exactly `text`. */
export async function uiShows(tab: ConsoleTab, css: string, text: string, timeoutMs?: number): Promise<void> {
  await until(async () => (await uiText(await tab.app(), css)) === text, `our UI shows "${text}" in ${css}`, timeoutMs);
}

/** Waits until our UI's element `css` contains `text`; answers its whole text. */
export function uiContains(tab: ConsoleTab, css: string, text: string, timeoutMs?: number): Promise<string> {
  return until(
    async () => {
      const shown = await uiText(await tab.app(), css);
      return shown?.includes(text) && shown;
    },
    `our UI shows "${text}" in ${css}`,
    timeoutMs,
  );
}

/** Waits until our UI has no open dialog. */
export const dialogClosed = (tab: ConsoleTab) =>
  until(async () => (await uiText(await tab.app(), 'dialog[open]')) === null, 'our dialog closes');
