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
